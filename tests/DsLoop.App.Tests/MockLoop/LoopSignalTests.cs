using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Core.Scorecard;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.App.Tests.MockLoop;

public sealed class LoopSignalTests
{
    private static readonly ContentBank Bank = ContentLoader.Load(RepoPaths.Content).Bank!;

    private static ExerciseState Answered(bool offTopic) => new()
    {
        Id = "onboarding-test-sample-size",
        Kind = Content.Loops.LoopSlotKind.Open,
        Answer = "I would keep day-7 retention as a guardrail and check the sample ratio before reading anything.",
        OffTopic = offTopic,
    };

    [Fact]
    public void An_on_topic_answer_earns_its_strong_signals()
    {
        var signals = LoopScoring.Signals(Answered(offTopic: false), Bank).ToList();

        Assert.Contains(signals, s => s.Kind == SignalKind.Strong);
    }

    [Fact]
    public void An_off_topic_answer_earns_no_strong_signal()
    {
        var signals = LoopScoring.Signals(Answered(offTopic: true), Bank).ToList();

        Assert.DoesNotContain(signals, s => s.Kind == SignalKind.Strong);
    }
}

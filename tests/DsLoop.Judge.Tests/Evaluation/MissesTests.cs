using DsLoop.Content.Coaching;
using DsLoop.Judge.Evaluation;

namespace DsLoop.Judge.Tests.Evaluation;

public sealed class MissesTests
{
    private static LabelledAnswer Answer(AnswerKind kind, params string[] steps) =>
        new("item", "a1", kind, 3, false, steps, [], "text", "item.yaml#a1");

    private static CoachReport Report(bool offTopic, bool wrongNumber, params (string Id, bool Covered)[] steps) =>
        new([.. steps.Select(s => new StepCoverage(s.Id, s.Id, s.Covered, s.Covered ? ["I would randomise by user."] : [], []))], [], 120, LengthVerdict.WithinTarget, 100, 300)
        {
            Relevance = new RelevanceCheck(0.4, offTopic, ""),
            Numbers = wrongNumber ? [new NumberNote("s", "200 per arm", "wrong", "needs 9,500")] : [],
        };

    [Fact]
    public void A_report_that_matches_every_label_is_not_a_miss()
    {
        var miss = Misses.Compare(Answer(AnswerKind.Strong, "design"), Report(false, false, ("design", true), ("metrics", false)));

        Assert.True(miss.Agrees);
    }

    [Fact]
    public void Missed_and_falsely_credited_steps_are_listed_with_the_crediting_sentence()
    {
        var miss = Misses.Compare(Answer(AnswerKind.Strong, "design"), Report(false, false, ("design", false), ("metrics", true)));

        Assert.Equal(["design"], miss.MissedSteps);
        Assert.Equal(["metrics ← \"I would randomise by user.\""], miss.FalseSteps);
        Assert.False(miss.Agrees);
    }

    [Fact]
    public void An_unflagged_off_topic_answer_and_a_flagged_strong_one_are_told_apart()
    {
        Assert.Equal("missed", Misses.Compare(Answer(AnswerKind.OffTopic), Report(false, false)).OffTopic);
        Assert.Equal("false", Misses.Compare(Answer(AnswerKind.Strong), Report(true, false)).OffTopic);
        Assert.Equal("", Misses.Compare(Answer(AnswerKind.OffTopic), Report(true, false)).OffTopic);
    }

    [Fact]
    public void Number_flags_are_checked_against_the_wrong_number_kind()
    {
        Assert.Equal("missed", Misses.Compare(Answer(AnswerKind.WrongNumber), Report(false, false)).Numbers);
        Assert.Equal("false", Misses.Compare(Answer(AnswerKind.Weak), Report(false, true)).Numbers);
        var caught = Misses.Compare(Answer(AnswerKind.WrongNumber), Report(false, true));
        Assert.Equal("", caught.Numbers);
        Assert.Equal(["wrong: 200 per arm"], caught.NumberNotes);
    }

    [Fact]
    public void Find_keeps_only_the_answers_that_disagree()
    {
        var answers = new[] { Answer(AnswerKind.Strong, "design"), Answer(AnswerKind.OffTopic) };

        var found = Misses.Find(answers, a => Report(false, false, ("design", a.Kind == AnswerKind.Strong)));

        Assert.Single(found);
        Assert.Equal(AnswerKind.OffTopic, found[0].Kind);
    }
}

using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Core.Scorecard;
using Xunit;

namespace DsLoop.App.Tests.MockLoop;

/// <summary>The scorecard rule on whole runs of the shipped Senior × consumer loop (docs/SCORECARD.md, worked examples).</summary>
public sealed class LoopScorecardRuleTests
{
    private static readonly ContentBank Bank = ContentLoader.Load(DsLoop.Testing.RepoPaths.Content).Bank!;

    private static LoopTemplate SeniorConsumer => Bank.Loops.Single(l => l.Id == "senior-consumer");

    /// <summary>
    /// A finished run of the template's plan for <paramref name="seed"/>: every SQL exercise passed, every open question
    /// answered with the given judge rating (or, when null, the given coach score) and self-rating.
    /// </summary>
    private static LoopState Run(long seed, double? judge, double coach, int self, Func<int, bool>? offTopic = null)
    {
        var plan = LoopPlanner.Plan(SeniorConsumer, Bank, seed);
        var open = 0;
        var rounds = plan.Rounds.Select(r => new RoundState
        {
            Id = r.Round.Id,
            Title = r.Round.Title,
            Kind = r.Round.Kind,
            EndReason = RoundEnd.Completed,
            Rated = true,
            Items = [.. r.Slots.SelectMany(slot => slot.Slot.Kind == LoopSlotKind.Sql
                ? Enumerable.Range(0, slot.Slot.Count).Select(i => new ExerciseState
                {
                    Id = $"sql-{r.Round.Id}-{i}",
                    Title = "SQL",
                    Kind = LoopSlotKind.Sql,
                    Dimensions = [Dimension.DataFluency],
                    Answer = "select 1",
                    Passed = true,
                    Closed = true,
                })
                : slot.Items.Select(item => new ExerciseState
                {
                    Id = item.Id,
                    Title = item.Title,
                    Kind = slot.Slot.Kind,
                    Dimensions = [.. item.Dimensions],
                    Answer = "An answer.",
                    CoachScore = judge is { } j ? (j - 1) / 3 : coach,
                    JudgeRating = judge,
                    SelfRating = self,
                    OffTopic = offTopic?.Invoke(open++) == true,
                    Closed = true,
                }))],
        }).ToList();
        return new LoopState { TemplateId = SeniorConsumer.Id, Seed = seed, Rounds = rounds };
    }

    private static IEnumerable<long> Seeds => Enumerable.Range(1, 25).Select(i => (long)i);

    [Fact]
    public void Perfect_sql_and_judged_answers_at_the_bar_are_at_least_a_yes_for_every_seed()
    {
        foreach (var seed in Seeds)
        {
            var card = LoopScoring.Build(Run(seed, judge: 3.0, coach: 0, self: 3), Bank);
            Assert.True(card.Recommendation >= Recommendation.Yes, $"seed {seed}: {card.Reason}");
            Assert.InRange(card.Overall!.Value, 3.0m, 3.3m);
        }
    }

    [Fact]
    public void The_reported_senior_consumer_run_is_a_yes_where_the_old_rule_said_no()
    {
        // The run from the report: both SQL answers right, open answers coached 0.55 (the old band 2) and self-rated 3.
        // Old rule: (2 + 3) / 2 rounded down = 2 on every open answer, Data fluency 3, overall 2.15 → No.
        // New rule: 1 + 3·0.55 = 2.65; 0.75·2.65 + 0.25·3 = 2.74 → 2.7 on every open answer; overall 2.84 → Yes.
        var card = LoopScoring.Build(Run(seed: 7, judge: null, coach: 0.55, self: 3), Bank);
        Assert.Equal(Recommendation.Yes, card.Recommendation);
        Assert.All(card.Dimensions.SelectMany(d => d.Evidence).Where(e => e.Source == EvidenceSource.OpenAnswer), e => Assert.Equal(2.7m, e.Rating));
        var fluency = card.Dimensions.Single(d => d.Dimension == Dimension.DataFluency);
        // The numbers of the worked example in docs/SCORECARD.md: if the bank changes the plan, update both.
        Assert.Equal(2, fluency.Evidence.Count(e => e.Source == EvidenceSource.OpenAnswer));
        Assert.Equal(3.6m, fluency.Rating); // (4·2 + 4·2 + 2.7 + 2.7) / 6 = 3.57
        Assert.All(card.Dimensions.Where(d => d.Dimension != Dimension.DataFluency), d => Assert.Equal(2.7m, d.Rating));
        Assert.Equal(2.835m, card.Overall); // 0.85 × 2.7 + 0.15 × 3.6
        Assert.Equal([EvidenceBasis.AutoGraded, EvidenceBasis.Judged], fluency.Bases);
        Assert.All(fluency.Evidence.Where(e => e.Source == EvidenceSource.Sql), e => Assert.Equal(EvidenceBasis.AutoGraded, e.Basis));
    }

    [Fact]
    public void Perfect_sql_is_never_a_no_when_the_open_answers_meet_the_bar_by_judge_or_by_coach()
    {
        foreach (var seed in Seeds)
        {
            foreach (var self in new[] { 2, 3, 4 })
            {
                Assert.NotEqual(Recommendation.No, LoopScoring.Build(Run(seed, judge: 3.0, coach: 0, self: self), Bank).Recommendation);
                Assert.NotEqual(Recommendation.No, LoopScoring.Build(Run(seed, judge: null, coach: 2.0 / 3.0, self: self), Bank).Recommendation);
            }
        }
    }

    [Fact]
    public void Strong_answers_with_one_off_topic_answer_are_capped_at_yes()
    {
        var strong = LoopScoring.Build(Run(seed: 7, judge: 4.0, coach: 0, self: 4), Bank);
        Assert.Equal(Recommendation.StrongYes, strong.Recommendation);
        var oneOff = LoopScoring.Build(Run(seed: 7, judge: 4.0, coach: 0, self: 4, offTopic: i => i == 2), Bank);
        Assert.Equal(strong.Overall, oneOff.Overall);
        Assert.Equal(Recommendation.Yes, oneOff.Recommendation);
        Assert.Contains("capped at Yes", oneOff.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_off_topic_finding_travels_from_the_exercise_to_its_evidence()
    {
        var card = LoopScoring.Build(Run(seed: 3, judge: 3.0, coach: 0, self: 3, offTopic: i => i == 0), Bank);
        var flagged = card.Dimensions.SelectMany(d => d.Evidence).Where(e => e.OffTopic).DistinctBy(e => e.ItemId).ToList();
        Assert.Single(flagged);
        Assert.Contains("off the question", flagged[0].Detail, StringComparison.Ordinal);
    }
}

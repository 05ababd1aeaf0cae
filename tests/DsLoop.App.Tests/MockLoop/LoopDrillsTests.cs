using DsLoop.App.Judging;
using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Core.Scorecard;
using DsLoop.Drills;
using Xunit;

namespace DsLoop.App.Tests.MockLoop;

/// <summary>Statistics slots of a loop filled with drills: which families fit, exact grading, refusals and the scorecard.</summary>
public sealed class LoopDrillsTests
{
    private static readonly ContentBank Bank = ContentLoader.Load(DsLoop.Testing.RepoPaths.Content).Bank!;

    private sealed class NoSql : ILoopSqlGrader
    {
        public IReadOnlyList<LoopSqlProblem> Problems => [];

        public LoopSqlProblem? Problem(string id) => null;

        public Task<LoopSqlGrade> GradeAsync(string problemId, ulong seed, string sql, CancellationToken cancellationToken) =>
            Task.FromResult(new LoopSqlGrade(false, []));
    }

    private static LoopEngine Engine() => new(Bank, new AnswerReviewer(Bank, useModel: false), new NoSql(), TimeProvider.System);

    private static (LoopState State, RoundState Stats) Planned(string templateId, long seed = 7)
    {
        var engine = Engine();
        var state = LoopEngine.Create(Bank.Loops.Single(t => t.Id == templateId), seed, pressure: false);
        Assert.True(engine.Plan(state, new ScreenPrep("fit", "ok", "remote", "range", DateTimeOffset.UnixEpoch), null));
        return (state, state.Rounds.Single(r => r.Kind == Round.StatisticsExperimentation && !r.Optional));
    }

    [Theory]
    [InlineData("ds-consumer", 3)]
    [InlineData("ds-b2b-saas", 2)]
    [InlineData("senior-trust-and-safety", 2)]
    public void Stats_exercise_slots_hold_two_or_three_drills_with_their_own_seeds_and_no_stand_ins(string templateId, int drills)
    {
        var (_, stats) = Planned(templateId);
        var exercises = stats.Items.Where(i => i.Kind == LoopSlotKind.StatsExercise).ToList();
        Assert.Equal(drills, exercises.Count);
        Assert.All(exercises, e =>
        {
            Assert.True(e.IsDrill);
            Assert.False(e.StandIn);
            Assert.NotNull(DrillCatalog.Find(e.Id));
            Assert.Equal([Dimension.StatisticsExperimentation], e.Dimensions);
        });
        // The seed is drawn on the server, not from the loop's seed (which the pages show): the same loop seed draws new numbers.
        var (_, again) = Planned(templateId);
        Assert.NotEqual(exercises.Select(e => e.DrillSeed), again.Items.Where(i => i.IsDrill).Select(e => e.DrillSeed));
    }

    [Fact]
    public void A_senior_loop_draws_design_and_readout_families_and_bayes_only_in_trust_and_safety()
    {
        var provider = new DrillLoopExercises();
        var senior = Bank.Loops.Single(t => t.Id == "senior-consumer");
        var trust = Bank.Loops.Single(t => t.Id == "senior-trust-and-safety");
        var ds = Bank.Loops.Single(t => t.Id == "ds-consumer");
        LoopRound StatsRound(LoopTemplate t) => t.Rounds.First(r => r.Kind == Round.StatisticsExperimentation);
        LoopSlot Slot(LoopTemplate t) => StatsRound(t).Slots.First(s => s.Kind == LoopSlotKind.StatsExercise);
        var seniorIds = provider.Candidates(senior, StatsRound(senior), Slot(senior)).Select(c => c.Id).ToList();
        Assert.DoesNotContain("bayes", seniorIds);
        Assert.Contains("sample-size", seniorIds);
        Assert.Contains("srm", seniorIds);
        Assert.All(seniorIds, id => Assert.NotEqual(DrillArea.Probability, DrillCatalog.Find(id)!.Area));
        Assert.Contains("bayes", provider.Candidates(trust, StatsRound(trust), Slot(trust)).Select(c => c.Id));
        Assert.Equal(DrillCatalog.Families.Count, provider.Candidates(ds, StatsRound(ds), Slot(ds)).Count);
    }

    [Fact]
    public async Task A_drill_in_a_loop_is_graded_exactly_and_unreadable_text_is_refused_with_nothing_written()
    {
        var engine = Engine();
        var (state, stats) = Planned("ds-b2b-saas");
        foreach (var round in state.Rounds.TakeWhile(r => r != stats))
        {
            // Rounds before the statistics one end unanswered, so there is nothing to rate.
            Assert.True(engine.StartRound(state));
            Assert.True(engine.EndRound(state));
            Assert.True(round.Rated);
        }
        Assert.True(engine.StartRound(state));
        var first = stats.Items[0];
        var drill = LoopDrills.DrillOf(first)!;

        Assert.Equal(AnswerOutcome.Unreadable, await engine.AnswerAsync(state, 0, "roughly half", auto: false, default));
        Assert.Null(first.Answer);
        Assert.False(first.Closed);
        Assert.Contains("Expected:", LoopDrills.Refusal(first, "roughly half"), StringComparison.Ordinal);

        Assert.Equal(AnswerOutcome.Saved, await engine.AnswerAsync(state, 0, drill.AnswerText, auto: false, default));
        Assert.True(first.Passed);
        Assert.True(first.Closed);
        Assert.False(LoopEngine.NeedsRating(first));
        Assert.Null(engine.ItemOf(first));
        var reveal = LoopDrills.Reveal(first)!;
        Assert.True(reveal.Correct);
        Assert.Equal(drill.AnswerText, reveal.ExactAnswer);
    }

    [Fact]
    public void Drill_results_are_auto_graded_statistics_evidence_scored_one_when_right_and_zero_otherwise()
    {
        ExerciseState Drill(string family, bool? passed) => new()
        {
            Id = family,
            Title = family,
            Kind = LoopSlotKind.StatsExercise,
            Dimensions = [Dimension.StatisticsExperimentation],
            DrillSeed = 4,
            Answer = passed is null ? null : "0.5",
            Passed = passed,
            Closed = true,
        };
        var state = new LoopState
        {
            TemplateId = "t",
            Rounds = [new RoundState { Id = "r", Title = "R", EndReason = RoundEnd.Completed, Rated = true, Items = [Drill("bayes", true), Drill("srm", false), Drill("power", null)] }],
        };

        var card = LoopScoring.Build(state, Bank);

        var stats = card.Dimensions.Single(d => d.Dimension == Dimension.StatisticsExperimentation);
        Assert.Equal([4m, 1m, 1m], stats.Evidence.Select(e => e.Rating));
        Assert.All(stats.Evidence, e => Assert.Equal((EvidenceBasis.AutoGraded, EvidenceSource.Statistics), (e.Basis, e.Source)));
        Assert.Equal("power (not answered)", stats.Evidence[2].Title);
    }
}

using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Core.Scorecard;
using DsLoop.Store;
using Xunit;

namespace DsLoop.App.Tests.MockLoop;

public sealed class LoopScoringTests
{
    private static readonly ContentBank Bank = ContentLoader.Load(DsLoop.Testing.RepoPaths.Content).Bank!;

    private static QuestionItem Question(DsLoop.Core.Round round) => Bank.Items.First(i => i.Rounds.Contains(round) && i.FollowUps.Count > 0);

    private static ExerciseState Open(QuestionItem item, string? answer, double coach = 0.9, int? self = 3, LoopSlotKind kind = LoopSlotKind.Open) => new()
    {
        Id = item.Id,
        Title = item.Title,
        Kind = kind,
        Dimensions = [.. item.Dimensions],
        Answer = answer,
        CoachScore = answer is null ? null : coach,
        SelfRating = answer is null ? null : self,
        Closed = true,
        StandIn = kind != LoopSlotKind.Open,
    };

    private static ExerciseState Sql(string id, bool? passed) => new()
    {
        Id = id,
        Title = id,
        Kind = LoopSlotKind.Sql,
        Dimensions = [Dimension.DataFluency],
        Answer = passed is null ? null : "select 1",
        Passed = passed,
        Closed = true,
    };

    private static LoopState State(params RoundState[] rounds) => new() { TemplateId = "t", Rounds = [.. rounds] };

    private static RoundState Round(RoundEnd end, params ExerciseState[] items) => new() { Id = "r", Title = "R", Items = [.. items], EndReason = end, Rated = true };

    [Fact]
    public void Sql_results_are_auto_graded_evidence_of_data_fluency_scored_one_when_correct_and_zero_otherwise()
    {
        var card = LoopScoring.Build(State(Round(RoundEnd.Completed, Sql("a", true), Sql("b", false), Sql("c", null))), Bank);
        var fluency = card.Dimensions.Single(d => d.Dimension == Dimension.DataFluency);
        Assert.Equal([4m, 1m, 1m], fluency.Evidence.Select(e => e.Rating));
        Assert.All(fluency.Evidence, e => Assert.Equal(EvidenceBasis.AutoGraded, e.Basis));
        Assert.All(fluency.Evidence, e => Assert.Equal(EvidenceSource.Sql, e.Source));
        Assert.Equal("c (not answered)", fluency.Evidence[2].Title);
        // (4·2 + 1·2 + 1·2) / 6 = 2 → rated 2; the only assessed dimension, so its weight in use is 100%.
        Assert.Equal(2m, fluency.Rating);
        Assert.Equal(1m, fluency.EffectiveWeight);
    }

    [Fact]
    public void Open_answers_blend_coach_and_self_rating_are_judged_and_count_in_each_probed_dimension()
    {
        var item = Question(DsLoop.Core.Round.StatisticsExperimentation);
        var card = LoopScoring.Build(State(Round(RoundEnd.Completed, Open(item, "An answer.", coach: 0.9, self: 3))), Bank);
        foreach (var dimension in item.Dimensions)
        {
            var evidence = Assert.Single(card.Dimensions.Single(d => d.Dimension == dimension).Evidence);
            Assert.Equal(3.5m, evidence.Rating); // coach 0.9 → 1 + 2.7 = 3.7; 0.75·3.7 + 0.25·3 = 3.525 → 3.5
            Assert.Equal(EvidenceBasis.Judged, evidence.Basis);
            Assert.Equal(item.Id, evidence.ItemId);
        }
        Assert.All(card.Dimensions.Where(d => !item.Dimensions.Contains(d.Dimension)), d => Assert.False(d.Assessed));
    }

    [Fact]
    public void Unanswered_open_questions_rate_one_and_cap_the_call_while_skipped_rounds_are_left_out()
    {
        var asked = Question(DsLoop.Core.Round.Behavioral);
        var skipped = Question(DsLoop.Core.Round.ModelingMlDesign);
        var card = LoopScoring.Build(State(
            Round(RoundEnd.TimeUp, Open(asked, null)),
            Round(RoundEnd.Skipped, Open(skipped, null))), Bank);
        var evidence = card.Dimensions.SelectMany(d => d.Evidence).ToList();
        Assert.All(evidence, e => Assert.Equal(asked.Id, e.ItemId));
        Assert.All(evidence, e => Assert.Equal(1m, e.Rating));
        Assert.All(evidence, e => Assert.Equal(EvidenceBasis.NotAnswered, e.Basis));
        Assert.Equal(Recommendation.StrongNo, card.Recommendation);
    }

    [Fact]
    public void Stand_in_questions_say_which_exercise_they_replace()
    {
        var item = Question(DsLoop.Core.Round.ProductCase);
        var card = LoopScoring.Build(State(Round(RoundEnd.Completed, Open(item, "Answer.", kind: LoopSlotKind.CasePart))), Bank);
        Assert.Contains("(open question standing in for a case part)", card.Dimensions.SelectMany(d => d.Evidence).First().Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Signals_name_the_exercise_and_the_sentence_of_the_answer_or_probe_that_fired_them()
    {
        var item = Bank.ItemsById["onboarding-test-sample-size"];
        var exercise = Open(item, "I would size it for two weeks. We stopped the test as soon as it was significant.");
        exercise.Probes.Add(new ProbeAnswer(0, item.FollowUps[0].Probe, "I would check for sample ratio mismatch first.", DateTimeOffset.UnixEpoch));
        var card = LoopScoring.Build(State(Round(RoundEnd.Completed, exercise)), Bank);
        var signals = card.Dimensions.SelectMany(d => d.Signals).ToList();
        var peeking = Assert.Single(signals, s => s.DetectorId == "stopped-when-significant");
        Assert.Equal("We stopped the test as soon as it was significant.", peeking.Evidence);
        Assert.Equal(item.Id, peeking.ItemId);
        Assert.Equal("I would check for sample ratio mismatch first.", Assert.Single(signals, s => s.DetectorId == "checks-srm").Evidence);
        // Signals are shown, never scored: the same answer without them rates the same.
        var plain = LoopScoring.Build(State(Round(RoundEnd.Completed, Open(item, "Plain."))), Bank);
        Assert.Equal(plain.Overall, card.Overall);
    }

    [Fact]
    public void A_reverse_question_fires_no_signal_because_the_candidate_is_asking()
    {
        var reverse = Bank.Items.First(i => i.FrameworkId == "reverse-question");
        const string asked = "Was the last test stopped as soon as it was significant? Whose fault was it?";
        var card = LoopScoring.Build(State(Round(RoundEnd.Completed, Open(reverse, asked))), Bank);
        Assert.Empty(card.Dimensions.SelectMany(d => d.Signals));
        var answered = Bank.ItemsById["onboarding-test-sample-size"];
        var same = LoopScoring.Build(State(Round(RoundEnd.Completed, Open(answered, asked))), Bank);
        Assert.NotEmpty(same.Dimensions.SelectMany(d => d.Signals));
    }

    [Fact]
    public void A_finished_scorecard_survives_the_json_round_trip_of_the_loop_state()
    {
        var state = State(Round(RoundEnd.Completed, Sql("a", true), Open(Question(DsLoop.Core.Round.Behavioral), "Answer.")));
        state.Scorecard = LoopScoring.Build(state, Bank);
        var back = LoopState.FromJson(state.ToJson());
        Assert.Equal(state.Scorecard.Overall, back.Scorecard!.Overall);
        Assert.Equal(state.Scorecard.Recommendation, back.Scorecard.Recommendation);
        Assert.Equal(state.Scorecard.Dimensions.Select(d => d.Rating), back.Scorecard.Dimensions.Select(d => d.Rating));
        Assert.Equal(state.Scorecard.Dimensions.Sum(d => d.Evidence.Count), back.Scorecard.Dimensions.Sum(d => d.Evidence.Count));
    }

    [Fact]
    public void Weakness_averages_practice_and_the_last_loop_and_defaults_to_the_middle()
    {
        var item = Bank.ItemsById["onboarding-test-sample-size"];
        var attempts = new[] { new AttemptPoint("a", item.Id, DateTimeOffset.UnixEpoch, 0.8, null) };
        var loop = ScorecardRules.Build([new GradedResult("q", "q", EvidenceSource.Sql, 0.0, [Dimension.DataFluency])], []);
        var weakness = LoopWeakness.From(attempts, Bank, loop);
        Assert.Equal(0.2, weakness[item.Dimensions[0]], 6);
        Assert.Equal(1.0, weakness[Dimension.DataFluency], 6);
        Assert.Equal(0.5, weakness[Dimension.SeniorLeadership]);
    }

    [Fact]
    public void Sql_slots_draw_easy_and_medium_for_data_scientists_and_medium_and_hard_for_seniors()
    {
        Assert.True(SqlLoopExercises.Fits(Level.DataScientist, "easy"));
        Assert.False(SqlLoopExercises.Fits(Level.DataScientist, "hard"));
        Assert.True(SqlLoopExercises.Fits(Level.SeniorDataScientist, "hard"));
        Assert.False(SqlLoopExercises.Fits(Level.SeniorDataScientist, "easy"));
        Assert.NotEqual(LoopEngine.SqlSeed(42, 0), LoopEngine.SqlSeed(42, 1));
        Assert.Equal(LoopEngine.SqlSeed(42, 1), LoopEngine.SqlSeed(42, 1));
    }
}

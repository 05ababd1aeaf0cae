using DsLoop.Core.Scorecard;
using Xunit;

namespace DsLoop.Core.Tests.Scorecard;

public sealed class ScorecardRulesTests
{
    // A graded score that rates exactly 1, 2, 3 or 4.
    private static double ScoreFor(int rating) => rating switch { 1 => 0.1, 2 => 0.5, 3 => 0.7, _ => 0.9 };

    private static InterviewScorecard Card(params (Dimension Dimension, int Rating)[] ratings) =>
        ScorecardRules.Build(ratings.Select(r => new GradedResult($"g-{r.Dimension}", "Graded", EvidenceSource.Case, ScoreFor(r.Rating), [r.Dimension])), []);

    private static (Dimension, int)[] AllAt(int rating, params (Dimension Dimension, int Rating)[] overrides) =>
        [.. Dimensions.All.Select(d => (d, overrides.FirstOrDefault(o => o.Dimension == d).Rating is var o && o > 0 ? o : rating))];

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.3999, 1)]
    [InlineData(0.40, 2)]
    [InlineData(0.5999, 2)]
    [InlineData(0.60, 3)]
    [InlineData(0.8499, 3)]
    [InlineData(0.85, 4)]
    [InlineData(1.0, 4)]
    public void Graded_score_rates_by_its_band(double score, int rating) => Assert.Equal(rating, ScorecardRules.RateScore(score));

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Graded_score_outside_zero_to_one_is_refused(double score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScorecardRules.RateScore(score));

    [Theory]
    [InlineData(3.0, 3, 3.0)]
    [InlineData(3.0, 4, 3.3)]  // 2.25 + 1.00 = 3.25, half up
    [InlineData(4.0, 2, 3.5)]  // the judge leads: 3.00 + 0.50
    [InlineData(2.0, 4, 2.5)]  // the self-rating alone cannot lift a thin answer to the bar
    [InlineData(3.0, 1, 2.5)]  // 2.25 + 0.25: a half stays a half, it is not rounded down to 2
    [InlineData(1.0, 1, 1.0)]
    public void Judged_answer_weighs_the_judge_three_quarters_and_the_self_rating_one_quarter(double judge, int self, double rating) =>
        Assert.Equal((decimal)rating, ScorecardRules.RateOpenAnswer((decimal)judge, self));

    [Fact]
    public void Judged_answer_without_a_self_rating_is_the_judge_alone() =>
        Assert.Equal(2.7m, ScorecardRules.RateOpenAnswer(2.65m, null));

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.55, 2.65)]
    [InlineData(1.0, 4.0)]
    public void Without_a_judge_rating_the_coach_score_maps_onto_one_to_four(double coach, double judge) =>
        Assert.Equal((decimal)judge, ScorecardRules.JudgeRating(coach, null), 10);

    [Fact]
    public void The_judge_rating_wins_over_the_coach_score_when_both_exist() =>
        Assert.Equal(3m, ScorecardRules.JudgeRating(0.1, 3.0));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Self_rating_outside_one_to_four_is_refused(int self) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScorecardRules.RateOpenAnswer(3m, self));

    [Fact]
    public void Evidence_is_labelled_auto_graded_judged_or_self_rated()
    {
        var card = ScorecardRules.Build(
            [new GradedResult("sql-1", "Retention query", EvidenceSource.Sql, 1.0, [Dimension.DataFluency])],
            [
                new OpenAnswerResult("judged", "Judged", 0.5, 3, [Dimension.Communication]) { JudgeRating = 3.0 },
                new OpenAnswerResult("coached", "Coached", 0.5, 3, [Dimension.Communication]),
                new OpenAnswerResult("self", "Self only", null, 2, [Dimension.Communication]),
                new OpenAnswerResult("blank", "Blank", null, null, [Dimension.Communication]) { Unanswered = true },
            ]);
        var data = card.Dimensions.Single(d => d.Dimension == Dimension.DataFluency);
        Assert.Equal([EvidenceBasis.AutoGraded], data.Bases);
        Assert.Equal(4m, data.Rating);
        var communication = card.Dimensions.Single(d => d.Dimension == Dimension.Communication).Evidence.ToDictionary(e => e.ItemId);
        Assert.Equal((EvidenceBasis.Judged, 3.0m), (communication["judged"].Basis, communication["judged"].Rating));
        Assert.Equal((EvidenceBasis.Judged, 2.6m), (communication["coached"].Basis, communication["coached"].Rating)); // 0.75·2.5 + 0.75 = 2.625
        Assert.Equal((EvidenceBasis.SelfRated, 2m), (communication["self"].Basis, communication["self"].Rating));
        Assert.Equal((EvidenceBasis.NotAnswered, 1m), (communication["blank"].Basis, communication["blank"].Rating));
    }

    [Fact]
    public void A_card_saved_before_evidence_was_labelled_shows_its_source()
    {
        Assert.Equal(EvidenceBasis.AutoGraded, new EvidenceItem("s", "S", EvidenceSource.Sql, 4m, 2, EvidenceBasis.Unlabelled, "").ShownBasis);
        Assert.Equal(EvidenceBasis.SelfRated, new EvidenceItem("o", "O", EvidenceSource.OpenAnswer, 3m, 1, EvidenceBasis.Unlabelled, "").ShownBasis);
    }

    [Fact]
    public void Dimension_rating_weights_graded_evidence_twice_and_keeps_one_decimal_without_rounding_down()
    {
        static EvidenceItem Graded(int r) => new("g", "G", EvidenceSource.Sql, r, ScorecardRules.GradedWeight, EvidenceBasis.AutoGraded, "");
        static EvidenceItem Open(decimal r) => new("o", "O", EvidenceSource.OpenAnswer, r, ScorecardRules.OpenAnswerWeight, EvidenceBasis.Judged, "");
        Assert.Equal(3m, ScorecardRules.RateDimension([Graded(4), Open(1)]));      // (8 + 1) / 3 = 3
        Assert.Equal(2.7m, ScorecardRules.RateDimension([Graded(3), Open(2)]));    // 8 / 3 = 2.67
        Assert.Equal(2.3m, ScorecardRules.RateDimension([Graded(2), Open(3)]));    // 7 / 3 = 2.33
        Assert.Equal(2.5m, ScorecardRules.RateDimension([Open(2), Open(3)]));      // 2.5 stays 2.5 (it was 2)
        Assert.Equal(3.5m, ScorecardRules.RateDimension([Open(3), Open(4)]));      // 3.5 stays 3.5 (it was 3)
        Assert.Equal(2.3m, ScorecardRules.RateDimension([Open(2.2m), Open(2.3m)])); // 2.25 rounds half up
        Assert.Null(ScorecardRules.RateDimension([]));
    }

    [Fact]
    public void Core_weights_are_the_blueprint_weights_and_add_up_to_one()
    {
        Assert.Equal([0.20m, 0.20m, 0.20m, 0.15m, 0.10m, 0.10m, 0.05m], Dimensions.All.Select(Dimensions.Weight));
        Assert.Equal(1m, Dimensions.All.Sum(Dimensions.Weight));
    }

    [Fact]
    public void Every_dimension_at_three_scores_three_and_is_a_yes()
    {
        var card = Card(AllAt(3));
        Assert.Equal(3m, card.Overall);
        Assert.Equal(Recommendation.Yes, card.Recommendation);
        Assert.All(card.Dimensions, d => Assert.Equal(d.BaseWeight, d.EffectiveWeight));
    }

    [Fact]
    public void Unassessed_dimension_is_left_out_and_the_weights_renormalised()
    {
        var card = Card(
            (Dimension.ProblemFraming, 4), (Dimension.StatisticsExperimentation, 4), (Dimension.ModelingEvaluation, 3),
            (Dimension.DataFluency, 3), (Dimension.ProductionMindset, 2), (Dimension.Communication, 3));
        // (0.2·4 + 0.2·4 + 0.2·3 + 0.15·3 + 0.1·2 + 0.1·3) / 0.95 = 3.15 / 0.95 = 3.3158
        Assert.Equal(3.15m / 0.95m, card.Overall);
        Assert.Equal(Recommendation.StrongYes, card.Recommendation);
        var leadership = card.Dimensions.Single(d => d.Dimension == Dimension.SeniorLeadership);
        Assert.False(leadership.Assessed);
        Assert.Equal(0m, leadership.EffectiveWeight);
        Assert.Equal(0.20m / 0.95m, card.Dimensions[0].EffectiveWeight);
        Assert.Equal(1m, Math.Round(card.Dimensions.Sum(d => d.EffectiveWeight), 20));
        Assert.Equal([Dimension.SeniorLeadership], card.NotAssessed.Select(d => d.Dimension));
    }

    [Fact]
    public void Only_two_dimensions_assessed_renormalise_to_their_own_weights()
    {
        var card = Card((Dimension.DataFluency, 4), (Dimension.SeniorLeadership, 1));
        // (0.15·4 + 0.05·1) / 0.20 = 3.25, but a dimension below 1.5 caps the call at No.
        Assert.Equal(3.25m, card.Overall);
        Assert.Equal(Recommendation.No, card.Recommendation);
        Assert.Contains("capped at No", card.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.99, Recommendation.StrongNo)]
    [InlineData(2.00, Recommendation.No)]
    [InlineData(2.59, Recommendation.No)]
    [InlineData(2.60, Recommendation.Yes)]
    [InlineData(3.29, Recommendation.Yes)]
    [InlineData(3.30, Recommendation.StrongYes)]
    [InlineData(4.00, Recommendation.StrongYes)]
    public void Recommendation_thresholds_are_inclusive_lower_bounds(double overall, Recommendation expected) =>
        Assert.Equal(expected, ScorecardRules.Recommend((decimal)overall, anyDimensionRatedOne: false));

    [Fact]
    public void Weighted_score_exactly_on_each_threshold_takes_the_higher_call()
    {
        // All at 2: 2.00 → No; one 5% dimension at 1 drops it to 1.95 → Strong no.
        Assert.Equal((2.00m, Recommendation.No), Pair(Card(AllAt(2))));
        Assert.Equal((1.95m, Recommendation.StrongNo), Pair(Card(AllAt(2, (Dimension.SeniorLeadership, 1)))));
        // All at 3 with two 20% dimensions at 2: 2.60 → Yes; one more 5% at 2: 2.55 → No.
        Assert.Equal((2.60m, Recommendation.Yes), Pair(Card(AllAt(3, (Dimension.ProblemFraming, 2), (Dimension.StatisticsExperimentation, 2)))));
        Assert.Equal((2.55m, Recommendation.No), Pair(Card(AllAt(3, (Dimension.ProblemFraming, 2), (Dimension.StatisticsExperimentation, 2), (Dimension.SeniorLeadership, 2)))));
        // All at 3 with 20% and 10% dimensions at 4: 3.30 → Strong yes; 20% and 5% at 4: 3.25 → Yes.
        Assert.Equal((3.30m, Recommendation.StrongYes), Pair(Card(AllAt(3, (Dimension.ProblemFraming, 4), (Dimension.ProductionMindset, 4)))));
        Assert.Equal((3.25m, Recommendation.Yes), Pair(Card(AllAt(3, (Dimension.ProblemFraming, 4), (Dimension.SeniorLeadership, 4)))));
    }

    private static (decimal, Recommendation?) Pair(InterviewScorecard card) => (card.Overall!.Value, card.Recommendation);

    [Fact]
    public void A_dimension_rated_one_caps_a_high_score_at_no()
    {
        var card = Card(AllAt(4, (Dimension.SeniorLeadership, 1)));
        Assert.Equal(3.85m, card.Overall);
        Assert.Equal(Recommendation.No, card.Recommendation);
    }

    [Fact]
    public void No_evidence_gives_no_score_and_no_recommendation()
    {
        var card = ScorecardRules.Build([], []);
        Assert.Null(card.Overall);
        Assert.Null(card.Recommendation);
        Assert.Equal(7, card.NotAssessed.Count());
    }

    [Fact]
    public void Open_answers_are_judged_and_count_for_each_dimension_they_probe()
    {
        var card = ScorecardRules.Build(
            [new GradedResult("sql-1", "Retention query", EvidenceSource.Sql, 0.9, [Dimension.DataFluency])],
            [new OpenAnswerResult("q-1", "Metric disagreement", 0.7, 4, [Dimension.Communication, Dimension.SeniorLeadership])]);
        var communication = card.Dimensions.Single(d => d.Dimension == Dimension.Communication);
        Assert.Equal([EvidenceBasis.Judged], communication.Bases);
        Assert.Equal(3.3m, communication.Rating); // coach 0.7 → 3.1; 0.75·3.1 + 0.25·4 = 3.325 → 3.3
        Assert.Equal(3.3m, card.Dimensions.Single(d => d.Dimension == Dimension.SeniorLeadership).Rating);
        var data = card.Dimensions.Single(d => d.Dimension == Dimension.DataFluency);
        Assert.Equal([EvidenceBasis.AutoGraded], data.Bases);
        Assert.Equal(4m, data.Rating);
        // (0.15·4 + 0.10·3.3 + 0.05·3.3) / 0.30 = 1.095 / 0.30 = 3.65
        Assert.Equal(3.65m, card.Overall);
    }

    [Fact]
    public void An_off_topic_answer_caps_a_strong_yes_at_yes_and_says_why()
    {
        static OpenAnswerResult Answer(string id, bool offTopic) =>
            new(id, id, null, 4, [Dimension.Communication]) { JudgeRating = 4.0, OffTopic = offTopic };
        var graded = new[] { new GradedResult("sql", "SQL", EvidenceSource.Sql, 1.0, [Dimension.DataFluency]) };
        var clean = ScorecardRules.Build(graded, [Answer("a", false), Answer("b", false)]);
        Assert.Equal(Recommendation.StrongYes, clean.Recommendation);
        var capped = ScorecardRules.Build(graded, [Answer("a", false), Answer("b", true)]);
        Assert.Equal(clean.Overall, capped.Overall);
        Assert.Equal(Recommendation.Yes, capped.Recommendation);
        Assert.Contains("off the question (b)", capped.Reason, StringComparison.Ordinal);
        Assert.True(capped.Dimensions.Single(d => d.Dimension == Dimension.Communication).Evidence.Single(e => e.ItemId == "b").OffTopic);
    }

    [Theory]
    [InlineData(3.5, true, Recommendation.Yes)]
    [InlineData(3.5, false, Recommendation.StrongYes)]
    [InlineData(2.8, true, Recommendation.Yes)]
    [InlineData(2.2, true, Recommendation.No)]
    public void Off_topic_cap_only_lowers_a_strong_yes(double overall, bool offTopic, Recommendation expected) =>
        Assert.Equal(expected, ScorecardRules.Recommend((decimal)overall, anyDimensionRatedOne: false, anyOffTopicAnswer: offTopic));

    [Fact]
    public void Graded_result_claiming_to_be_an_open_answer_is_refused() =>
        Assert.Throws<ArgumentException>(() => ScorecardRules.Build([new GradedResult("x", "X", EvidenceSource.OpenAnswer, 0.5, [Dimension.Communication])], []));

    [Fact]
    public void Signals_are_attached_to_their_dimension_and_do_not_change_the_score()
    {
        var graded = new[] { new GradedResult("s", "Stats", EvidenceSource.Statistics, 0.7, [Dimension.StatisticsExperimentation]) };
        var signal = new ScorecardSignal("stopped-when-significant", SignalKind.RedFlag, Dimension.StatisticsExperimentation, "Stopped at significance.", "We stopped once p dipped.", "s");
        var with = ScorecardRules.Build(graded, [], [signal]);
        var without = ScorecardRules.Build(graded, []);
        Assert.Equal(without.Overall, with.Overall);
        Assert.Equal(without.Recommendation, with.Recommendation);
        Assert.Equal([signal], with.Dimensions.Single(d => d.Dimension == Dimension.StatisticsExperimentation).Signals);
    }

    [Fact]
    public void Weakness_for_the_next_loop_runs_from_zero_at_four_to_one_at_one()
    {
        var weakness = Card((Dimension.ProblemFraming, 4), (Dimension.DataFluency, 1), (Dimension.Communication, 3)).WeaknessByDimension();
        Assert.Equal(0.0, weakness[Dimension.ProblemFraming]);
        Assert.Equal(1.0, weakness[Dimension.DataFluency]);
        Assert.Equal(1.0 / 3.0, weakness[Dimension.Communication], 12);
        Assert.Equal(InterviewScorecard.UnassessedWeakness, weakness[Dimension.SeniorLeadership]);
        Assert.Equal(7, weakness.Count);
    }
}

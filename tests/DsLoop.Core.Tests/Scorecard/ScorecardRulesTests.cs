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
    [InlineData(0.9, 4, 4)]
    [InlineData(0.9, 3, 3)] // (4 + 3) / 2 = 3.5, rounded down
    [InlineData(0.7, 4, 3)]
    [InlineData(0.2, 4, 2)] // the self-rating alone cannot lift a thin answer
    [InlineData(0.5, 1, 1)]
    public void Open_answer_rates_the_rounded_down_mean_of_coach_band_and_self_rating(double coach, int self, int rating) =>
        Assert.Equal(rating, ScorecardRules.RateOpenAnswer(coach, self));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Self_rating_outside_one_to_four_is_refused(int self) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScorecardRules.RateOpenAnswer(0.5, self));

    [Fact]
    public void Dimension_rating_weights_graded_evidence_twice_and_rounds_halves_down()
    {
        static EvidenceItem Graded(int r) => new("g", "G", EvidenceSource.Sql, r, ScorecardRules.GradedWeight, false, "");
        static EvidenceItem Open(int r) => new("o", "O", EvidenceSource.OpenAnswer, r, ScorecardRules.OpenAnswerWeight, true, "");
        Assert.Equal(3, ScorecardRules.RateDimension([Graded(4), Open(1)]));   // (8 + 1) / 3 = 3
        Assert.Equal(3, ScorecardRules.RateDimension([Graded(3), Open(2)]));   // 8 / 3 = 2.67
        Assert.Equal(2, ScorecardRules.RateDimension([Graded(2), Open(3)]));   // 7 / 3 = 2.33
        Assert.Equal(2, ScorecardRules.RateDimension([Open(2), Open(3)]));     // 2.5 rounds down
        Assert.Equal(3, ScorecardRules.RateDimension([Open(3), Open(4)]));     // 3.5 rounds down
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
        // (0.15·4 + 0.05·1) / 0.20 = 3.25, but a 1 caps the call at No.
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
    public void Open_answers_are_marked_self_assessed_and_count_for_each_dimension_they_probe()
    {
        var card = ScorecardRules.Build(
            [new GradedResult("sql-1", "Retention query", EvidenceSource.Sql, 0.9, [Dimension.DataFluency])],
            [new OpenAnswerResult("q-1", "Metric disagreement", 0.7, 4, [Dimension.Communication, Dimension.SeniorLeadership])]);
        var communication = card.Dimensions.Single(d => d.Dimension == Dimension.Communication);
        Assert.True(communication.SelfAssessed);
        Assert.Equal(3, communication.Rating);
        Assert.Equal(3, card.Dimensions.Single(d => d.Dimension == Dimension.SeniorLeadership).Rating);
        var data = card.Dimensions.Single(d => d.Dimension == Dimension.DataFluency);
        Assert.False(data.SelfAssessed);
        Assert.Equal(4, data.Rating);
        // (0.15·4 + 0.10·3 + 0.05·3) / 0.30 = 1.05 / 0.30 = 3.5
        Assert.Equal(3.5m, card.Overall);
    }

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

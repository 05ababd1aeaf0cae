using DsLoop.Stats.Classification;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class OperatingPointTests
{
    private static (int[] Labels, double[] Scores) Load(string name)
    {
        var c = Fixtures.Cases("classify.json").Single(x => x.GetProperty("name").GetString() == name);
        return ([.. c.GetProperty("labels").EnumerateArray().Select(x => x.GetInt32())], [.. c.GetProperty("scores").EnumerateArray().Select(x => x.GetDouble())]);
    }

    [Theory]
    [MemberData(nameof(ClassifierFixtureTests.Names), MemberType = typeof(ClassifierFixtureTests))]
    public void Capacity_threshold_matches_a_brute_force_search(string name)
    {
        var c = Fixtures.Cases("classify.json").Single(x => x.GetProperty("name").GetString() == name);
        var (labels, scores) = Load(name);
        var point = OperatingPoints.ForCapacity(scores, casesPerDay: 1000, capacityPerDay: 60, labels);
        Assert.Equal(c.D("capacityThreshold"), point.Threshold);
        Assert.Equal(c.GetProperty("capacityFlagged").GetInt64(), point.Flagged);
        Assert.True(point.FlaggedPerDay <= 60 + 1e-9, $"{point.FlaggedPerDay} a day exceeds the capacity of 60");
    }

    [Theory]
    [MemberData(nameof(ClassifierFixtureTests.Names), MemberType = typeof(ClassifierFixtureTests))]
    public void Minimum_cost_threshold_matches_a_brute_force_search_over_sklearn_confusion_matrices(string name)
    {
        var c = Fixtures.Cases("classify.json").Single(x => x.GetProperty("name").GetString() == name);
        var (labels, scores) = Load(name);
        var point = OperatingPoints.MinimumCost(labels, scores, new CostMatrix(FalsePositive: 1, FalseNegative: 8, TruePositive: 0.5));
        Assert.Equal(c.D("costThreshold"), point.Threshold);
        Fixtures.Near(c.D("minimumCost"), point.Cost, 1e-12, 1e-15, "cost");
    }

    [Fact]
    public void Capacity_never_splits_a_tie_group_and_moves_the_cut_above_it()
    {
        // 10 cases a day, capacity 3 a day: three rows may be flagged, but the 3rd and 4th tie at 0.7.
        double[] scores = [0.9, 0.8, 0.7, 0.7, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
        var point = OperatingPoints.ForCapacity(scores, casesPerDay: 10, capacityPerDay: 3);
        Assert.Equal(0.8, point.Threshold);
        Assert.Equal(2, point.Flagged);
        Assert.Equal(2, point.FlaggedPerDay, 12);
    }

    [Fact]
    public void Capacity_for_everything_or_for_nothing_says_so()
    {
        double[] scores = [0.5, 0.5, 0.2];
        var all = OperatingPoints.ForCapacity(scores, casesPerDay: 100, capacityPerDay: 500);
        Assert.Equal(3, all.Flagged);
        Assert.Contains("every case", all.Note, StringComparison.Ordinal);
        var none = OperatingPoints.ForCapacity(scores, casesPerDay: 100, capacityPerDay: 50);
        Assert.Equal(0, none.Flagged);
        Assert.Equal(double.PositiveInfinity, none.Threshold);
        Assert.Contains("flag nothing", none.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Expensive_misses_lower_the_cost_optimal_threshold()
    {
        var (labels, scores) = Load("rare-positives");
        var cheapMisses = OperatingPoints.MinimumCost(labels, scores, new CostMatrix(FalsePositive: 1, FalseNegative: 2));
        var dearMisses = OperatingPoints.MinimumCost(labels, scores, new CostMatrix(FalsePositive: 1, FalseNegative: 200));
        Assert.True(dearMisses.Threshold < cheapMisses.Threshold);
        Assert.True(dearMisses.Recall > cheapMisses.Recall);
    }

    [Fact]
    public void Bad_rows_are_named()
    {
        var error = Assert.Throws<ArgumentException>(() => OperatingPoints.ForCapacity([0.2, double.NaN], 100, 10));
        Assert.Contains("Row 2", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => OperatingPoints.ForCapacity([0.2], 0, 10));
    }
}

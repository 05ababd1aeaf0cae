using System.Text.Json;
using DsLoop.Cases.Modeling;
using DsLoop.Testing;

namespace DsLoop.Cases.Tests;

/// <summary>The modeling slice report's metrics against scikit-learn and numpy (tests/reference/make_case_fixtures.py).</summary>
public sealed class SliceFixtureTests
{
    private static readonly JsonElement Fixture =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "reference", "cases", "cases.json"))).RootElement.GetProperty("slices");

    private static int[] Ints(string name) => [.. Fixture.GetProperty(name).EnumerateArray().Select(x => x.GetInt32())];

    private static double[] Doubles(string name) => [.. Fixture.GetProperty(name).EnumerateArray().Select(x => x.GetDouble())];

    private static double? Nullable(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    private static void Near(double? expected, double? actual, string what)
    {
        Assert.True(expected is null == actual is null, $"{what}: expected {expected}, got {actual}");
        if (expected is { } e)
        {
            Assert.True(Math.Abs(e - actual!.Value) <= 1e-12, $"{what}: expected {e:R}, got {actual:R}");
        }
    }

    [Fact]
    public void Slice_metrics_match_scikit_learn_including_a_slice_with_one_class()
    {
        var labels = Ints("labels");
        var scores = Doubles("scores");
        var keys = Fixture.GetProperty("keys").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var expected = Fixture.GetProperty("expected").EnumerateArray().ToList();
        var order = expected.Select(e => e.GetProperty("slice").GetString()!).ToList();
        var actual = SliceMetrics.By(labels, scores, keys, order, Fixture.GetProperty("threshold").GetDouble());
        Assert.Equal(order, actual.Select(a => a.Slice));
        foreach (var (e, (slice, stats)) in expected.Zip(actual))
        {
            Assert.Equal(e.GetProperty("rows").GetInt32(), stats.Rows);
            Assert.Equal(e.GetProperty("positives").GetInt32(), stats.Positives);
            Assert.Equal(e.GetProperty("flagged").GetInt32(), stats.Flagged);
            Near(e.GetProperty("observedRate").GetDouble(), stats.ObservedRate, slice + " observed rate");
            Near(e.GetProperty("meanScore").GetDouble(), stats.MeanScore, slice + " mean score");
            Near(Nullable(e, "rocAuc"), stats.RocAuc, slice + " ROC-AUC");
            Near(Nullable(e, "recall"), stats.Recall, slice + " recall");
        }
        Assert.Contains(actual, a => a.Stats.RocAuc is null);
    }

    [Fact]
    public void Top_errors_match_numpy_ordering_with_ties_in_row_order()
    {
        var (fp, fn) = SliceMetrics.TopErrorRows(Ints("labels"), Doubles("scores"), Fixture.GetProperty("threshold").GetDouble());
        Assert.Equal(Ints("falsePositives"), fp);
        Assert.Equal(Ints("falseNegatives"), fn);
    }

    [Fact]
    public void Quartile_cuts_match_numpy_percentile_lower()
    {
        Assert.Equal(Doubles("cuts"), SliceMetrics.QuartileCuts(Doubles("feature")));
    }

    [Fact]
    public void Buckets_are_labelled_by_their_cuts_and_cover_every_value()
    {
        double[] cuts = [7, 12, 20];
        Assert.Equal(["≤ 7", "8–12", "13–20", "> 20"], SliceMetrics.BucketLabels(cuts));
        Assert.Equal("≤ 7", SliceMetrics.Bucket(7, cuts));
        Assert.Equal("8–12", SliceMetrics.Bucket(7.5, cuts));
        Assert.Equal("> 20", SliceMetrics.Bucket(21, cuts));
        Assert.Equal(["≤ 0.5", "(0.5, 1.25]", "> 1.25"], SliceMetrics.BucketLabels([0.5, 1.25]));
    }
}

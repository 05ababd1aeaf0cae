using System.Globalization;
using System.Text.Json;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class CorrelationTests
{
    private static List<double> Values(JsonElement c, string name) =>
        [.. c.GetProperty(name).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetDouble())];

    private static void NearOrBothNaN(double expected, double actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }
        Fixtures.Near(expected, actual, 1e-12, 1e-15, what);
    }

    [Fact]
    public void Average_ranks_match_scipy_rankdata_with_ties_sharing_their_mean_rank()
    {
        foreach (var c in Fixtures.Cases("correlation.json"))
        {
            Assert.Equal(Values(c, "ranksX"), Ranks.Average(Values(c, "x")));
            Assert.Equal(Values(c, "ranksY"), Ranks.Average(Values(c, "y")));
        }
    }

    [Fact]
    public void Pearson_and_spearman_match_scipy_and_are_nan_for_a_constant_variable()
    {
        var cases = Fixtures.Cases("correlation.json");
        Assert.Contains(cases, c => double.IsNaN(c.D("spearman")));
        foreach (var c in cases)
        {
            var (x, y) = (Values(c, "x"), Values(c, "y"));
            var name = c.GetProperty("name").GetString();
            NearOrBothNaN(c.D("pearson"), Correlation.Pearson(x, y), $"{name} pearson");
            NearOrBothNaN(c.D("spearman"), Correlation.Spearman(x, y), $"{name} spearman");
        }
    }

    [Fact]
    public void Spearman_ignores_a_monotone_transform_that_pearson_sees()
    {
        double[] x = [0.1, 0.4, 0.35, 0.8, 0.95, 0.2];
        var exponential = x.Select(v => Math.Exp(10 * v)).ToArray();
        Assert.Equal(1, Correlation.Spearman(x, exponential), 12);
        Assert.True(Correlation.Pearson(x, exponential) < 0.95);
    }

    [Fact]
    public void Mismatched_lengths_and_nan_values_are_refused_and_a_single_pair_has_no_correlation()
    {
        Assert.Throws<ArgumentException>(() => Correlation.Spearman([1, 2, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => Correlation.Spearman([1, double.NaN, 3], [1, 2, 3]));
        Assert.True(double.IsNaN(Correlation.Spearman([1], [2])));
        Assert.Empty(Ranks.Average([]));
    }
}

using System.Text.Json;
using DsLoop.Stats.Readout;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class BootstrapTests
{
    public static TheoryData<string> Names() => [.. Fixtures.Cases("bootstrap.json").Select(c => c.GetProperty("name").GetString()!)];

    private static (JsonElement Case, double[][] Samples) Load(string name)
    {
        var c = Fixtures.Cases("bootstrap.json").Single(x => x.GetProperty("name").GetString() == name);
        return (c, [.. c.GetProperty("samples").EnumerateArray().Select(s => s.EnumerateArray().Select(v => v.GetDouble()).ToArray())]);
    }

    private static BootstrapInterval Run(string statistic, double[][] samples, BootstrapMethod method, int resamples, int seed) => statistic switch
    {
        "mean" => Bootstrap.OneSample(samples[0], Bootstrap.Mean, method, resamples, seed: seed),
        "median" => Bootstrap.OneSample(samples[0], Bootstrap.Median, method, resamples, seed: seed),
        "difference" => Bootstrap.TwoSample(samples[0], samples[1], Bootstrap.DifferenceInMeans, method, resamples, seed: seed),
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, null),
    };

    private static double[] LeaveOneOut(double[] data, Func<double[], double> statistic) =>
        [.. Enumerable.Range(0, data.Length).Select(i => statistic([.. data.Where((_, j) => j != i)]))];

    [Theory]
    [MemberData(nameof(Names))]
    public void Bca_and_percentile_bounds_from_given_resamples_match_scipy_exactly(string name)
    {
        var (c, samples) = Load(name);
        var replicates = c.GetProperty("replicates").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var statistic = c.GetProperty("statistic").GetString();
        IReadOnlyList<IReadOnlyList<double>> jackknife = statistic switch
        {
            "mean" => [LeaveOneOut(samples[0], x => Bootstrap.Mean(x))],
            "median" => [LeaveOneOut(samples[0], x => Bootstrap.Median(x))],
            _ => [LeaveOneOut(samples[0], x => Bootstrap.DifferenceInMeans(x, samples[1])), LeaveOneOut(samples[1], x => Bootstrap.DifferenceInMeans(samples[0], x))],
        };
        var estimate = c.D("estimate");
        var bca = Bootstrap.FromReplicates(estimate, replicates, jackknife, BootstrapMethod.Bca);
        Assert.True(bca.Interval.IsValid, bca.Interval.Reason);
        Fixtures.Near(c.D("acceleration"), bca.Acceleration, 1e-9, 1e-12, "acceleration");
        Fixtures.Near(c.D("bcaLow"), bca.Interval.Low, 1e-9, 1e-12, "BCa low");
        Fixtures.Near(c.D("bcaHigh"), bca.Interval.High, 1e-9, 1e-12, "BCa high");
        var percentile = Bootstrap.FromReplicates(estimate, replicates, [], BootstrapMethod.Percentile);
        Fixtures.Near(c.D("percentileLow"), percentile.Interval.Low, 1e-12, 1e-12, "percentile low");
        Fixtures.Near(c.D("percentileHigh"), percentile.Interval.High, 1e-12, 1e-12, "percentile high");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void End_to_end_intervals_agree_with_scipy_bootstrap_within_monte_carlo_error(string name)
    {
        var (c, samples) = Load(name);
        foreach (var (key, method) in new[] { ("BCa", BootstrapMethod.Bca), ("percentile", BootstrapMethod.Percentile) })
        {
            var reference = c.GetProperty("scipy").GetProperty(key).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray();
            var ours = Run(c.GetProperty("statistic").GetString()!, samples, method, 20_000, seed: 7);
            Assert.True(ours.Interval.IsValid, ours.Interval.Reason);
            // Two independent 20,000-resample runs: the tail quantiles differ by a few hundredths of a standard error.
            var tolerance = 0.25 * reference[2];
            Assert.True(Math.Abs(ours.Interval.Low - reference[0]) <= tolerance, $"{key} low {ours.Interval.Low} vs scipy {reference[0]} (± {tolerance})");
            Assert.True(Math.Abs(ours.Interval.High - reference[1]) <= tolerance, $"{key} high {ours.Interval.High} vs scipy {reference[1]} (± {tolerance})");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_differs()
    {
        var (_, samples) = Load("revenue-mean");
        var first = Bootstrap.OneSample(samples[0], Bootstrap.Mean, BootstrapMethod.Bca, 2000, seed: 42);
        var again = Bootstrap.OneSample(samples[0], Bootstrap.Mean, BootstrapMethod.Bca, 2000, seed: 42);
        var other = Bootstrap.OneSample(samples[0], Bootstrap.Mean, BootstrapMethod.Bca, 2000, seed: 43);
        Assert.Equal(first.Interval, again.Interval);
        Assert.NotEqual(first.Interval, other.Interval);
    }

    [Fact]
    public void Bca_corrects_the_skew_that_the_percentile_interval_misses()
    {
        // A lognormal revenue mean: the sampling distribution is right-skewed, so BCa's interval sits higher.
        var (_, samples) = Load("revenue-mean");
        var bca = Bootstrap.OneSample(samples[0], Bootstrap.Mean, BootstrapMethod.Bca, 10_000, seed: 1);
        var percentile = Bootstrap.OneSample(samples[0], Bootstrap.Mean, BootstrapMethod.Percentile, 10_000, seed: 1);
        Assert.True(bca.Acceleration > 0);
        Assert.True(bca.Interval.High > percentile.Interval.High);
    }

    [Fact]
    public void Degenerate_data_returns_a_reason_instead_of_nan()
    {
        var constant = Bootstrap.OneSample([5.0, 5.0, 5.0, 5.0], Bootstrap.Mean, BootstrapMethod.Bca, 500);
        Assert.False(constant.Interval.IsValid);
        Assert.Contains("same value", constant.Interval.Reason, StringComparison.Ordinal);
        var single = Bootstrap.TwoSample([1.0], [2.0, 3.0], Bootstrap.DifferenceInMeans, BootstrapMethod.Percentile, 500);
        Assert.False(single.Interval.IsValid);
        Assert.Contains("at least 2", single.Interval.Reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.OneSample([1.0, 2.0], Bootstrap.Mean, resamples: 1));
    }

    [Fact]
    public void Percentile_intervals_cover_a_known_mean_about_95_percent_of_the_time()
    {
        var rng = new Random(99);
        var covered = 0;
        const int Experiments = 300;
        for (var e = 0; e < Experiments; e++)
        {
            var sample = Enumerable.Range(0, 60).Select(_ => NormalDraw(rng, 10, 2)).ToArray();
            var interval = Bootstrap.OneSample(sample, Bootstrap.Mean, BootstrapMethod.Bca, 1000, seed: e).Interval;
            covered += interval.Contains(10) ? 1 : 0;
        }
        // The bootstrap interval is slightly narrow at n = 60; 300 runs put the rate within about ±2.5 points.
        Assert.InRange(covered / (double)Experiments, 0.89, 0.985);
    }

    private static double NormalDraw(Random rng, double mean, double sd) =>
        mean + (sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
}

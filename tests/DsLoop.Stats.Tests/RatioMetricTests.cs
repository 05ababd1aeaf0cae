using DsLoop.Stats.Readout;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class RatioMetricTests
{
    private static PairedSummary Arm(System.Text.Json.JsonElement c, string arm)
    {
        var summary = new PairedSummary();
        foreach (var (n, y) in c.GetProperty(arm + "Denominators").EnumerateArray().Zip(c.GetProperty(arm + "Numerators").EnumerateArray()))
        {
            summary.Add(n.GetDouble(), y.GetDouble());
        }
        return summary;
    }

    [Fact]
    public void Ratio_metrics_match_the_delta_method_reference()
    {
        foreach (var c in Fixtures.Cases("ratio.json"))
        {
            var name = c.GetProperty("name").GetString();
            var readout = RatioMetric.Compare(Arm(c, "control"), Arm(c, "treatment"));
            Fixtures.Near(c.D("controlRatio"), readout.Control.Ratio, 1e-12, 1e-15, $"{name} control ratio");
            Fixtures.Near(c.D("controlVariance"), readout.Control.Variance, 1e-9, 1e-18, $"{name} control variance");
            Fixtures.Near(c.D("treatmentVariance"), readout.Treatment.Variance, 1e-9, 1e-18, $"{name} treatment variance");
            Fixtures.Near(c.D("ciLow"), readout.Interval.Low, 1e-9, 1e-15, $"{name} ci low");
            Fixtures.Near(c.D("ciHigh"), readout.Interval.High, 1e-9, 1e-15, $"{name} ci high");
            Fixtures.Near(c.D("p"), readout.Test.PValue, 1e-9, 1e-15, $"{name} p");
        }
    }

    [Fact]
    public void Zero_denominator_and_single_user_carry_reasons()
    {
        var empty = new PairedSummary();
        Assert.Contains("denominator is zero", RatioMetric.Estimate(empty).Reason, StringComparison.Ordinal);
        var one = new PairedSummary();
        one.Add(3, 1);
        Assert.Contains("two randomisation units", RatioMetric.Estimate(one).Reason, StringComparison.Ordinal);
        Assert.False(RatioMetric.Compare(one, one).Test.IsValid);
    }
}

using DsLoop.Stats.Decisions;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class DecisionTests
{
    private static MetricChange Conversion(double low, double high) => new("conversion", new Interval(low, high), HigherIsBetter: true);

    private static MetricChange Latency(double low, double high) => new("p95 latency (ms)", new Interval(low, high), HigherIsBetter: false, Threshold: 20);

    [Fact]
    public void Ships_when_the_primary_improves_and_guardrails_hold()
    {
        var decision = ShipDecision.Decide(Conversion(0.002, 0.01), [Latency(-5, 12)]);
        Assert.Equal(Verdict.Ship, decision.Verdict);
        Assert.Contains(decision.Reasons, r => r.StartsWith("p95 latency (ms) held", StringComparison.Ordinal));
    }

    [Fact]
    public void Does_not_ship_when_a_guardrail_clearly_regresses_past_its_threshold()
    {
        var decision = ShipDecision.Decide(Conversion(0.002, 0.01), [Latency(25, 60)]);
        Assert.Equal(Verdict.DontShip, decision.Verdict);
        Assert.Contains(decision.Reasons, r => r.Contains("regressed beyond its threshold of 20", StringComparison.Ordinal));
    }

    [Fact]
    public void Extends_when_a_large_regression_cannot_be_ruled_out_or_the_primary_is_flat()
    {
        Assert.Equal(Verdict.Extend, ShipDecision.Decide(Conversion(0.002, 0.01), [Latency(-2, 35)]).Verdict);
        Assert.Equal(Verdict.Extend, ShipDecision.Decide(Conversion(-0.004, 0.008), [Latency(-5, 10)]).Verdict);
    }

    [Fact]
    public void A_primary_that_got_worse_is_never_shipped_whatever_the_guardrails_say()
    {
        Assert.Equal(Verdict.DontShip, ShipDecision.Decide(Conversion(-0.01, -0.002), [Latency(-5, 12)]).Verdict);
        // A lower-is-better primary (time to first value) that fell is an improvement.
        var faster = new MetricChange("time to first value (s)", new Interval(-9, -2), HigherIsBetter: false);
        Assert.Equal(Verdict.Ship, ShipDecision.Decide(faster, []).Verdict);
    }

    [Fact]
    public void Novelty_slope_and_p_match_scipy_linregress_and_only_fading_effects_are_flagged()
    {
        foreach (var c in Fixtures.Cases("novelty.json"))
        {
            var effects = c.GetProperty("effects").EnumerateArray().Select(e => e.GetDouble()).ToList();
            var result = NoveltyCheck.Check(effects);
            var name = c.GetProperty("name").GetString()!;
            Fixtures.Near(c.D("slope"), result.SlopePerDay, 1e-9, 1e-15, $"{name} slope");
            Fixtures.Near(c.D("p"), result.PValue, 1e-7, 1e-15, $"{name} p");
            Assert.Equal(name.EndsWith("fading", StringComparison.Ordinal), result.Decays);
        }
        Assert.Contains("three days", NoveltyCheck.Check([0.1, 0.05]).Reason, StringComparison.Ordinal);
    }
}

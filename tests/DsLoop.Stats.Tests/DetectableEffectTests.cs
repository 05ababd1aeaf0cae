using DsLoop.Stats.Design;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class DetectableEffectTests
{
    private static Alternative Side(string side) => side switch
    {
        "larger" => Alternative.Larger,
        "smaller" => Alternative.Smaller,
        _ => Alternative.TwoSided,
    };

    [Fact]
    public void Minimum_detectable_effects_match_statsmodels_solve_power()
    {
        var cases = Fixtures.Cases("detectable.json");
        Assert.Equal(72, cases.Count);
        foreach (var c in cases)
        {
            var alternative = Side(c.GetProperty("alternative").GetString()!);
            var n = c.GetProperty("controlN").GetInt64();
            var mde = DetectableEffects.ForProportions(c.D("baseline"), n, c.D("alpha"), c.D("power"), c.D("ratio"), alternative);
            // statsmodels' own root finder stops with the power about 1e-5 from the target; ours reaches it to 1e-12.
            Fixtures.Near(c.D("effectSize"), mde.EffectSize, 1e-4, 0, $"h for {c}");
            Fixtures.Near(c.D("absolute"), mde.Absolute, 2e-4, 0, $"absolute MDE for {c}");
            var power = PowerAnalysis.Power(mde.EffectSize, n, c.D("alpha"), c.D("ratio"), alternative);
            Fixtures.Near(c.D("power"), power, 1e-12, 0, "power at the solved effect");
        }
    }

    [Fact]
    public void Sample_size_for_the_detectable_effect_gives_back_the_sample()
    {
        var mde = DetectableEffects.ForProportions(0.10, 5000);
        var plan = SampleSize.ForProportions(0.10, mde.Absolute);
        Assert.InRange(plan.ControlPerArm, 5000, 5001);
        var means = DetectableEffects.ForMeans(sd: 12.5, controlN: 800, ratio: 2);
        Assert.InRange(SampleSize.ForMeans(12.5, means.Absolute, ratio: 2).ControlPerArm, 800, 801);
        Assert.Equal(mde.Absolute / 0.10, mde.Relative, 12);
    }

    [Fact]
    public void Power_for_a_fixed_sample_falls_with_a_smaller_change()
    {
        var big = DetectableEffects.PowerForProportions(0.10, 0.02, 4000);
        var small = DetectableEffects.PowerForProportions(0.10, 0.01, 4000);
        Assert.True(big > 0.8 && small < 0.5, $"power {big} and {small}");
    }

    [Fact]
    public void Impossible_inputs_name_the_argument()
    {
        Assert.Equal("nobs1", Assert.Throws<ArgumentOutOfRangeException>(() => DetectableEffects.SolveEffectSize(0, 0.05, 0.8)).ParamName);
        Assert.Equal("baseline", Assert.Throws<ArgumentOutOfRangeException>(() => DetectableEffects.ForProportions(1.2, 100)).ParamName);
        var tiny = DetectableEffects.ForProportions(0.999, 3);
        Assert.True(double.IsNaN(tiny.Absolute), "three users can't detect any rise from 99.9%");
        Assert.Contains("below what 3 per arm can detect", tiny.Reason, StringComparison.Ordinal);
    }
}

using DsLoop.Stats.Design;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class SizingFixtureTests
{
    private static ProportionSizing Parse(string sizing) => sizing switch
    {
        "pooled-null" => ProportionSizing.PooledNull,
        "unpooled" => ProportionSizing.Unpooled,
        "evan-miller" => ProportionSizing.EvanMiller,
        _ => throw new ArgumentOutOfRangeException(nameof(sizing), sizing, null),
    };

    private static Alternative Side(string side) => side switch
    {
        "larger" => Alternative.Larger,
        "smaller" => Alternative.Smaller,
        _ => Alternative.TwoSided,
    };

    [Fact]
    public void Every_sizing_convention_matches_statsmodels_closed_forms()
    {
        var cases = Fixtures.Cases("sizing.json");
        Assert.True(cases.Count >= 300);
        foreach (var c in cases)
        {
            var plan = SampleSize.ForProportions(c.D("baseline"), c.D("treatment") - c.D("baseline"), alpha: c.D("alpha"), power: c.D("power"),
                ratio: c.D("ratio"), alternative: Side(c.GetProperty("alternative").GetString()!), sizing: Parse(c.GetProperty("sizing").GetString()!));
            var expected = c.D("controlN");
            // The plan rounds up; the fractional size it rounds must be the reference's to 1e-9.
            Assert.True(plan.ControlPerArm == (long)Math.Ceiling(expected * (1 - 1e-12)) || plan.ControlPerArm == (long)Math.Ceiling(expected),
                $"{c}: expected ceil({expected}), got {plan.ControlPerArm}");
            Assert.InRange(plan.TreatmentPerArm, (long)Math.Ceiling(expected * c.D("ratio")) - 1, (long)Math.Ceiling(expected * c.D("ratio")) + 1);
        }
    }

    [Fact]
    public void Conventions_differ_by_a_few_percent_and_the_pooled_null_sits_near_cohens_h()
    {
        var h = SampleSize.ForProportions(0.10, 0.02).ControlPerArm;
        var pooled = SampleSize.ForProportions(0.10, 0.02, sizing: ProportionSizing.PooledNull).ControlPerArm;
        var unpooled = SampleSize.ForProportions(0.10, 0.02, sizing: ProportionSizing.Unpooled).ControlPerArm;
        var evan = SampleSize.ForProportions(0.10, 0.02, sizing: ProportionSizing.EvanMiller).ControlPerArm;
        Assert.InRange(pooled / (double)h, 0.97, 1.03);
        Assert.True(evan < pooled && pooled < unpooled + 100, $"evan {evan}, pooled {pooled}, unpooled {unpooled}");
        Assert.InRange(unpooled / (double)evan, 1.01, 1.10);
    }

    [Fact]
    public void An_effect_pointing_away_from_a_one_sided_alternative_is_refused_with_a_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SampleSize.ForProportions(0.1, -0.01, alternative: Alternative.Larger, sizing: ProportionSizing.PooledNull));
        Assert.Contains("never reach power", error.Message, StringComparison.Ordinal);
    }
}

using DsLoop.Drills.Answers;
using DsLoop.Stats;
using DsLoop.Stats.Design;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>The power of a planned two-sided conversion test for a given lift and total sample.</summary>
internal sealed class PowerDrill : IDrillFamily
{
    public string Id => "power";

    public string Title => "Power of a planned test";

    public DrillArea Area => DrillArea.ExperimentDesign;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var baseline = b.Param("baseline", rng.Pick(0.03, 0.05, 0.1, 0.2, 0.3, 0.4));
        var mde = b.Param("mde", Math.Round(baseline * rng.Pick(0.05, 0.1, 0.2), 4));
        var target = rng.Step(0.3, 0.9, 0.05, 2);
        var needed = PowerAnalysis.SolveNobs1(SampleSize.CohensH(baseline + mde, baseline), 0.05, target);
        var perArm = (long)Math.Max(100, Math.Round(needed / 100) * 100);
        var total = (long)b.Param("total", perArm * 2);
        var power = DetectableEffects.PowerForProportions(baseline, mde, perArm);
        b.Mistake("per-arm versus total", DetectableEffects.PowerForProportions(baseline, mde, total), $"That gives each arm all {N(total)} users; each arm has {N(perArm)}.")
         .Mistake("one-sided instead of two-sided", DetectableEffects.PowerForProportions(baseline, mde, perArm, alternative: Alternative.Larger), "That is the power of a one-sided test; the test is two-sided, so each tail gets α/2.")
         .Mistake("β instead of power", 1 - power, "That is β, the chance of missing the effect; power is 1 − β.");
        var h = SampleSize.CohensH(baseline + mde, baseline);
        var prompt = $"A test of a {Pct(baseline)} click rate will have {N(total)} users split evenly. If the true absolute lift is {G(mde * 100)} percentage points, "
            + "what is the power of a two-sided test at α = 0.05?";
        var solution = $"Cohen's h = 2·asin√{G(baseline + mde)} − 2·asin√{G(baseline)} = {G(h)}. With {N(perArm)} per arm the effect in standard errors is "
            + $"h·√(n/2) = {G(h * Math.Sqrt(perArm / 2.0))}; power ≈ Φ({G(h * Math.Sqrt(perArm / 2.0))} − 1.96) = {G(power, 3)} (the far tail adds almost nothing).";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.Plus(0.01)), power, solution);
    }
}

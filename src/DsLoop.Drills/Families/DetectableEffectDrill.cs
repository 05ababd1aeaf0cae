using DsLoop.Drills.Answers;
using DsLoop.Stats;
using DsLoop.Stats.Design;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>The smallest absolute lift a fixed total sample detects (two-sided, Cohen's h).</summary>
internal sealed class DetectableEffectDrill : IDrillFamily
{
    public string Id => "mde";

    public string Title => "Minimum detectable effect for a fixed sample";

    public DrillArea Area => DrillArea.ExperimentDesign;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var baseline = b.Param("baseline", rng.Pick(0.02, 0.04, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5));
        var total = (long)b.Param("total", rng.Int(2, 200) * 1000);
        var power = b.Param("power", rng.Pick(0.8, 0.9));
        var perArm = total / 2;
        var effect = DetectableEffects.ForProportions(baseline, perArm, power: power);
        var asIfPerArm = DetectableEffects.ForProportions(baseline, total, power: power);
        var oneSided = DetectableEffects.ForProportions(baseline, perArm, power: power, alternative: Alternative.Larger);
        b.Mistake("per-arm versus total", asIfPerArm.Absolute, $"That treats all {N(total)} users as one arm; each arm has {N(perArm)}, so the detectable effect is about √2 times larger.")
         .Mistake("one-sided instead of two-sided", oneSided.Absolute, "That uses the one-sided critical value; the test is two-sided.")
         .Mistake("relative instead of absolute", effect.Relative, $"That is the change relative to the {Pct(baseline)} baseline; the question asks for the absolute change in the rate.");
        var zSum = StandardNormal.Isf(0.025) + StandardNormal.Ppf(power);
        var prompt = $"You can run a sign-up test on {N(total)} users in total, split evenly. Sign-up is {Pct(baseline)} today. With a two-sided test at α = 0.05 and "
            + $"{Pct(power, 0)} power, what is the smallest absolute increase in the sign-up rate you can detect (as a rate difference, e.g. 0.012 or 1.2%)?";
        var solution = $"Each arm has {N(perArm)}. Quick version: δ ≈ (z₀.₉₇₅ + z_power) × √(2·p·q / n) = {G(zSum)} × √(2 × {G(baseline)} × {G(1 - baseline)} / {N(perArm)}) "
            + $"= {G(zSum * Math.Sqrt(2 * baseline * (1 - baseline) / perArm))}. Solving the power equation with Cohen's h gives h = {G(effect.EffectSize)}, "
            + $"so the detectable rate is {G(baseline + effect.Absolute)}: an absolute change of {G(effect.Absolute)} ({Pct(effect.Relative, 1)} relative).";
        return b.Build(prompt, AnswerFormat.Number("absolute change in the rate", Tolerance.Within(0.04), percent: true), effect.Absolute, solution);
    }
}

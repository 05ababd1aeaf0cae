using DsLoop.Drills.Answers;
using DsLoop.Stats;
using DsLoop.Stats.Design;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>Users per arm to detect an absolute lift in a conversion rate (two-sided, normal approximation).</summary>
internal sealed class SampleSizeDrill : IDrillFamily
{
    public string Id => "sample-size";

    public string Title => "Sample size per arm for a conversion test";

    public DrillArea Area => DrillArea.ExperimentDesign;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var baseline = b.Param("baseline", rng.Pick(0.02, 0.03, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4));
        var lift = rng.Pick(0.05, 0.1, 0.15, 0.2);
        var mde = b.Param("mde", Math.Round(baseline * lift, 4));
        var alpha = b.Param("alpha", rng.Pick(0.05, 0.05, 0.01));
        var power = b.Param("power", rng.Pick(0.8, 0.8, 0.9));
        var plan = SampleSize.ForProportions(baseline, mde, alpha: alpha, power: power);
        var oneSided = SampleSize.ForProportions(baseline, mde, alpha: alpha, power: power, alternative: Alternative.Larger);
        var treatment = baseline + mde;
        var zSum = StandardNormal.Isf(alpha / 2) + StandardNormal.Ppf(power);
        var spread = Math.Sqrt((baseline * (1 - baseline)) + (treatment * (1 - treatment)));
        b.Mistake("per-arm versus total", plan.Total, "That is both arms together; the question asks for each arm.")
         .Mistake("one-sided instead of two-sided", oneSided.ControlPerArm, $"That uses z = {G(StandardNormal.Isf(alpha))}, the one-sided critical value; a two-sided test at α = {G(alpha)} puts α/2 in each tail.")
         .Mistake("forgot to square", Math.Ceiling(zSum * spread / mde), "The sample size grows with the square of (z-sum × standard deviation ÷ effect); that number is the square root.");
        var prompt = $"Checkout converts at {Pct(baseline)}. You want to detect an absolute change of {G(mde * 100)} percentage points (to {Pct(treatment)}) "
            + $"with a two-sided test at α = {G(alpha)} and {Pct(power, 0)} power, users split evenly between control and treatment. How many users does each arm need?";
        var solution = $"Two-sided: z₁₋α/₂ = {G(StandardNormal.Isf(alpha / 2))}, z_power = {G(StandardNormal.Ppf(power))}. "
            + $"n per arm ≈ (z₁₋α/₂ + z_power)² × (p₁q₁ + p₂q₂) / δ² = ({G(zSum)})² × {G(spread * spread)} / {G(mde)}² ≈ {N(Math.Ceiling(zSum * zSum * spread * spread / (mde * mde)))}. "
            + $"The arcsine (Cohen's h = {G(plan.EffectSize)}) version DsLoop uses gives {N(plan.ControlPerArm)} per arm, {N(plan.Total)} in total; "
            + "the usual conventions (pooled, unpooled, Evan Miller's) differ from it by up to 7% for these numbers, which the tolerance allows.";
        return b.Build(prompt, AnswerFormat.Count("users per arm", Tolerance.Within(0.07)), plan.ControlPerArm, solution);
    }
}

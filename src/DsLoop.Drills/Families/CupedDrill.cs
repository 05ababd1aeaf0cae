using DsLoop.Drills.Answers;
using DsLoop.Stats.Readout;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>The standard deviation left after CUPED with a pre-period covariate of correlation ρ.</summary>
internal sealed class CupedDrill : IDrillFamily
{
    public string Id => "cuped";

    public string Title => "CUPED variance reduction from a correlation";

    public DrillArea Area => DrillArea.Readout;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var sd = b.Param("sd", rng.Int(10, 120));
        var rho = b.Param("rho", rng.Step(0.3, 0.9, 0.05, 2));
        var adjusted = CupedPlanning.AdjustedStandardDeviation(sd, rho);
        b.Mistake("variance instead of standard deviation", sd * (1 - (rho * rho)), "CUPED removes ρ² of the variance; the standard deviation shrinks by the square root of what is left.")
         .Mistake("forgot to square ρ", sd * Math.Sqrt(1 - rho), "The share of variance explained is ρ², not ρ.")
         .Mistake("subtracted ρ", sd * (1 - rho), "The standard deviation scales by √(1 − ρ²), not (1 − ρ).");
        var prompt = $"Minutes watched per user has a standard deviation of {G(sd)} during the test. Last month's minutes per user correlate with it at ρ = {G(rho)}. "
            + "What standard deviation does the CUPED-adjusted metric have (with the optimal θ)?";
        var solution = $"With θ = cov(y, x)/var(x), var(y − θx) = var(y)·(1 − ρ²). So σ_adj = {G(sd)} × √(1 − {G(rho)}²) = {G(adjusted)}. "
            + $"The variance falls by {Pct(rho * rho, 1)}, so the same power needs {Pct(1 - (rho * rho), 1)} of the users.";
        return b.Build(prompt, AnswerFormat.Number("same units as the metric", Tolerance.ThreeSignificantFigures), adjusted, solution);
    }
}

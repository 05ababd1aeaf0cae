using DsLoop.Drills.Answers;
using DsLoop.Stats;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>P(a sum of n independent values exceeds a threshold), by the normal approximation.</summary>
internal sealed class CentralLimitDrill : IDrillFamily
{
    public string Id => "clt";

    public string Title => "Central limit theorem for a sum";

    public DrillArea Area => DrillArea.Probability;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var n = (int)b.Param("n", rng.Int(4, 40) * 10);
        var mean = b.Param("mean", rng.Int(10, 80));
        var sd = b.Param("sd", rng.Int(5, 60));
        var sumSd = sd * Math.Sqrt(n);
        var threshold = b.Param("threshold", Math.Round((n * mean) + (rng.Step(0.2, 2.5, 0.1, 1) * rng.Pick(-1, 1, 1) * sumSd)));
        var z = (threshold - (n * mean)) / sumSd;
        var answer = StandardNormal.Sf(z);
        b.Mistake("one value's standard deviation", StandardNormal.Sf((threshold - (n * mean)) / sd), $"The sum of {n} independent values has standard deviation σ√n, not σ.")
         .Mistake("standard deviation times n", StandardNormal.Sf((threshold - (n * mean)) / (sd * n)), "Variances add, not standard deviations: the sum's SD is σ√n.")
         .Mistake("variance instead of standard deviation", StandardNormal.Sf((threshold - (n * mean)) / (sd * sd * n)), "nσ² is the variance of the sum; divide by its square root.")
         .Mistake("the lower tail", 1 - answer, "That is P(sum below the threshold).");
        var prompt = $"A store has {n} orders a day, independent, each with mean ${G(mean)} and standard deviation ${G(sd)}. Using the normal approximation, "
            + $"what is the probability that a day's revenue exceeds ${N(threshold)}?";
        var solution = $"Sum: mean {N(n * mean)}, SD = {G(sd)} × √{n} = {G(sumSd)}. z = ({N(threshold)} − {N(n * mean)}) / {G(sumSd)} = {G(z, 3)}. P = 1 − Φ(z) = {G(answer, 3)}.";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.Plus(0.005)), answer, solution);
    }
}

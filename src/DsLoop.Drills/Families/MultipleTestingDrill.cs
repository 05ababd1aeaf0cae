using DsLoop.Drills.Answers;
using DsLoop.Stats.Readout;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>One metric's adjusted p-value under Holm (family-wise) or Benjamini–Hochberg (false discovery rate).</summary>
internal sealed class MultipleTestingDrill(bool holm) : IDrillFamily
{
    private const string Letters = "ABCDEFGH";

    public string Id => holm ? "holm" : "bh";

    public string Title => holm ? "Holm adjustment of a list of p-values" : "Benjamini–Hochberg adjustment of a list of p-values";

    public DrillArea Area => DrillArea.Readout;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var m = (int)b.Param("m", rng.Int(4, 8));
        var p = new double[m];
        for (var i = 0; i < m; i++)
        {
            p[i] = b.Param($"p{i + 1}", rng.Int(0, 2) == 0 ? rng.Step(0.001, 0.02, 0.001, 3) : rng.Step(0.005, 0.3, 0.001, 3));
        }
        var target = (int)b.Param("target", rng.Int(0, m - 1));
        var holmP = MultipleTesting.Holm(p);
        var bhP = MultipleTesting.BenjaminiHochberg(p);
        var rank = p.Count(x => x < p[target]) + 1 + Enumerable.Range(0, target).Count(i => p[i] == p[target]);
        var answer = holm ? holmP[target] : bhP[target];
        b.Mistake("Bonferroni instead", Math.Min(1, m * p[target]), $"Multiplying by all {m} tests is Bonferroni; {(holm ? "Holm multiplies the k-th smallest by (m − k + 1)" : "BH multiplies the k-th smallest by m/k")}.")
         .Mistake("unadjusted", p[target], "That is the raw p-value; the question asks for the adjusted one.")
         .Mistake(holm ? "Benjamini–Hochberg instead" : "Holm instead", holm ? bhP[target] : holmP[target], holm ? "That is the BH (false discovery rate) adjustment; Holm controls the family-wise error." : "That is Holm's family-wise adjustment; BH controls the false discovery rate.")
         .Mistake(holm ? "no running maximum" : "no running minimum", Math.Min(1, holm ? (m - rank + 1) * p[target] : m * p[target] / rank),
            holm ? "Holm's adjusted values never decrease down the sorted list: take the maximum with the values above." : "BH's adjusted values never increase up the sorted list: take the minimum with the values below.");
        var list = string.Join(", ", p.Select((x, i) => $"{Letters[i]}: {G(x)}"));
        var prompt = $"A launch review tests {m} metrics, with raw p-values {list}. What is metric {Letters[target]}'s "
            + (holm ? "Holm-adjusted p-value (family-wise error)?" : "Benjamini–Hochberg-adjusted p-value (false discovery rate)?");
        var sorted = p.Select((x, i) => (x, i)).OrderBy(t => t.x).ToList();
        var steps = string.Join("; ", sorted.Select((t, k) => $"{Letters[t.i]} {G(t.x)} × {(holm ? G(m - k) : $"{m}/{k + 1}")} = {G(Math.Min(1, holm ? (m - k) * t.x : m * t.x / (k + 1)))}"));
        var solution = $"Sort the p-values and scale the k-th smallest by {(holm ? "(m − k + 1)" : "m/k")}: {steps}. "
            + (holm ? "Then walk down the list keeping the running maximum, capped at 1" : "Then walk up from the largest keeping the running minimum, capped at 1")
            + $". Metric {Letters[target]} (rank {rank}) ends at {G(answer)}.";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.ThreeSignificantFigures), answer, solution);
    }
}

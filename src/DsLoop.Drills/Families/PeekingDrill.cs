using System.Collections.Concurrent;
using DsLoop.Drills.Answers;
using DsLoop.Stats.Design;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>The false-positive rate of checking an A/A test several times at the fixed threshold.</summary>
internal sealed class PeekingDrill : IDrillFamily
{
    // A handful of (looks, alpha) pairs cover every seed; each takes a few milliseconds of integration, so keep them.
    private static readonly ConcurrentDictionary<(int Looks, double Alpha), double> Rates = new();

    public string Id => "peeking";

    public string Title => "What peeking does to the false-positive rate";

    public DrillArea Area => DrillArea.Readout;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var looks = (int)b.Param("looks", rng.Int(2, 12));
        var alpha = b.Param("alpha", rng.Pick(0.01, 0.05, 0.05, 0.1));
        var rate = Rates.GetOrAdd((looks, alpha), key => InterimLooks.FalsePositiveRate(key.Looks, key.Alpha));
        b.Mistake("looks treated as independent", 1 - Math.Pow(1 - alpha, looks), "The looks share most of their data, so they are strongly correlated; 1 − (1 − α)^k overstates the inflation.")
         .Mistake("no inflation", alpha, "Each look alone is at α, but stopping at the first significant look gives more chances to cross the line.")
         .Mistake("added the looks' α", Math.Min(1, looks * alpha), "k·α is only a bound (and a loose one for correlated looks).");
        var prompt = $"A team checks an A/A test (no true effect) {looks} times at equally spaced points, each time with a two-sided z-test at α = {G(alpha)}, "
            + "and declares a winner the first time p < α. What is the chance they declare a winner?";
        var solution = $"At look j the z-statistic is S_j/√j with S a random walk, so looks i and j correlate at √(i/j). The chance some |Z_j| exceeds {G(Stats.StandardNormal.Isf(alpha / 2))} "
            + $"is 1 − P(all inside), computed by integrating the walk's density over the region that has not crossed yet: {G(rate, 3)}. "
            + $"That is {G(rate / alpha, 2)} times the nominal {G(alpha)}; independent looks would give {G(1 - Math.Pow(1 - alpha, looks), 3)}. "
            + "Fix it with a sequential method (alpha spending or always-valid p-values) or a single planned look.";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.Plus(0.005)), rate, solution);
    }
}

using DsLoop.Drills.Answers;
using DsLoop.Stats.Probability;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>P(at least k successes in n independent trials).</summary>
internal sealed class BinomialDrill : IDrillFamily
{
    public string Id => "binomial";

    public string Title => "Binomial: at least k of n";

    public DrillArea Area => DrillArea.Probability;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var n = (int)b.Param("n", rng.Int(5, 30));
        var p = b.Param("p", rng.Step(0.05, 0.6, 0.05, 2));
        var mean = n * p;
        var k = (int)b.Param("k", Math.Clamp((int)Math.Round(mean) + rng.Int(-1, 3), 1, n));
        var answer = DiscreteDistributions.BinomialAtLeast(k, n, p);
        b.Mistake("exactly k instead of at least k", DiscreteDistributions.BinomialPmf(k, n, p), $"That is P(X = {k}); \"at least\" adds every count from {k} to {n}.")
         .Mistake("more than k (off by one)", DiscreteDistributions.BinomialAtLeast(k + 1, n, p), $"That is P(X > {k}); \"at least {k}\" includes {k}.")
         .Mistake("the complement", 1 - answer, $"That is P(X < {k}).");
        var prompt = $"Each of {n} trial users converts to paid independently with probability {G(p)}. What is the probability that at least {k} of them convert?";
        var solution = $"X ~ Binomial({n}, {G(p)}). P(X ≥ {k}) = 1 − Σ_(j<{k}) C({n}, j)·{G(p)}^j·{G(1 - p)}^({n}−j) = {G(answer, 4)}. (The mean is {G(mean)}.)";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.ThreeSignificantFigures), answer, solution);
    }
}

/// <summary>P(the first success comes within k tries).</summary>
internal sealed class GeometricDrill : IDrillFamily
{
    public string Id => "geometric";

    public string Title => "Geometric: first success within k tries";

    public DrillArea Area => DrillArea.Probability;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var p = b.Param("p", rng.Step(0.02, 0.3, 0.01, 2));
        var k = (int)b.Param("k", rng.Int(2, 25));
        var answer = DiscreteDistributions.GeometricWithin(k, p);
        b.Mistake("the chance of no success", Math.Pow(1 - p, k), "That is P(all fail); the answer is its complement.")
         .Mistake("added the probabilities", Math.Min(1, k * p), "Tries are not mutually exclusive successes; use 1 − (1 − p)^k.")
         .Mistake("exactly on try k", p * Math.Pow(1 - p, k - 1), $"That is P(first success on try {k} exactly); the question allows any try up to {k}.");
        var prompt = $"A sales rep closes each cold call independently with probability {G(p)}. What is the probability the first close comes within the first {k} calls?";
        var solution = $"P(no close in {k} calls) = (1 − {G(p)})^{k} = {G(Math.Pow(1 - p, k), 4)}, so P(first close by call {k}) = {G(answer, 4)}. The expected number of calls to the first close is 1/p = {G(1 / p)}.";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.ThreeSignificantFigures), answer, solution);
    }
}

/// <summary>P(at least k arrivals) in a window for a Poisson rate given per hour.</summary>
internal sealed class PoissonDrill : IDrillFamily
{
    public string Id => "poisson";

    public string Title => "Poisson: at least k events in a window";

    public DrillArea Area => DrillArea.Probability;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var rate = b.Param("rate", rng.Step(0.5, 6, 0.5, 1));
        var hours = b.Param("hours", rng.Pick(0.5, 1, 2, 3, 4));
        var lambda = rate * hours;
        var k = (int)b.Param("k", Math.Max(1, (int)Math.Round(lambda) + rng.Int(-1, 3)));
        var answer = DiscreteDistributions.PoissonAtLeast(k, lambda);
        b.Mistake("forgot to scale the rate", DiscreteDistributions.PoissonAtLeast(k, rate), $"The rate is per hour; over {G(hours)} hours the mean is {G(lambda)}.")
         .Mistake("exactly k instead of at least k", DiscreteDistributions.PoissonPmf(k, lambda), $"That is P(X = {k}); add every count from {k} up.")
         .Mistake("more than k (off by one)", DiscreteDistributions.PoissonAtLeast(k + 1, lambda), $"\"At least {k}\" includes {k}.");
        var prompt = $"Support tickets arrive as a Poisson process at {G(rate)} per hour. What is the probability of at least {k} tickets in the next {G(hours)} hours?";
        var solution = $"λ = {G(rate)} × {G(hours)} = {G(lambda)}. P(X ≥ {k}) = 1 − Σ_(j<{k}) e^(−λ)·λ^j/j! = {G(answer, 4)}.";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.ThreeSignificantFigures), answer, solution);
    }
}

/// <summary>P(exactly k defective) drawing without replacement.</summary>
internal sealed class HypergeometricDrill : IDrillFamily
{
    public string Id => "hypergeometric";

    public string Title => "Hypergeometric: sampling without replacement";

    public DrillArea Area => DrillArea.Probability;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var population = (int)b.Param("population", rng.Int(15, 60));
        var bad = (int)b.Param("bad", rng.Int(3, population / 3));
        var draws = (int)b.Param("draws", rng.Int(3, 10));
        var k = (int)b.Param("k", rng.Int(0, Math.Min(2, bad)));
        var answer = DiscreteDistributions.HypergeometricPmf(k, population, bad, draws);
        b.Mistake("with replacement (binomial)", DiscreteDistributions.BinomialPmf(k, draws, (double)bad / population), "Records are audited without replacement, so each draw changes what is left; that is the binomial answer.")
         .Mistake("at least k instead of exactly k", Enumerable.Range(k, draws - k + 1).Sum(j => DiscreteDistributions.HypergeometricPmf(j, population, bad, draws)), $"The question asks for exactly {k}.");
        var prompt = $"A table of {population} records holds {bad} mislabelled ones. An auditor checks {draws} records chosen at random without replacement. "
            + $"What is the probability that exactly {k} of them are mislabelled?";
        var solution = $"P = C({bad}, {k}) × C({population - bad}, {draws - k}) / C({population}, {draws}) = {G(answer, 4)}.";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.ThreeSignificantFigures), answer, solution);
    }
}

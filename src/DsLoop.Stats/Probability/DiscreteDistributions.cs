using MathNet.Numerics.Distributions;

namespace DsLoop.Stats.Probability;

/// <summary>
/// Probabilities of the counting distributions a probability screen asks about (scipy.stats <c>binom</c>,
/// <c>poisson</c>, <c>geom</c>, <c>hypergeom</c>). "At least k" is P(X ≥ k), the complement of the CDF at k − 1.
/// </summary>
public static class DiscreteDistributions
{
    /// <summary>P(X = k) for X ~ Binomial(n, p).</summary>
    public static double BinomialPmf(int k, int n, double p) => Binomial.PMF(CheckP(p), CheckN(n), k);

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p).</summary>
    public static double BinomialAtLeast(int k, int n, double p) =>
        k <= 0 ? 1 : k > CheckN(n) ? 0 : 1 - Binomial.CDF(CheckP(p), n, k - 1);

    /// <summary>P(X = k) for X ~ Poisson(λ).</summary>
    public static double PoissonPmf(int k, double lambda) => Poisson.PMF(CheckRate(lambda), k);

    /// <summary>P(X ≥ k) for X ~ Poisson(λ).</summary>
    public static double PoissonAtLeast(int k, double lambda) => k <= 0 ? 1 : 1 - Poisson.CDF(CheckRate(lambda), k - 1);

    /// <summary>P(the first success comes on one of the first k trials) = 1 − (1 − p)^k.</summary>
    public static double GeometricWithin(int k, double p) => k <= 0 ? 0 : 1 - Math.Pow(1 - CheckP(p), k);

    /// <summary>P(X = k) when n items are drawn without replacement from N holding K successes.</summary>
    public static double HypergeometricPmf(int k, int population, int successes, int draws)
    {
        if (population < 0 || successes < 0 || successes > population || draws < 0 || draws > population)
        {
            throw new ArgumentOutOfRangeException(nameof(population), population,
                $"Need 0 ≤ successes ({successes}) ≤ population and 0 ≤ draws ({draws}) ≤ population.");
        }
        return Hypergeometric.PMF(population, successes, draws, k);
    }

    private static double CheckP(double p) =>
        p is < 0 or > 1 || double.IsNaN(p) ? throw new ArgumentOutOfRangeException(nameof(p), p, "A probability lies in [0, 1].") : p;

    private static int CheckN(int n) => n < 0 ? throw new ArgumentOutOfRangeException(nameof(n), n, "Trials can't be negative.") : n;

    private static double CheckRate(double lambda) =>
        lambda <= 0 || double.IsNaN(lambda) ? throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "A Poisson rate must be positive.") : lambda;
}

using MathNet.Numerics.Distributions;

namespace DsLoop.Stats;

/// <summary>The standard normal distribution N(0, 1), written so that tails keep their precision (scipy <c>stats.norm</c>).</summary>
public static class StandardNormal
{
    /// <summary>Cumulative distribution, P(Z ≤ x).</summary>
    public static double Cdf(double x) => Normal.CDF(0, 1, x);

    /// <summary>Upper tail, P(Z &gt; x), computed as Φ(−x) to keep precision far out.</summary>
    public static double Sf(double x) => Normal.CDF(0, 1, -x);

    /// <summary>The quantile function, the inverse of <see cref="Cdf"/>.</summary>
    public static double Ppf(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>The upper-tail quantile: Sf(Isf(a)) = a.</summary>
    public static double Isf(double a) => -Normal.InvCDF(0, 1, a);

    /// <summary>The p-value of a z statistic under the given alternative.</summary>
    public static double PValue(double z, Alternative alternative) => alternative switch
    {
        Alternative.TwoSided => 2 * Sf(Math.Abs(z)),
        Alternative.Larger => Sf(z),
        Alternative.Smaller => Cdf(z),
        _ => throw new ArgumentOutOfRangeException(nameof(alternative)),
    };
}

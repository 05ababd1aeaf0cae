using MathNet.Numerics.Distributions;

namespace DsLoop.Stats;

/// <summary>Standard-normal helpers written so that tails keep their precision.</summary>
internal static class StdNormal
{
    public static double Cdf(double x) => Normal.CDF(0, 1, x);

    /// <summary>Upper tail, P(Z &gt; x), computed as Φ(−x) to keep precision far out.</summary>
    public static double Sf(double x) => Normal.CDF(0, 1, -x);

    public static double Ppf(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>The upper-tail quantile: Sf(Isf(a)) = a.</summary>
    public static double Isf(double a) => -Normal.InvCDF(0, 1, a);

    public static double PValue(double z, Alternative alternative) => alternative switch
    {
        Alternative.TwoSided => 2 * Sf(Math.Abs(z)),
        Alternative.Larger => Sf(z),
        Alternative.Smaller => Cdf(z),
        _ => throw new ArgumentOutOfRangeException(nameof(alternative)),
    };
}

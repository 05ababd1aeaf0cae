using MathNet.Numerics;

namespace DsLoop.Stats;

/// <summary>The χ² distribution's upper tail (scipy <c>stats.chi2.sf</c>), the p-value of every χ² test here.</summary>
public static class ChiSquareDistribution
{
    /// <summary>
    /// P(X &gt; <paramref name="x"/>) for X ~ χ²(<paramref name="degreesOfFreedom"/>): the regularised upper incomplete
    /// gamma Q(k/2, x/2), which keeps its digits far into the tail where 1 − CDF would lose them. NaN for a NaN statistic.
    /// </summary>
    public static double Sf(double x, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(x))
        {
            return double.NaN;
        }
        return x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2);
    }
}

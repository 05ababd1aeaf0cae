using MathNet.Numerics.RootFinding;

namespace DsLoop.Stats.Design;

/// <summary>
/// Power and sample size for two independent groups under the normal approximation, matching
/// statsmodels' <c>NormalIndPower</c>: the effect is standardised (Cohen's d for means, Cohen's h for
/// proportions), group 2 has <c>ratio</c> times the size of group 1, and a two-sided test counts both tails.
/// </summary>
public static class PowerAnalysis
{
    /// <summary>Power to detect <paramref name="effectSize"/> with <paramref name="nobs1"/> in group 1.</summary>
    public static double Power(double effectSize, double nobs1, double alpha, double ratio = 1, Alternative alternative = Alternative.TwoSided)
    {
        Check(alpha, ratio);
        if (nobs1 <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nobs1), nobs1, "Group size must be positive.");
        }
        var nobs = 1 / ((1 / nobs1) + (1 / (nobs1 * ratio)));
        var shift = effectSize * Math.Sqrt(nobs);
        var tail = alternative == Alternative.TwoSided ? alpha / 2 : alpha;
        var power = 0.0;
        if (alternative is Alternative.TwoSided or Alternative.Larger)
        {
            power += StandardNormal.Sf(StandardNormal.Isf(tail) - shift);
        }
        if (alternative is Alternative.TwoSided or Alternative.Smaller)
        {
            power += StandardNormal.Cdf(StandardNormal.Ppf(tail) - shift);
        }
        return power;
    }

    /// <summary>
    /// The (fractional) size of group 1 that reaches <paramref name="power"/>; round up for a plan.
    /// Throws when the effect points away from a one-sided alternative, or is zero.
    /// </summary>
    public static double SolveNobs1(double effectSize, double alpha, double power, double ratio = 1, Alternative alternative = Alternative.TwoSided)
    {
        Check(alpha, ratio);
        if (power <= alpha || power >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, $"Power must be between alpha ({alpha}) and 1.");
        }
        if (effectSize == 0 || (alternative == Alternative.Larger && effectSize < 0) || (alternative == Alternative.Smaller && effectSize > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(effectSize), effectSize,
                $"An effect of {effectSize} can never reach power {power} under the '{alternative}' alternative.");
        }
        double Gap(double n) => Power(effectSize, n, alpha, ratio, alternative) - power;
        var high = 2.0;
        while (Gap(high) < 0)
        {
            high *= 2;
            if (high > 1e15)
            {
                throw new ArgumentOutOfRangeException(nameof(effectSize), effectSize, "The effect is too small to size a test for.");
            }
        }
        // The accuracy bounds the power gap, not n: power moves by ~1e-7 per tenth of a unit at large n.
        return Brent.FindRoot(Gap, 1e-9, high, 1e-15, 1000);
    }

    private static void Check(double alpha, double ratio)
    {
        if (alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be between 0 and 1.");
        }
        if (ratio <= 0 || double.IsNaN(ratio))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The allocation ratio must be positive.");
        }
    }
}

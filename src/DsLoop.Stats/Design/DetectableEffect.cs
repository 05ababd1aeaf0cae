using MathNet.Numerics.RootFinding;

namespace DsLoop.Stats.Design;

/// <summary>The smallest change a test of a given size detects with the target power.</summary>
/// <param name="EffectSize">The standardised effect (Cohen's h for rates, Cohen's d for means); negative for 'smaller'.</param>
/// <param name="Absolute">The change in the metric's own units (points of rate, or units of the mean).</param>
/// <param name="Relative">The change relative to the baseline (NaN for means).</param>
/// <param name="Reason">Why no change in the metric's units is detectable (NaN values), or null.</param>
public sealed record DetectableEffect(double EffectSize, double Absolute, double Relative, string? Reason = null);

/// <summary>
/// Minimum detectable effect and power for a fixed sample, the inverse questions of <see cref="SampleSize"/>:
/// statsmodels <c>NormalIndPower.solve_power(effect_size=None, …)</c> and <c>NormalIndPower.power</c>.
/// </summary>
public static class DetectableEffects
{
    /// <summary>The standardised effect that reaches <paramref name="power"/> with <paramref name="nobs1"/> in group 1.</summary>
    public static double SolveEffectSize(double nobs1, double alpha, double power, double ratio = 1, Alternative alternative = Alternative.TwoSided)
    {
        if (nobs1 <= 0 || double.IsNaN(nobs1))
        {
            throw new ArgumentOutOfRangeException(nameof(nobs1), nobs1, "Group size must be positive.");
        }
        if (power <= alpha || power >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, $"Power must be between alpha ({alpha}) and 1.");
        }
        var sign = alternative == Alternative.Smaller ? -1 : 1;
        double Gap(double d) => PowerAnalysis.Power(sign * d, nobs1, alpha, ratio, alternative) - power;
        var high = 1.0;
        while (Gap(high) < 0)
        {
            high *= 2;
        }
        return sign * Brent.FindRoot(Gap, 1e-12, high, 1e-15, 1000);
    }

    /// <summary>The smallest increase (or decrease, for 'smaller') from <paramref name="baseline"/> that <paramref name="controlN"/> per control arm detects.</summary>
    public static DetectableEffect ForProportions(
        double baseline, long controlN, double alpha = 0.05, double power = 0.8, double ratio = 1, Alternative alternative = Alternative.TwoSided)
    {
        if (baseline is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "The baseline rate must be strictly between 0 and 1.");
        }
        var h = SolveEffectSize(controlN, alpha, power, ratio, alternative);
        // Invert Cohen's h = 2·asin√p₂ − 2·asin√p₁; an angle past the end of the scale means no rate can be detected.
        var angle = Math.Asin(Math.Sqrt(baseline)) + (h / 2);
        if (angle is < 0 or > Math.PI / 2)
        {
            return new DetectableEffect(h, double.NaN, double.NaN,
                $"even a move to a rate of {(h > 0 ? 1 : 0)} is below what {controlN:N0} per arm can detect from a baseline of {baseline}");
        }
        var treatment = Math.Pow(Math.Sin(angle), 2);
        return new DetectableEffect(h, treatment - baseline, (treatment - baseline) / baseline);
    }

    /// <summary>The smallest change in a mean with standard deviation <paramref name="sd"/> that <paramref name="controlN"/> per control arm detects.</summary>
    public static DetectableEffect ForMeans(
        double sd, long controlN, double alpha = 0.05, double power = 0.8, double ratio = 1, Alternative alternative = Alternative.TwoSided)
    {
        if (sd <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sd), sd, "The standard deviation must be positive.");
        }
        var d = SolveEffectSize(controlN, alpha, power, ratio, alternative);
        return new DetectableEffect(d, d * sd, double.NaN);
    }

    /// <summary>Power to detect a change of a rate from <paramref name="baseline"/> by <paramref name="mde"/> (absolute) with <paramref name="controlN"/> per control arm.</summary>
    public static double PowerForProportions(double baseline, double mde, long controlN, double alpha = 0.05, double ratio = 1, Alternative alternative = Alternative.TwoSided) =>
        PowerAnalysis.Power(SampleSize.CohensH(baseline + mde, baseline), controlN, alpha, ratio, alternative);
}

namespace DsLoop.Stats.Readout;

/// <summary>
/// Intervals for the relative lift, treatment mean / control mean − 1, from two independent estimates and
/// their variances (of the means, not of single values).
/// </summary>
public static class RelativeLift
{
    /// <summary>Delta method: r ± z·√( vₜ/μ꜀² + μₜ²·v꜀/μ꜀⁴ ).</summary>
    public static Interval Delta(double treatmentMean, double treatmentVariance, double controlMean, double controlVariance, double confidence = 0.95)
    {
        if (controlMean == 0)
        {
            return Interval.Degenerate("the control mean is 0, so a relative lift is undefined");
        }
        var lift = (treatmentMean / controlMean) - 1;
        var se = Math.Sqrt((treatmentVariance / (controlMean * controlMean))
            + (treatmentMean * treatmentMean * controlVariance / Math.Pow(controlMean, 4)));
        var z = StandardNormal.Isf((1 - confidence) / 2);
        return new Interval(lift - (z * se), lift + (z * se));
    }

    /// <summary>
    /// Fieller's interval: every ratio ρ with (μₜ − ρ·μ꜀)² ≤ z²·(vₜ + ρ²·v꜀), minus 1. When the control mean is
    /// not clearly away from zero (μ꜀² ≤ z²·v꜀) the set is unbounded; the result then says so instead of
    /// pretending to have bounds.
    /// </summary>
    public static Interval Fieller(double treatmentMean, double treatmentVariance, double controlMean, double controlVariance, double confidence = 0.95)
    {
        var z2 = Math.Pow(StandardNormal.Isf((1 - confidence) / 2), 2);
        var a = (controlMean * controlMean) - (z2 * controlVariance);
        if (a <= 0)
        {
            return new Interval(double.NegativeInfinity, double.PositiveInfinity,
                "unbounded: the control mean is not significantly different from 0, so the ratio has no finite interval");
        }
        var b = treatmentMean * controlMean;
        var discriminant = (b * b) - (a * ((treatmentMean * treatmentMean) - (z2 * treatmentVariance)));
        var root = Math.Sqrt(Math.Max(0, discriminant));
        return new Interval(((b - root) / a) - 1, ((b + root) / a) - 1);
    }
}

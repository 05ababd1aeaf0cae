namespace DsLoop.Stats.Readout;

/// <summary>A ratio metric in one arm, with the variance of the ratio.</summary>
/// <param name="Ratio">Σ numerator / Σ denominator over the arm's randomisation units.</param>
/// <param name="Variance">Delta-method variance of the ratio; NaN with the reason when it can't be computed.</param>
/// <param name="Reason">Why the variance is unavailable, or null.</param>
public sealed record RatioEstimate(double Ratio, double Variance, string? Reason);

/// <summary>The difference of a ratio metric between arms.</summary>
/// <param name="Control">Control's ratio.</param>
/// <param name="Treatment">Treatment's ratio.</param>
/// <param name="Difference">Treatment ratio − control ratio.</param>
/// <param name="Interval">Wald interval of the difference.</param>
/// <param name="Test">z and two-sided p-value.</param>
public sealed record RatioReadout(RatioEstimate Control, RatioEstimate Treatment, double Difference, Interval Interval, TestResult Test);

/// <summary>
/// Ratio metrics such as clicks per session or revenue per order, where the unit of randomisation (the user)
/// is not the unit of the metric (the session). Treating sessions as independent understates the variance;
/// the delta method on user-level sums gets it right:
/// Var(r̂) ≈ (s²ᵧ − 2r·sᵧₙ + r²·s²ₙ) / (users · n̄²), with y the user's numerator and n their denominator.
/// Feed each user's (denominator, numerator) into a <see cref="PairedSummary"/> as (x, y).
/// </summary>
public static class RatioMetric
{
    /// <summary>The ratio and its delta-method variance for one arm.</summary>
    public static RatioEstimate Estimate(PairedSummary users)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count == 0 || users.MeanX == 0)
        {
            return new RatioEstimate(double.NaN, double.NaN, "the denominator is zero, so the ratio is undefined");
        }
        var ratio = users.MeanY / users.MeanX;
        if (users.Count < 2)
        {
            return new RatioEstimate(ratio, double.NaN, "need at least two randomisation units for a variance");
        }
        var n = users.Count;
        var variance = ((users.M2Y - (2 * ratio * users.Cxy) + (ratio * ratio * users.M2X)) / (n - 1)) / (n * users.MeanX * users.MeanX);
        return new RatioEstimate(ratio, Math.Max(0, variance), null);
    }

    /// <summary>Compares the arms' ratios with a Wald z-test and interval.</summary>
    public static RatioReadout Compare(PairedSummary control, PairedSummary treatment, double confidence = 0.95)
    {
        var c = Estimate(control);
        var t = Estimate(treatment);
        var difference = t.Ratio - c.Ratio;
        var reason = c.Reason ?? t.Reason;
        var se = Math.Sqrt(c.Variance + t.Variance);
        if (reason is null && !(se > 0))
        {
            reason = "both ratios have zero variance";
        }
        if (reason is not null)
        {
            return new RatioReadout(c, t, difference, Interval.Degenerate(reason), TestResult.Degenerate(reason));
        }
        var z = difference / se;
        var half = StandardNormal.Isf((1 - confidence) / 2) * se;
        return new RatioReadout(c, t, difference, new Interval(difference - half, difference + half),
            new TestResult(z, StandardNormal.PValue(z, Alternative.TwoSided), null));
    }
}

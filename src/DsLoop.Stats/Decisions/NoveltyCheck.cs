using MathNet.Numerics.Distributions;

namespace DsLoop.Stats.Decisions;

/// <summary>The trend of the daily treatment effect over the experiment.</summary>
/// <param name="SlopePerDay">Least-squares slope of the daily effect on the day number.</param>
/// <param name="PValue">Two-sided p-value of the slope (t with days − 2 degrees of freedom), as scipy's linregress.</param>
/// <param name="Decays">True when the effect shrinks significantly (slope of the opposite sign to the mean effect, p below alpha).</param>
/// <param name="Reason">Why no trend can be computed, or null.</param>
public sealed record NoveltyResult(double SlopePerDay, double PValue, bool Decays, string? Reason);

/// <summary>
/// Novelty check: regress the daily treatment effect on the day index. An effect that fades towards zero
/// (a slope against the effect's sign) suggests novelty, so the long-run lift is smaller than the average.
/// </summary>
public static class NoveltyCheck
{
    /// <summary>Checks daily effects, first day first.</summary>
    public static NoveltyResult Check(IReadOnlyList<double> dailyEffects, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(dailyEffects);
        var n = dailyEffects.Count;
        if (n < 3)
        {
            return new NoveltyResult(double.NaN, double.NaN, false, "need at least three days of effects for a trend");
        }
        var meanDay = (n - 1) / 2.0;
        var meanEffect = dailyEffects.Average();
        double sxx = 0, sxy = 0, syy = 0;
        for (var day = 0; day < n; day++)
        {
            sxx += (day - meanDay) * (day - meanDay);
            sxy += (day - meanDay) * (dailyEffects[day] - meanEffect);
            syy += (dailyEffects[day] - meanEffect) * (dailyEffects[day] - meanEffect);
        }
        var slope = sxy / sxx;
        var residual = Math.Max(0, syy - (slope * sxy));
        if (residual == 0)
        {
            return new NoveltyResult(slope, slope == 0 ? 1 : 0, slope != 0 && Math.Sign(slope) == -Math.Sign(meanEffect), null);
        }
        var se = Math.Sqrt(residual / (n - 2) / sxx);
        var p = 2 * StudentT.CDF(0, 1, n - 2, -Math.Abs(slope / se));
        return new NoveltyResult(slope, p, p < alpha && Math.Sign(slope) == -Math.Sign(meanEffect), null);
    }
}

namespace DsLoop.Stats.Readout;

/// <summary>Streaming count, means, variances and covariance of (covariate x, metric y) pairs in O(1) memory.</summary>
public sealed class PairedSummary
{
    /// <summary>Pairs seen.</summary>
    public long Count { get; private set; }

    /// <summary>Mean of x.</summary>
    public double MeanX { get; private set; }

    /// <summary>Mean of y.</summary>
    public double MeanY { get; private set; }

    internal double M2X { get; private set; }
    internal double M2Y { get; private set; }
    internal double Cxy { get; private set; }

    /// <summary>Adds one pair.</summary>
    public void Add(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Pair {Count + 1} ({x}, {y}) is not finite.");
        }
        Count++;
        var dx = x - MeanX;
        MeanX += dx / Count;
        var dy = y - MeanY;
        MeanY += dy / Count;
        M2X += dx * (x - MeanX);
        M2Y += dy * (y - MeanY);
        Cxy += dx * (y - MeanY);
    }

    /// <summary>Merges two summaries (Chan et al.'s parallel update).</summary>
    public static PairedSummary Combine(PairedSummary a, PairedSummary b)
    {
        var n = a.Count + b.Count;
        var result = new PairedSummary { Count = n };
        if (n == 0)
        {
            return result;
        }
        var dx = b.MeanX - a.MeanX;
        var dy = b.MeanY - a.MeanY;
        var share = (double)a.Count * b.Count / n;
        result.MeanX = a.MeanX + (dx * b.Count / n);
        result.MeanY = a.MeanY + (dy * b.Count / n);
        result.M2X = a.M2X + b.M2X + (dx * dx * share);
        result.M2Y = a.M2Y + b.M2Y + (dy * dy * share);
        result.Cxy = a.Cxy + b.Cxy + (dx * dy * share);
        return result;
    }
}

/// <summary>A CUPED readout.</summary>
/// <param name="Theta">The pooled adjustment coefficient cov(y, x)/var(x); 0 in the fallback.</param>
/// <param name="Welch">Welch's test on the adjusted metric.</param>
/// <param name="VarianceReduction">1 − adjusted variance / raw variance, in the treatment arm.</param>
/// <param name="Note">Why CUPED fell back to the plain difference, or null.</param>
public sealed record CupedResult(double Theta, WelchResult Welch, double VarianceReduction, string? Note);

/// <summary>
/// CUPED: subtract θ·(x − x̄) from each metric value, with x a pre-experiment covariate and θ pooled over both
/// arms, then compare arms with Welch's test. Unbiased because the covariate is unaffected by treatment.
/// </summary>
public static class Cuped
{
    /// <summary>Runs CUPED from each arm's paired summary.</summary>
    public static CupedResult Analyse(PairedSummary control, PairedSummary treatment, double confidence = 0.95)
    {
        var pooled = PairedSummary.Combine(control, treatment);
        var fallback = pooled.M2X <= 0;
        var theta = fallback ? 0 : pooled.Cxy / pooled.M2X;
        (double Mean, double Sd) Adjusted(PairedSummary arm) =>
            (arm.MeanY - (theta * (arm.MeanX - pooled.MeanX)),
             arm.Count < 2 ? 0 : Math.Sqrt(Math.Max(0, (arm.M2Y - (2 * theta * arm.Cxy) + (theta * theta * arm.M2X)) / (arm.Count - 1))));
        var (meanC, sdC) = Adjusted(control);
        var (meanT, sdT) = Adjusted(treatment);
        var welch = WelchTest.FromStats(meanC, sdC, control.Count, meanT, sdT, treatment.Count, Alternative.TwoSided, confidence);
        var rawVariance = treatment.Count < 2 ? double.NaN : treatment.M2Y / (treatment.Count - 1);
        var reduction = rawVariance > 0 ? 1 - (sdT * sdT / rawVariance) : 0;
        return new CupedResult(theta, welch, reduction, fallback ? "the covariate has no variance, so CUPED falls back to the plain difference" : null);
    }
}

/// <summary>What CUPED buys before any data: the share of variance a covariate with correlation ρ removes.</summary>
public static class CupedPlanning
{
    /// <summary>The standard deviation of the adjusted metric, σ·√(1 − ρ²), for the optimal θ.</summary>
    public static double AdjustedStandardDeviation(double sd, double correlation)
    {
        if (sd < 0 || double.IsNaN(sd))
        {
            throw new ArgumentOutOfRangeException(nameof(sd), sd, "The standard deviation can't be negative.");
        }
        if (correlation is < -1 or > 1 || double.IsNaN(correlation))
        {
            throw new ArgumentOutOfRangeException(nameof(correlation), correlation, "A correlation lies in [-1, 1].");
        }
        return sd * Math.Sqrt(1 - (correlation * correlation));
    }
}

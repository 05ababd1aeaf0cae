namespace DsLoop.Stats.Readout;

/// <summary>
/// Always-valid inference for a difference that is looked at repeatedly (normal-mixture sequential test).
/// Mixing a normal prior with variance τ² over the effect turns the likelihood ratio into a test martingale,
/// so the interval holds at every look at once: checking after every batch does not inflate the error rate.
/// <para>For an estimate θ̂ with variance v, the (1 − α) confidence sequence is
/// θ̂ ± √( v·(v + τ²)/τ² · (2·ln(1/α) + ln(1 + τ²/v)) ), and the always-valid p-value is min(1, 1/Λ) with
/// Λ = √(v/(v + τ²))·exp(τ²·θ̂² / (2·v·(v + τ²))), kept as a running minimum over looks.</para>
/// τ² (the tuning parameter) should be on the scale of the squared effect you expect; a poor choice costs
/// power, never validity. The variance is plugged in from the data, so validity is asymptotic.
/// </summary>
public static class SequentialTest
{
    /// <summary>The confidence sequence at the current look.</summary>
    public static Interval ConfidenceSequence(double estimate, double estimateVariance, double mixingVariance, double alpha = 0.05)
    {
        if (Check(estimateVariance, mixingVariance, alpha) is { } reason)
        {
            return Interval.Degenerate(reason);
        }
        var v = estimateVariance;
        var tau2 = mixingVariance;
        var half = Math.Sqrt(v * (v + tau2) / tau2 * ((2 * Math.Log(1 / alpha)) + Math.Log(1 + (tau2 / v))));
        return new Interval(estimate - half, estimate + half);
    }

    /// <summary>The always-valid p-value at this look (before taking the running minimum over looks).</summary>
    public static TestResult PValue(double estimate, double estimateVariance, double mixingVariance)
    {
        if (Check(estimateVariance, mixingVariance, 0.05) is { } reason)
        {
            return TestResult.Degenerate(reason);
        }
        var v = estimateVariance;
        var tau2 = mixingVariance;
        var logLambda = (0.5 * Math.Log(v / (v + tau2))) + (tau2 * estimate * estimate / (2 * v * (v + tau2)));
        return new TestResult(estimate / Math.Sqrt(v), Math.Min(1, Math.Exp(-logLambda)), null);
    }

    /// <summary>Both arms' summaries to the difference of means and its variance.</summary>
    public static (double Estimate, double Variance) Difference(SummaryStats control, SummaryStats treatment) =>
        (treatment.Mean - control.Mean, (treatment.Variance / treatment.Count) + (control.Variance / control.Count));

    private static string? Check(double variance, double mixingVariance, double alpha)
    {
        if (alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be between 0 and 1.");
        }
        if (!(mixingVariance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(mixingVariance), mixingVariance, "The mixing variance (tuning) must be positive.");
        }
        return variance > 0 && double.IsFinite(variance) ? null : "the estimate has no variance yet";
    }
}

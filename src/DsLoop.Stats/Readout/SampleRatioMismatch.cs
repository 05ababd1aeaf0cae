namespace DsLoop.Stats.Readout;

/// <summary>The sample-ratio check of an experiment's assignment counts.</summary>
/// <param name="ChiSquare">Pearson's χ² statistic.</param>
/// <param name="DegreesOfFreedom">Arms minus one.</param>
/// <param name="PValue">Upper-tail probability of the statistic.</param>
/// <param name="Expected">Expected count per arm.</param>
/// <param name="Reason">Why the check is not trustworthy (an expected count below the minimum), or null.</param>
public sealed record SrmResult(double ChiSquare, int DegreesOfFreedom, double PValue, IReadOnlyList<double> Expected, string? Reason)
{
    /// <summary>True when the split is very unlikely under the planned weights (p below the threshold, default 0.001).</summary>
    public bool IsMismatch(double threshold = 0.001) => Reason is null && PValue < threshold;
}

/// <summary>Pearson's χ² goodness-of-fit of arm counts to planned weights (scipy <c>chisquare</c>).</summary>
public static class SampleRatioMismatch
{
    /// <summary>The smallest expected count per arm for the χ² approximation to be trusted.</summary>
    public const double MinimumExpected = 5;

    /// <summary>Checks the counts; equal weights when <paramref name="weights"/> is null.</summary>
    public static SrmResult Check(IReadOnlyList<long> counts, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count < 2)
        {
            throw new ArgumentException($"Need at least two arms, got {counts.Count}.", nameof(counts));
        }
        weights ??= [.. Enumerable.Repeat(1.0, counts.Count)];
        if (weights.Count != counts.Count)
        {
            throw new ArgumentException($"{counts.Count} counts but {weights.Count} weights.", nameof(weights));
        }
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException($"Arm {i + 1} has a negative count ({counts[i]}).", nameof(counts));
            }
            if (!(weights[i] > 0))
            {
                throw new ArgumentException($"Arm {i + 1} has weight {weights[i]}; weights must be positive.", nameof(weights));
            }
        }
        var total = counts.Sum();
        var weightSum = weights.Sum();
        var expected = weights.Select(w => total * w / weightSum).ToList();
        if (total == 0)
        {
            return new SrmResult(double.NaN, counts.Count - 1, double.NaN, expected, "no units were assigned");
        }
        var chi2 = counts.Select((c, i) => (c - expected[i]) * (c - expected[i]) / expected[i]).Sum();
        var p = ChiSquareDistribution.Sf(chi2, counts.Count - 1);
        var reason = expected.Min() < MinimumExpected
            ? $"an arm expects only {expected.Min():0.#} units; the χ² approximation needs at least {MinimumExpected}"
            : null;
        return new SrmResult(chi2, counts.Count - 1, p, expected, reason);
    }
}

namespace DsLoop.Stats.Readout;

/// <summary>
/// Adjusted p-values for many comparisons, returned in the order given (statsmodels <c>multipletests</c>
/// with "holm" and "fdr_bh").
/// </summary>
public static class MultipleTesting
{
    /// <summary>Holm's step-down adjustment: controls the family-wise error rate.</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        var order = Sorted(pValues);
        var m = order.Length;
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }

    /// <summary>Benjamini–Hochberg step-up adjustment: controls the false discovery rate.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var order = Sorted(pValues);
        var m = order.Length;
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m - 1; rank >= 0; rank--)
        {
            running = Math.Min(running, (double)m / (rank + 1) * pValues[order[rank]]);
            adjusted[order[rank]] = Math.Min(1, running);
        }
        return adjusted;
    }

    private static int[] Sorted(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (var i = 0; i < pValues.Count; i++)
        {
            if (pValues[i] is < 0 or > 1 || double.IsNaN(pValues[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), pValues[i], $"p-value {i + 1} is {pValues[i]}, outside [0, 1].");
            }
        }
        // A stable sort keeps ties in input order.
        return [.. Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i])];
    }
}

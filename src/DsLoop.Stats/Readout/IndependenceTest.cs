namespace DsLoop.Stats.Readout;

/// <summary>Pearson's χ² test of independence of a table's rows and columns.</summary>
/// <param name="ChiSquare">Pearson's χ² statistic.</param>
/// <param name="DegreesOfFreedom">(rows − 1) × (columns − 1), counting only rows and columns that have counts.</param>
/// <param name="PValue">Upper-tail probability of the statistic; 1 when there are no degrees of freedom.</param>
public sealed record IndependenceResult(double ChiSquare, int DegreesOfFreedom, double PValue);

/// <summary>
/// Pearson's χ² test of independence of a contingency table, without continuity correction (scipy
/// <c>chi2_contingency(correction=False)</c>), e.g. whether the platform mix is the same in every arm.
/// </summary>
public static class IndependenceTest
{
    /// <summary>
    /// Tests a table of counts (rows × columns). A row or column with no counts has no expected counts and says
    /// nothing about independence, so it is left out; a table with fewer than two rows or two columns with counts
    /// has no degrees of freedom, χ² 0 and p 1 (as scipy reports for a single row or column).
    /// </summary>
    public static IndependenceResult Pearson(double[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var (rows, columns) = (counts.GetLength(0), counts.GetLength(1));
        var rowTotals = new double[rows];
        var columnTotals = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var count = counts[r, c];
                if (!(count >= 0) || double.IsPositiveInfinity(count))
                {
                    throw new ArgumentException($"Cell ({r + 1}, {c + 1}) is {count}; counts must be finite and 0 or more.", nameof(counts));
                }
                rowTotals[r] += count;
                columnTotals[c] += count;
            }
        }
        var total = rowTotals.Sum();
        var (rowsWithCounts, columnsWithCounts) = (rowTotals.Count(t => t > 0), columnTotals.Count(t => t > 0));
        if (rowsWithCounts < 2 || columnsWithCounts < 2)
        {
            return new IndependenceResult(0, 0, 1);
        }
        var degreesOfFreedom = (rowsWithCounts - 1) * (columnsWithCounts - 1);
        var chiSquare = 0.0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var expected = rowTotals[r] * columnTotals[c] / total;
                if (expected > 0)
                {
                    var difference = counts[r, c] - expected;
                    chiSquare += difference * difference / expected;
                }
            }
        }
        return new IndependenceResult(chiSquare, degreesOfFreedom, ChiSquareDistribution.Sf(chiSquare, degreesOfFreedom));
    }
}

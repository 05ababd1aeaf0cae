namespace DsLoop.Stats;

/// <summary>Correlation coefficients of paired values (scipy <c>stats.pearsonr</c> and <c>stats.spearmanr</c>).</summary>
public static class Correlation
{
    /// <summary>Pearson's r; NaN when there are fewer than two pairs or either variable is constant.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        RequirePairs(x, y);
        if (x.Count < 2 || IsConstant(x) || IsConstant(y))
        {
            return double.NaN;
        }
        double meanX = 0, meanY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= x.Count;
        meanY /= y.Count;
        double products = 0, squaresX = 0, squaresY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var (dx, dy) = (x[i] - meanX, y[i] - meanY);
            products += dx * dy;
            squaresX += dx * dx;
            squaresY += dy * dy;
        }
        return Math.Clamp(products / (Math.Sqrt(squaresX) * Math.Sqrt(squaresY)), -1, 1);
    }

    /// <summary>
    /// Spearman's ρ: Pearson's r of the ranks, tied values sharing their average rank. NaN when there are fewer
    /// than two pairs or either variable is constant; throws on NaN values (see <see cref="Ranks.Average"/>).
    /// </summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        RequirePairs(x, y);
        return Pearson(Ranks.Average(x), Ranks.Average(y));
    }

    private static void RequirePairs(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"{x.Count} x values but {y.Count} y values.", nameof(y));
        }
    }

    private static bool IsConstant(IReadOnlyList<double> values)
    {
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] != values[0])
            {
                return false;
            }
        }
        return true;
    }
}

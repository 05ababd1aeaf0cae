namespace DsLoop.Stats;

/// <summary>Ranks of values (scipy <c>stats.rankdata</c>).</summary>
public static class Ranks
{
    /// <summary>
    /// The 1-based rank of each value in input order; tied values share the average of the ranks they span
    /// (method "average"). Throws on NaN, which has no place in an order.
    /// </summary>
    public static double[] Average(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = new double[values.Count];
        var positions = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException($"Value {i + 1} is NaN and can't be ranked.", nameof(values));
            }
            sorted[i] = values[i];
            positions[i] = i;
        }
        Array.Sort(sorted, positions);
        var ranks = new double[values.Count];
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] == sorted[start])
            {
                end++;
            }
            // Sorted positions start..end-1 hold ranks start+1..end; their mean is the tie's rank.
            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[positions[k]] = rank;
            }
            start = end;
        }
        return ranks;
    }
}

namespace DsLoop.Stats.Readout;

/// <summary>
/// Count, mean and variance of a stream of values in O(1) memory (Welford's update, which stays accurate
/// where sum-of-squares formulas cancel catastrophically).
/// </summary>
public sealed class SummaryStats
{
    private double _m2;

    /// <summary>Values seen.</summary>
    public long Count { get; private set; }

    /// <summary>Their mean; NaN before any value.</summary>
    public double Mean { get; private set; } = double.NaN;

    /// <summary>Sample variance (n − 1 denominator); NaN with fewer than two values.</summary>
    public double Variance => Count < 2 ? double.NaN : _m2 / (Count - 1);

    /// <summary>Sample standard deviation.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Value {Count + 1} is not a finite number.");
        }
        Count++;
        if (Count == 1)
        {
            Mean = value;
            return;
        }
        var delta = value - Mean;
        Mean += delta / Count;
        _m2 += delta * (value - Mean);
    }

    /// <summary>Summary of the given values.</summary>
    public static SummaryStats Of(IEnumerable<double> values)
    {
        var stats = new SummaryStats();
        foreach (var value in values)
        {
            stats.Add(value);
        }
        return stats;
    }
}

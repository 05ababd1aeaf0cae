namespace DsLoop.Stats;

/// <summary>The alternative hypothesis, with effects always read as treatment minus control.</summary>
public enum Alternative
{
    /// <summary>The treatment differs from control in either direction.</summary>
    TwoSided,
    /// <summary>The treatment is larger than control.</summary>
    Larger,
    /// <summary>The treatment is smaller than control.</summary>
    Smaller,
}

/// <summary>A test statistic with its p-value, or the reason none can be computed.</summary>
/// <param name="Statistic">z or t; NaN only when <paramref name="Reason"/> says why.</param>
/// <param name="PValue">The p-value under the chosen alternative.</param>
/// <param name="Reason">Why the test is degenerate (no variance, empty arm …), or null when it is valid.</param>
public readonly record struct TestResult(double Statistic, double PValue, string? Reason)
{
    /// <summary>True when the statistic and p-value are meaningful.</summary>
    public bool IsValid => Reason is null;

    internal static TestResult Degenerate(string reason) => new(double.NaN, double.NaN, reason);
}

/// <summary>A confidence interval, possibly unbounded, or the reason none exists.</summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
/// <param name="Reason">Why the interval can't be computed, or null.</param>
public readonly record struct Interval(double Low, double High, string? Reason = null)
{
    /// <summary>True when both bounds are meaningful.</summary>
    public bool IsValid => Reason is null;

    /// <summary>True when <paramref name="value"/> lies within the bounds (inclusive).</summary>
    public bool Contains(double value) => IsValid && value >= Low && value <= High;

    internal static Interval Degenerate(string reason) => new(double.NaN, double.NaN, reason);
}

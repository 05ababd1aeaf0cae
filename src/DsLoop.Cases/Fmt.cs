using System.Globalization;

namespace DsLoop.Cases;

/// <summary>Number formatting for feedback text: percentages without the invariant culture's space ("10%", not "10 %").</summary>
internal static class Fmt
{
    /// <summary>A fraction as a percentage with <paramref name="decimals"/> decimals.</summary>
    public static string Pct(double fraction, int decimals = 0) =>
        (fraction * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    /// <summary>A signed percentage ("+3.1%", "-12.0%").</summary>
    public static string SignedPct(double fraction, int decimals = 1) => (fraction >= 0 ? "+" : "") + Pct(fraction, decimals);
}

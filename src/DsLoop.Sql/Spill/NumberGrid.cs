using System.Globalization;

namespace DsLoop.Sql.Spill;

/// <summary>
/// Snaps a number to the tolerance grid used when large results are compared by hash: multiples of an absolute
/// tolerance, or a number of significant digits for a relative tolerance (10 digits when there is none). Pure
/// arithmetic, so it allocates nothing; two values within tolerance that straddle a grid line still differ.
/// </summary>
internal static class NumberGrid
{
    private static readonly double[] PowersOfTen = Enumerable.Range(0, 23)
        .Select(k => double.Parse("1e" + k.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The grid point of <paramref name="value"/> as (mantissa, exponent).</summary>
    public static (long Mantissa, int Exponent) Quantize(GradingSpec spec, double value)
    {
        if (spec.Tolerance == ToleranceKind.Absolute && spec.ToleranceValue > 0)
        {
            var steps = Math.Round(value / spec.ToleranceValue) + 0.0; // + 0.0 turns -0 into 0
            return (BitConverter.DoubleToInt64Bits(steps), int.MinValue);
        }
        var digits = spec.Tolerance == ToleranceKind.Relative && spec.ToleranceValue > 0
            ? Math.Clamp((int)Math.Floor(-Math.Log10(spec.ToleranceValue)), 0, 15) + 1
            : 10;
        return Significant(value, digits);
    }

    /// <summary><paramref name="value"/> rounded to <paramref name="digits"/> significant digits: mantissa × 10^exponent.</summary>
    public static (long Mantissa, int Exponent) Significant(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return (value == 0 ? 0 : BitConverter.DoubleToInt64Bits(value), 0);
        }
        var magnitude = Math.Abs(value);
        var exponent = (int)Math.Floor(Math.Log10(magnitude)) - digits + 1;
        var mantissa = Scale(magnitude, exponent);
        // Log10 can be off by one near powers of ten: keep the mantissa within [10^(digits-1), 10^digits).
        if (mantissa >= Pow10(digits))
        {
            exponent++;
            mantissa = Scale(magnitude, exponent);
        }
        else if (mantissa < Pow10(digits - 1))
        {
            exponent--;
            mantissa = Scale(magnitude, exponent);
        }
        var rounded = (long)mantissa;
        return (value < 0 ? -rounded : rounded, exponent);
    }

    private static double Scale(double magnitude, int exponent) => Math.Round(exponent switch
    {
        < -300 => magnitude * Pow10(300) * Pow10(-exponent - 300), // 10^-exponent alone would overflow
        <= 0 => magnitude * Pow10(-exponent),
        _ => magnitude / Pow10(exponent),
    });

    private static double Pow10(int k) => k < PowersOfTen.Length ? PowersOfTen[k] : Math.Pow(10, k);
}

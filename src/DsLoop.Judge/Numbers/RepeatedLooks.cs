using DsLoop.Stats;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// The false-positive rate of a test read at K equally spaced looks with the same fixed-sample threshold each time:
/// P(max_k |Z_k| ≥ z) under the null, where Z_k = S_k/√k and S_k is a sum of k independent standard normal increments
/// (Armitage, McPherson and Rowe's recursion). The density of S_k on the region that has not yet crossed is carried
/// from look to look by numerical integration on a grid (trapezoid rule, step <see cref="Step"/>), so the result is
/// deterministic and within about 10⁻⁴ of the exact value. Computed here because the engine has no repeated-looks
/// figure; it uses only <see cref="StandardNormal"/> from Stats.
/// </summary>
internal static class RepeatedLooks
{
    /// <summary>Grid step on the scale of S_k, in standard deviations of one increment.</summary>
    public const double Step = 0.025;

    /// <summary>Looks beyond this are not computed (the grid grows with √K and the cost with K²); callers use this as a lower bound.</summary>
    public const int MaxLooks = 30;

    /// <summary>How far below the lower edge a one-sided region is carried, in units of √k.</summary>
    private const double OneSidedFloor = 8;

    /// <summary>P(some look crosses) for <paramref name="looks"/> equally spaced looks at level <paramref name="alpha"/>.</summary>
    public static double FalsePositiveRate(int looks, double alpha, bool oneSided = false)
    {
        if (looks < 1 || looks > MaxLooks || alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(looks), looks, $"Between 1 and {MaxLooks} looks at an α between 0 and 1.");
        }
        var z = StandardNormal.Isf(oneSided ? alpha : alpha / 2);
        (double Low, double High) Region(int k) => (oneSided ? -OneSidedFloor * Math.Sqrt(k) : -z * Math.Sqrt(k), z * Math.Sqrt(k));
        double[] Grid(int k)
        {
            var (low, high) = Region(k);
            var n = (int)Math.Ceiling((high - low) / Step);
            return [.. Enumerable.Range(0, n + 1).Select(j => low + ((high - low) * j / n))];
        }
        var points = Grid(1);
        var density = points.Select(Phi).ToArray();
        for (var k = 2; k <= looks; k++)
        {
            var next = Grid(k);
            var weights = TrapezoidWeights(points);
            var carried = new double[next.Length];
            for (var a = 0; a < next.Length; a++)
            {
                var sum = 0.0;
                for (var b = 0; b < points.Length; b++)
                {
                    sum += weights[b] * density[b] * Phi(next[a] - points[b]);
                }
                carried[a] = sum;
            }
            points = next;
            density = carried;
        }
        var survive = TrapezoidWeights(points).Select((w, j) => w * density[j]).Sum();
        return Math.Clamp(1 - survive, 0, 1);
    }

    private static double[] TrapezoidWeights(double[] points)
    {
        var h = points[1] - points[0];
        var weights = Enumerable.Repeat(h, points.Length).ToArray();
        weights[0] = weights[^1] = h / 2;
        return weights;
    }

    private static double Phi(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);
}

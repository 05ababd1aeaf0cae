namespace DsLoop.Stats.Design;

/// <summary>
/// What looking at a running test several times does to its false-positive rate when each look uses the fixed-horizon
/// threshold. Under the null the running sum of K equal information increments is a Gaussian random walk S₁ … S_K, and
/// look j rejects when |S_j| &gt; z₁₋α/₂·√j (two-sided) or S_j &gt; z₁₋α·√j (one-sided). The chance of never rejecting is computed by carrying the
/// density of S_j over the region not yet rejected from look to look (the Armitage–McPherson–Rowe recursion), each
/// convolution integrated by Simpson's rule.
/// </summary>
public static class InterimLooks
{
    private const int Intervals = 600;

    /// <summary>How far below zero a one-sided test's region is carried, in units of √j (the walk's mass below is negligible).</summary>
    private const double OneSidedFloor = 8;

    /// <summary>
    /// P(at least one look rejects | no effect) for <paramref name="looks"/> equally spaced looks at level
    /// <paramref name="alpha"/>, two-sided unless <paramref name="oneSided"/>.
    /// </summary>
    public static double FalsePositiveRate(int looks, double alpha = 0.05, bool oneSided = false)
    {
        if (looks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(looks), looks, "A test is looked at least once.");
        }
        if (alpha is <= 0 or >= 1 || double.IsNaN(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be between 0 and 1.");
        }
        var critical = StandardNormal.Isf(oneSided ? alpha : alpha / 2);
        (double Low, double High) Region(int look) => (oneSided ? -OneSidedFloor * Math.Sqrt(look) : -critical * Math.Sqrt(look), critical * Math.Sqrt(look));
        var (grid, step) = Grid(Region(1));
        var density = grid.Select(Phi).ToArray();
        for (var look = 2; look <= looks; look++)
        {
            var (next, nextStep) = Grid(Region(look));
            var nextDensity = new double[next.Length];
            for (var i = 0; i < next.Length; i++)
            {
                var t = next[i];
                nextDensity[i] = Simpson(j => density[j] * Phi(t - grid[j]), grid.Length, step);
            }
            (grid, step, density) = (next, nextStep, nextDensity);
        }
        var survive = Simpson(j => density[j], grid.Length, step);
        return Math.Clamp(1 - survive, 0, 1);
    }

    private static (double[] Points, double Step) Grid((double Low, double High) region)
    {
        var step = (region.High - region.Low) / Intervals;
        return ([.. Enumerable.Range(0, Intervals + 1).Select(i => region.Low + (i * step))], step);
    }

    private static double Phi(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    private static double Simpson(Func<int, double> f, int points, double step)
    {
        var sum = f(0) + f(points - 1);
        for (var i = 1; i < points - 1; i++)
        {
            sum += (i % 2 == 1 ? 4 : 2) * f(i);
        }
        return sum * step / 3;
    }
}

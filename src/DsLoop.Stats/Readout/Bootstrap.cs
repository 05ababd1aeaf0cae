using MathNet.Numerics.Random;

namespace DsLoop.Stats.Readout;

/// <summary>A statistic of one sample, such as the mean or the median.</summary>
public delegate double SampleStatistic(ReadOnlySpan<double> sample);

/// <summary>A statistic comparing two samples, read as treatment versus control.</summary>
public delegate double TwoSampleStatistic(ReadOnlySpan<double> control, ReadOnlySpan<double> treatment);

/// <summary>How a bootstrap interval turns the resampled statistics into bounds.</summary>
public enum BootstrapMethod
{
    /// <summary>The α/2 and 1−α/2 percentiles of the resampled statistics.</summary>
    Percentile,

    /// <summary>Bias-corrected and accelerated percentiles (Efron): shifts the percentiles by the median bias
    /// z₀ and the jackknife acceleration a, which fixes skewed statistics such as revenue means.</summary>
    Bca,
}

/// <summary>A bootstrap confidence interval, or the reason none exists.</summary>
/// <param name="Estimate">The statistic on the original data.</param>
/// <param name="Interval">The bounds, or a degenerate interval with a reason.</param>
/// <param name="Method">Percentile or BCa.</param>
/// <param name="Resamples">How many resamples were drawn.</param>
/// <param name="Confidence">The confidence level, e.g. 0.95.</param>
/// <param name="Seed">The seed that reproduces the resamples.</param>
/// <param name="BiasCorrection">BCa's z₀ (0 for the percentile method).</param>
/// <param name="Acceleration">BCa's a (0 for the percentile method).</param>
public sealed record BootstrapInterval(
    double Estimate, Interval Interval, BootstrapMethod Method, int Resamples, double Confidence, int Seed, double BiasCorrection, double Acceleration);

/// <summary>
/// Bootstrap confidence intervals that are reproducible from a seed. Resampling draws indices with replacement
/// from MathNet's xoshiro256** generator seeded with the given seed; two samples are resampled independently,
/// as <c>scipy.stats.bootstrap</c> does for unpaired data. Percentiles interpolate linearly between order
/// statistics (numpy's default), and BCa follows Efron and Tibshirani (eq. 14.9–14.15) with the multi-sample
/// jackknife acceleration that scipy uses. Unlike the other readouts the bootstrap needs the rows in memory.
/// </summary>
public static class Bootstrap
{
    /// <summary>The arithmetic mean.</summary>
    public static double Mean(ReadOnlySpan<double> sample)
    {
        var sum = 0.0;
        foreach (var x in sample)
        {
            sum += x;
        }
        return sum / sample.Length;
    }

    /// <summary>The median (the mean of the two middle values for an even count).</summary>
    public static double Median(ReadOnlySpan<double> sample)
    {
        var copy = sample.ToArray();
        Array.Sort(copy);
        var mid = copy.Length / 2;
        return copy.Length % 2 == 1 ? copy[mid] : (copy[mid - 1] + copy[mid]) / 2;
    }

    /// <summary>Treatment mean minus control mean.</summary>
    public static double DifferenceInMeans(ReadOnlySpan<double> control, ReadOnlySpan<double> treatment) => Mean(treatment) - Mean(control);

    /// <summary>Treatment mean over control mean, minus one: the relative lift.</summary>
    public static double RelativeLift(ReadOnlySpan<double> control, ReadOnlySpan<double> treatment) => (Mean(treatment) / Mean(control)) - 1;

    /// <summary>A bootstrap interval for a one-sample statistic.</summary>
    public static BootstrapInterval OneSample(
        IReadOnlyList<double> sample, SampleStatistic statistic, BootstrapMethod method = BootstrapMethod.Bca,
        int resamples = 10_000, double confidence = 0.95, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(statistic);
        Check(resamples, confidence);
        var data = sample.ToArray();
        var estimate = statistic(data);
        if (data.Length < 2)
        {
            return Degenerate(estimate, method, resamples, confidence, seed, $"the sample has {data.Length} value(s); a bootstrap needs at least 2");
        }
        var random = new Xoshiro256StarStar(seed);
        var buffer = new double[data.Length];
        var replicates = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            Resample(data, buffer, random);
            replicates[b] = statistic(buffer);
        }
        var jackknife = method == BootstrapMethod.Bca ? [Jackknife(data, statistic)] : Array.Empty<double[]>();
        return FromReplicates(estimate, replicates, jackknife, method, confidence, seed);
    }

    /// <summary>A bootstrap interval for a statistic comparing two independent samples.</summary>
    public static BootstrapInterval TwoSample(
        IReadOnlyList<double> control, IReadOnlyList<double> treatment, TwoSampleStatistic statistic,
        BootstrapMethod method = BootstrapMethod.Bca, int resamples = 10_000, double confidence = 0.95, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(statistic);
        Check(resamples, confidence);
        var c = control.ToArray();
        var t = treatment.ToArray();
        var estimate = statistic(c, t);
        if (c.Length < 2 || t.Length < 2)
        {
            return Degenerate(estimate, method, resamples, confidence, seed,
                $"control has {c.Length} and treatment {t.Length} value(s); a bootstrap needs at least 2 in each");
        }
        var random = new Xoshiro256StarStar(seed);
        var cBuffer = new double[c.Length];
        var tBuffer = new double[t.Length];
        var replicates = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            Resample(c, cBuffer, random);
            Resample(t, tBuffer, random);
            replicates[b] = statistic(cBuffer, tBuffer);
        }
        var jackknife = method == BootstrapMethod.Bca
            ? new[] { Jackknife(c, x => statistic(x, t)), Jackknife(t, x => statistic(c, x)) }
            : [];
        return FromReplicates(estimate, replicates, jackknife, method, confidence, seed);
    }

    /// <summary>
    /// The interval from already-computed resampled statistics. <paramref name="jackknife"/> holds, per sample,
    /// the statistic with each value of that sample left out in turn (needed only for BCa).
    /// </summary>
    public static BootstrapInterval FromReplicates(
        double estimate, IReadOnlyList<double> replicates, IReadOnlyList<IReadOnlyList<double>> jackknife,
        BootstrapMethod method, double confidence = 0.95, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(replicates);
        ArgumentNullException.ThrowIfNull(jackknife);
        Check(replicates.Count, confidence);
        var sorted = replicates.ToArray();
        if (sorted.Any(double.IsNaN) || double.IsNaN(estimate))
        {
            return Degenerate(estimate, method, sorted.Length, confidence, seed, "the statistic is undefined on the data or on some resamples (NaN)");
        }
        Array.Sort(sorted);
        var alpha = (1 - confidence) / 2;
        if (method == BootstrapMethod.Percentile)
        {
            return new BootstrapInterval(estimate, new Interval(Quantile(sorted, alpha), Quantile(sorted, 1 - alpha)),
                method, sorted.Length, confidence, seed, 0, 0);
        }
        if (sorted[0] == sorted[^1])
        {
            return Degenerate(estimate, method, sorted.Length, confidence, seed,
                "every resample gives the same value, so BCa's bias correction is undefined");
        }
        var below = sorted.Count(x => x < estimate);
        var atOrBelow = sorted.Count(x => x <= estimate);
        var z0 = StandardNormal.Ppf((below + atOrBelow) / (2.0 * sorted.Length));
        var acceleration = Acceleration(jackknife);
        if (double.IsInfinity(z0) || double.IsNaN(acceleration))
        {
            return Degenerate(estimate, method, sorted.Length, confidence, seed, double.IsNaN(acceleration)
                ? "the jackknife values are all equal, so BCa's acceleration is undefined"
                : "the estimate lies outside every resample, so BCa's bias correction is infinite");
        }
        var zLow = StandardNormal.Ppf(alpha);
        var zHigh = -zLow;
        var low = StandardNormal.Cdf(z0 + ((z0 + zLow) / (1 - (acceleration * (z0 + zLow)))));
        var high = StandardNormal.Cdf(z0 + ((z0 + zHigh) / (1 - (acceleration * (z0 + zHigh)))));
        return new BootstrapInterval(estimate, new Interval(Quantile(sorted, low), Quantile(sorted, high)),
            method, sorted.Length, confidence, seed, z0, acceleration);
    }

    /// <summary>Linear interpolation between order statistics at fraction <paramref name="q"/> (numpy's default).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var fraction = position - lower;
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * fraction);
    }

    private static double Acceleration(IReadOnlyList<IReadOnlyList<double>> jackknife)
    {
        double numerator = 0, denominator = 0;
        foreach (var values in jackknife)
        {
            var n = values.Count;
            var mean = values.Average();
            double cubes = 0, squares = 0;
            foreach (var value in values)
            {
                var u = (n - 1) * (mean - value);
                cubes += u * u * u;
                squares += u * u;
            }
            numerator += cubes / ((double)n * n * n);
            denominator += squares / ((double)n * n);
        }
        return denominator == 0 ? double.NaN : numerator / (6 * Math.Pow(denominator, 1.5));
    }

    private static double[] Jackknife(double[] data, SampleStatistic statistic)
    {
        var leftOut = new double[data.Length - 1];
        var values = new double[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data.AsSpan(0, i).CopyTo(leftOut);
            data.AsSpan(i + 1).CopyTo(leftOut.AsSpan(i));
            values[i] = statistic(leftOut);
        }
        return values;
    }

    private static void Resample(double[] source, double[] target, Xoshiro256StarStar random)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = source[random.Next(source.Length)];
        }
    }

    private static BootstrapInterval Degenerate(double estimate, BootstrapMethod method, int resamples, double confidence, int seed, string reason) =>
        new(estimate, Interval.Degenerate(reason), method, resamples, confidence, seed, double.NaN, double.NaN);

    private static void Check(int resamples, double confidence)
    {
        if (resamples < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "A bootstrap needs at least 2 resamples.");
        }
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be between 0 and 1.");
        }
    }
}

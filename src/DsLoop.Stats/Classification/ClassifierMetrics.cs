namespace DsLoop.Stats.Classification;

/// <summary>A metric value, or the reason it is undefined for these labels.</summary>
/// <param name="Value">The metric; NaN only when <paramref name="Reason"/> says why.</param>
/// <param name="Reason">Why it is undefined (a single class, no rows), or null.</param>
public readonly record struct Metric(double Value, string? Reason)
{
    /// <summary>True when the value is meaningful.</summary>
    public bool IsDefined => Reason is null;

    internal static Metric Undefined(string reason) => new(double.NaN, reason);
}

/// <summary>One non-empty calibration bin.</summary>
/// <param name="FractionPositive">Share of positive labels in the bin.</param>
/// <param name="MeanScore">Mean predicted probability in the bin.</param>
/// <param name="Count">Rows in the bin.</param>
public sealed record CalibrationBin(double FractionPositive, double MeanScore, int Count);

/// <summary>How calibration bins are cut.</summary>
public enum BinStrategy
{
    /// <summary>Equal-width bins on [0, 1].</summary>
    Uniform,
    /// <summary>Bins holding about the same number of rows (edges at score quantiles).</summary>
    Quantile,
}

/// <summary>
/// Binary-classifier metrics with scikit-learn's conventions (labels 0/1, scores are probabilities of 1):
/// <c>roc_auc_score</c>, <c>average_precision_score</c>, <c>brier_score_loss</c>, <c>log_loss</c>,
/// <c>calibration_curve</c>, <c>precision/recall/f1_score</c> at a threshold (score ≥ threshold is positive,
/// zero_division = 0).
/// </summary>
public static class ClassifierMetrics
{
    /// <summary>The clip bound of <see cref="LogLoss"/>: float64 machine epsilon, as scikit-learn's eps="auto".</summary>
    public const double LogLossEpsilon = 2.220446049250313e-16;

    /// <summary>Area under the ROC curve; tied scores count as half a correct ordering. O(n log n).</summary>
    public static Metric RocAuc(IReadOnlyList<int> labels, IReadOnlyList<double> scores)
    {
        var (positives, negatives) = Validate(labels, scores);
        if (positives == 0 || negatives == 0)
        {
            return Metric.Undefined("ROC-AUC needs both classes in the labels");
        }
        // Mann–Whitney on the two classes sorted apart: each positive beats the negatives below it and ties the equal ones.
        var (positive, negative) = SplitSorted(labels, scores, positives);
        double wins = 0;
        long below = 0;
        for (var i = 0; i < positive.Length;)
        {
            var score = positive[i];
            var run = 1;
            while (i + run < positive.Length && positive[i + run] == score)
            {
                run++;
            }
            while (below < negative.Length && negative[below] < score)
            {
                below++;
            }
            var equal = below;
            while (equal < negative.Length && negative[equal] == score)
            {
                equal++;
            }
            wins += run * (below + (0.5 * (equal - below)));
            i += run;
        }
        return new Metric(wins / ((double)positives * negatives), null);
    }

    /// <summary>Average precision, step-wise: Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds, high to low.</summary>
    public static Metric AveragePrecision(IReadOnlyList<int> labels, IReadOnlyList<double> scores)
    {
        var (positives, _) = Validate(labels, scores);
        if (positives == 0)
        {
            return Metric.Undefined("average precision needs at least one positive label");
        }
        var ap = 0.0;
        foreach (var (tp, fp) in CountsAtThresholds(labels, scores, positives))
        {
            ap += ((double)tp.Delta / positives) * ((double)tp.Total / (tp.Total + fp));
        }
        return new Metric(ap, null);
    }

    /// <summary>The highest recall at any threshold whose precision is at least <paramref name="minPrecision"/> (0 when none).</summary>
    public static Metric RecallAtPrecision(IReadOnlyList<int> labels, IReadOnlyList<double> scores, double minPrecision)
    {
        var (positives, _) = Validate(labels, scores);
        if (positives == 0)
        {
            return Metric.Undefined("recall needs at least one positive label");
        }
        var best = 0.0;
        foreach (var (tp, fp) in CountsAtThresholds(labels, scores, positives))
        {
            if ((double)tp.Total / (tp.Total + fp) >= minPrecision)
            {
                best = Math.Max(best, (double)tp.Total / positives);
            }
        }
        return new Metric(best, null);
    }

    /// <summary>Mean squared difference between score and label.</summary>
    public static Metric Brier(IReadOnlyList<int> labels, IReadOnlyList<double> scores)
    {
        Validate(labels, scores, probabilities: true);
        return labels.Count == 0 ? Metric.Undefined("no rows") : new Metric(labels.Select((y, i) => (scores[i] - y) * (scores[i] - y)).Average(), null);
    }

    /// <summary>Mean negative log-likelihood, with scores clipped to [ε, 1 − ε], ε = <see cref="LogLossEpsilon"/>.</summary>
    public static Metric LogLoss(IReadOnlyList<int> labels, IReadOnlyList<double> scores)
    {
        Validate(labels, scores, probabilities: true);
        if (labels.Count == 0)
        {
            return Metric.Undefined("no rows");
        }
        var total = 0.0;
        for (var i = 0; i < labels.Count; i++)
        {
            var p = Math.Clamp(scores[i], LogLossEpsilon, 1 - LogLossEpsilon);
            total -= labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
        }
        return new Metric(total / labels.Count, null);
    }

    /// <summary>
    /// Calibration curve: non-empty bins only. A score on a bin edge belongs to the lower bin; quantile edges use
    /// linear interpolation between order statistics.
    /// </summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<int> labels, IReadOnlyList<double> scores, int bins = 10, BinStrategy strategy = BinStrategy.Uniform)
    {
        Validate(labels, scores, probabilities: true);
        if (bins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "Need at least one bin.");
        }
        var edges = strategy == BinStrategy.Uniform
            ? [.. Enumerable.Range(0, bins + 1).Select(i => (double)i / bins)]
            : Quantiles(scores, bins);
        var sums = new (double Labels, double Scores, int Count)[bins];
        for (var i = 0; i < scores.Count; i++)
        {
            // Interior edges strictly below the score decide the bin.
            var bin = 0;
            while (bin < bins - 1 && edges[bin + 1] < scores[i])
            {
                bin++;
            }
            sums[bin] = (sums[bin].Labels + labels[i], sums[bin].Scores + scores[i], sums[bin].Count + 1);
        }
        return [.. sums.Where(s => s.Count > 0).Select(s => new CalibrationBin(s.Labels / s.Count, s.Scores / s.Count, s.Count))];
    }

    /// <summary>Expected calibration error over equal-width bins: Σ (nᵦ/n)·|share positive − mean score|.</summary>
    public static Metric ExpectedCalibrationError(IReadOnlyList<int> labels, IReadOnlyList<double> scores, int bins = 10) =>
        labels.Count == 0
            ? Metric.Undefined("no rows")
            : new Metric(Calibration(labels, scores, bins).Sum(b => (double)b.Count / labels.Count * Math.Abs(b.FractionPositive - b.MeanScore)), null);

    /// <summary>Precision, recall and F1 when every score ≥ <paramref name="threshold"/> is called positive (0 when undefined, as zero_division=0).</summary>
    public static (double Precision, double Recall, double F1) AtThreshold(IReadOnlyList<int> labels, IReadOnlyList<double> scores, double threshold)
    {
        Validate(labels, scores);
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            tp += predicted && labels[i] == 1 ? 1 : 0;
            fp += predicted && labels[i] == 0 ? 1 : 0;
            fn += !predicted && labels[i] == 1 ? 1 : 0;
        }
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
        return (precision, recall, f1);
    }

    /// <summary>Share of positives among the <paramref name="k"/> highest scores; ties keep input order.</summary>
    public static Metric PrecisionAtK(IReadOnlyList<int> labels, IReadOnlyList<double> scores, int k)
    {
        Validate(labels, scores);
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        }
        var top = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).Take(k).ToList();
        return top.Count == 0 ? Metric.Undefined("no rows") : new Metric((double)top.Count(i => labels[i] == 1) / top.Count, null);
    }

    // Cumulative true and false positives at each distinct score, from the highest score down: a merge of the two
    // classes' sorted scores, so it costs two primitive sorts and one pass, and never holds a list of points.
    private static IEnumerable<((int Total, int Delta) Tp, int Fp)> CountsAtThresholds(IReadOnlyList<int> labels, IReadOnlyList<double> scores, int positives)
    {
        var (positive, negative) = SplitSorted(labels, scores, positives);
        int p = positive.Length - 1, n = negative.Length - 1, tp = 0, fp = 0;
        while (p >= 0 || n >= 0)
        {
            var score = p < 0 ? negative[n] : n < 0 ? positive[p] : Math.Max(positive[p], negative[n]);
            var before = tp;
            while (p >= 0 && positive[p] == score)
            {
                tp++;
                p--;
            }
            while (n >= 0 && negative[n] == score)
            {
                fp++;
                n--;
            }
            yield return ((tp, tp - before), fp);
        }
    }

    private static (double[] Positive, double[] Negative) SplitSorted(IReadOnlyList<int> labels, IReadOnlyList<double> scores, int positives)
    {
        var positive = new double[positives];
        var negative = new double[labels.Count - positives];
        int p = 0, n = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == 1)
            {
                positive[p++] = scores[i];
            }
            else
            {
                negative[n++] = scores[i];
            }
        }
        Array.Sort(positive);
        Array.Sort(negative);
        return (positive, negative);
    }

    private static double[] Quantiles(IReadOnlyList<double> scores, int bins)
    {
        var sorted = scores.Order().ToArray();
        return [.. Enumerable.Range(0, bins + 1).Select(i =>
        {
            var position = (double)i / bins * (sorted.Length - 1);
            var low = (int)Math.Floor(position);
            var high = Math.Min(low + 1, sorted.Length - 1);
            return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
        })];
    }

    private static (int Positives, int Negatives) Validate(IReadOnlyList<int> labels, IReadOnlyList<double> scores, bool probabilities = false)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (labels.Count != scores.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {scores.Count} scores.", nameof(scores));
        }
        var positives = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] is not (0 or 1))
            {
                throw new ArgumentException($"Row {i + 1}: label {labels[i]} is not 0 or 1.", nameof(labels));
            }
            if (double.IsNaN(scores[i]) || (probabilities && scores[i] is < 0 or > 1))
            {
                throw new ArgumentException($"Row {i + 1}: score {scores[i]} is not a probability in [0, 1].", nameof(scores));
            }
            positives += labels[i];
        }
        return (positives, labels.Count - positives);
    }
}

using System.Globalization;
using DsLoop.Stats.Classification;

namespace DsLoop.Cases.Modeling;

/// <summary>One model's numbers on one slice of the holdout.</summary>
/// <param name="Rows">Rows in the slice.</param>
/// <param name="Positives">Positive labels in the slice.</param>
/// <param name="ObservedRate">Share of positives.</param>
/// <param name="MeanScore">Mean predicted probability.</param>
/// <param name="RocAuc">ROC-AUC within the slice; null when it holds only one class.</param>
/// <param name="Flagged">Rows at or above the model's global operating threshold.</param>
/// <param name="Recall">Recall at that threshold within the slice; null without positives.</param>
public sealed record SliceStats(int Rows, int Positives, double ObservedRate, double MeanScore, double? RocAuc, int Flagged, double? Recall)
{
    /// <summary>Mean predicted minus observed rate: above 0 the model over-predicts the slice.</summary>
    public double Gap() => MeanScore - ObservedRate;
}

/// <summary>One slice of the holdout with the candidate's and the baseline's numbers.</summary>
/// <param name="Dimension">What slices the rows: a segment column, a bucketed feature, or "all".</param>
/// <param name="Slice">The value or bucket, e.g. "partner" or "≤ 8".</param>
/// <param name="Yours">The candidate's predictions on the slice.</param>
/// <param name="Baseline">The platform baseline's predictions on the slice.</param>
public sealed record SliceRow(string Dimension, string Slice, SliceStats Yours, SliceStats Baseline);

/// <summary>A misclassified holdout row at the operating point, with what the model saw.</summary>
/// <param name="Id">Holdout id.</param>
/// <param name="Score">The candidate's probability.</param>
/// <param name="Segment">The row's segment value.</param>
/// <param name="Features">Its numeric features, in <see cref="SliceReport.FeatureNames"/> order.</param>
public sealed record ErrorExample(long Id, double Score, string Segment, IReadOnlyList<double> Features);

/// <summary>The error analysis of a modeling submission on the hidden holdout (shown after grading).</summary>
/// <param name="SegmentColumn">The segment column's name.</param>
/// <param name="FeatureNames">Numeric feature names, for <see cref="ErrorExample.Features"/>.</param>
/// <param name="Threshold">The candidate's operating threshold (flag the team's capacity); null when no cut fits, so nothing is flagged.</param>
/// <param name="BaselineThreshold">The baseline's operating threshold at the same capacity.</param>
/// <param name="Slices">Every slice: all rows, each segment value, and quartiles (on train) of two features.</param>
/// <param name="FalsePositives">The highest-scored negatives at or above the threshold.</param>
/// <param name="FalseNegatives">The lowest-scored positives below the threshold.</param>
public sealed record SliceReport(
    string SegmentColumn, IReadOnlyList<string> FeatureNames, double? Threshold, double? BaselineThreshold,
    IReadOnlyList<SliceRow> Slices, IReadOnlyList<ErrorExample> FalsePositives, IReadOnlyList<ErrorExample> FalseNegatives);

/// <summary>Slice metrics and top errors with scikit-learn's conventions (score ≥ threshold is flagged).</summary>
public static class SliceMetrics
{
    /// <summary>Rows shown in each top-error list.</summary>
    public const int TopErrors = 5;

    /// <summary>
    /// One model's numbers per slice, in <paramref name="order"/> (slices without rows are left out):
    /// <c>roc_auc_score</c>, the mean score, the observed rate and <c>recall_score</c> of score ≥ threshold.
    /// </summary>
    public static IReadOnlyList<(string Slice, SliceStats Stats)> By(
        IReadOnlyList<int> labels, IReadOnlyList<double> scores, IReadOnlyList<string> keys, IReadOnlyList<string> order, double threshold)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(order);
        if (labels.Count != scores.Count || keys.Count != scores.Count)
        {
            throw new ArgumentException($"{labels.Count} labels, {scores.Count} scores and {keys.Count} slice keys.", nameof(keys));
        }
        var rowsOf = order.ToDictionary(k => k, _ => new List<int>());
        for (var i = 0; i < keys.Count; i++)
        {
            if (rowsOf.TryGetValue(keys[i], out var list))
            {
                list.Add(i);
            }
        }
        var result = new List<(string, SliceStats)>();
        foreach (var key in order)
        {
            var rows = rowsOf[key];
            if (rows.Count > 0)
            {
                result.Add((key, Stats([.. rows.Select(i => labels[i])], [.. rows.Select(i => scores[i])], threshold)));
            }
        }
        return result;
    }

    /// <summary>One model's numbers on a set of rows.</summary>
    public static SliceStats Stats(IReadOnlyList<int> labels, IReadOnlyList<double> scores, double threshold)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        var positives = labels.Sum();
        var auc = ClassifierMetrics.RocAuc(labels, scores);
        var (_, recall, _) = ClassifierMetrics.AtThreshold(labels, scores, threshold);
        return new SliceStats(labels.Count, positives, labels.Count == 0 ? 0 : (double)positives / labels.Count, scores.Count == 0 ? 0 : scores.Average(),
            auc.IsDefined ? auc.Value : null, scores.Count(s => s >= threshold), positives == 0 ? null : recall);
    }

    /// <summary>
    /// Row indices of the top errors at a threshold: false positives by score high to low, false negatives by score
    /// low to high, ties in row order.
    /// </summary>
    public static (IReadOnlyList<int> FalsePositives, IReadOnlyList<int> FalseNegatives) TopErrorRows(
        IReadOnlyList<int> labels, IReadOnlyList<double> scores, double threshold, int count = TopErrors)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        var rows = Enumerable.Range(0, labels.Count);
        return (
            [.. rows.Where(i => labels[i] == 0 && scores[i] >= threshold).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(count)],
            [.. rows.Where(i => labels[i] == 1 && scores[i] < threshold).OrderBy(i => scores[i]).ThenBy(i => i).Take(count)]);
    }

    /// <summary>Quartile cuts of train values (the values at ranks ⌊(n − 1)·k/4⌋ of the sorted list), distinct only.</summary>
    public static IReadOnlyList<double> QuartileCuts(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? [] : [.. new[] { 1, 2, 3 }.Select(k => sorted[(sorted.Length - 1) * k / 4]).Distinct()];
    }

    /// <summary>The bucket label of a value under cuts: "≤ a", "a+1–b" (whole numbers) or "(a, b]", "> c".</summary>
    public static string Bucket(double value, IReadOnlyList<double> cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        return BucketLabels(cuts)[cuts.Count(c => value > c)];
    }

    /// <summary>The labels of the buckets cuts make, low to high.</summary>
    public static IReadOnlyList<string> BucketLabels(IReadOnlyList<double> cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        static string N(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
        if (cuts.Count == 0)
        {
            return ["all"];
        }
        var labels = new List<string> { $"≤ {N(cuts[0])}" };
        for (var k = 1; k < cuts.Count; k++)
        {
            var (low, high) = (cuts[k - 1], cuts[k]);
            labels.Add(low == Math.Floor(low) && high == Math.Floor(high) ? (low + 1 == high ? N(high) : $"{N(low + 1)}–{N(high)}") : $"({N(low)}, {N(high)}]");
        }
        labels.Add($"> {N(cuts[^1])}");
        return labels;
    }
}

/// <summary>Builds the holdout slice report of a modeling submission.</summary>
internal static class ModelingSlices
{
    public static SliceReport Build(ModelingData data, IReadOnlyList<double> scores, IReadOnlyList<double> baseline)
    {
        var s = data.Scenario;
        var labels = data.Holdout.Select(r => r.Label).ToList();
        double Cut(IReadOnlyList<double> x) => OperatingPoints.ForCapacity(x, labels.Count, s.ReviewCapacityShare * labels.Count, labels).Threshold;
        var (threshold, baselineThreshold) = (Cut(scores), Cut(baseline));
        var slices = new List<SliceRow>();
        void Add(string dimension, IReadOnlyList<string> keys, IReadOnlyList<string> order)
        {
            var yours = SliceMetrics.By(labels, scores, keys, order, threshold);
            var theirs = SliceMetrics.By(labels, baseline, keys, order, baselineThreshold).ToDictionary(x => x.Slice, x => x.Stats);
            slices.AddRange(yours.Select(y => new SliceRow(dimension, y.Slice, y.Stats, theirs[y.Slice])));
        }
        Add("all", [.. labels.Select(_ => "all rows")], ["all rows"]);
        Add(s.Segment.Column, [.. data.Holdout.Select(r => s.Segment.Values[r.Segment])], s.Segment.Values);
        foreach (var name in s.BucketFeatures)
        {
            var j = data.FeatureIndex(name);
            var cuts = SliceMetrics.QuartileCuts([.. data.Train.Select(r => r.Features[j])]);
            Add(name, [.. data.Holdout.Select(r => SliceMetrics.Bucket(r.Features[j], cuts))], SliceMetrics.BucketLabels(cuts));
        }
        var (fp, fn) = SliceMetrics.TopErrorRows(labels, scores, threshold);
        ErrorExample Example(int i) => new(data.Holdout[i].Id, scores[i], s.Segment.Values[data.Holdout[i].Segment], data.Holdout[i].Features);
        static double? Finite(double t) => double.IsFinite(t) ? t : null;
        return new SliceReport(s.Segment.Column, [.. s.Features.Select(f => f.Name)], Finite(threshold), Finite(baselineThreshold),
            slices, [.. fp.Select(Example)], [.. fn.Select(Example)]);
    }
}

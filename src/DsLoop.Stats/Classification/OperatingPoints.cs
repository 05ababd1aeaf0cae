namespace DsLoop.Stats.Classification;

/// <summary>What each outcome of a flag-or-pass decision costs, in any one unit (dollars, analyst minutes).</summary>
/// <param name="FalsePositive">Cost of flagging a negative case (a wasted review, a blocked good user).</param>
/// <param name="FalseNegative">Cost of passing a positive case (a missed fraud, a lost customer).</param>
/// <param name="TruePositive">Cost of flagging a positive case (the review itself; often small or negative).</param>
/// <param name="TrueNegative">Cost of passing a negative case (usually 0).</param>
public sealed record CostMatrix(double FalsePositive, double FalseNegative, double TruePositive = 0, double TrueNegative = 0);

/// <summary>A threshold with what it does: score ≥ threshold is flagged.</summary>
/// <param name="Threshold">The cut; <see cref="double.PositiveInfinity"/> flags nothing.</param>
/// <param name="Flagged">Rows flagged in the data.</param>
/// <param name="Rows">Rows scored.</param>
/// <param name="FlaggedPerDay">Flagged rows scaled to a day's volume (NaN when no daily volume was given).</param>
/// <param name="Precision">Precision at the threshold when labels were given (0 when nothing is flagged), else NaN.</param>
/// <param name="Recall">Recall at the threshold when labels were given, else NaN.</param>
/// <param name="Cost">Mean cost per row under the cost matrix, when one was given, else NaN.</param>
/// <param name="Note">A plain remark when the threshold is a boundary case (capacity for nothing, or for everything).</param>
public sealed record OperatingPoint(
    double Threshold, long Flagged, long Rows, double FlaggedPerDay, double Precision, double Recall, double Cost, string? Note = null);

/// <summary>
/// Choosing where to cut a score: to fit a review team's daily capacity, or to minimise expected cost.
/// Ties are never split: all rows with one score are flagged together or not at all, as a real threshold does.
/// </summary>
public static class OperatingPoints
{
    /// <summary>
    /// The lowest threshold whose flagged share, applied to <paramref name="casesPerDay"/> scored cases, stays within
    /// <paramref name="capacityPerDay"/> reviews. <paramref name="scores"/> should come from the same population as
    /// the daily traffic (a recent day or a validation set). With <paramref name="labels"/>, precision and recall at
    /// that threshold are reported too.
    /// </summary>
    public static OperatingPoint ForCapacity(IReadOnlyList<double> scores, double casesPerDay, double capacityPerDay, IReadOnlyList<int>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (casesPerDay <= 0 || double.IsNaN(casesPerDay))
        {
            throw new ArgumentOutOfRangeException(nameof(casesPerDay), casesPerDay, "Cases per day must be positive.");
        }
        if (capacityPerDay < 0 || double.IsNaN(capacityPerDay))
        {
            throw new ArgumentOutOfRangeException(nameof(capacityPerDay), capacityPerDay, "Review capacity can't be negative.");
        }
        CheckRows(scores, labels);
        var descending = scores.ToArray();
        Array.Sort(descending);
        Array.Reverse(descending);
        // Flagging k of n rows sends k/n · casesPerDay cases a day to the team.
        var allowed = (long)Math.Floor(capacityPerDay / casesPerDay * descending.Length * (1 + 1e-12));
        if (allowed >= descending.Length)
        {
            return Describe(descending[^1], scores, labels, casesPerDay, null, "capacity covers every case: flag them all");
        }
        // The boundary score's tie group doesn't fit whole, so the cut moves above it.
        var boundary = descending[allowed];
        var k = allowed;
        while (k > 0 && descending[k - 1] == boundary)
        {
            k--;
        }
        return k == 0
            ? Describe(double.PositiveInfinity, scores, labels, casesPerDay, null, "capacity is too small for even the highest-scoring tie group: flag nothing")
            : Describe(descending[k - 1], scores, labels, casesPerDay, null);
    }

    /// <summary>Counts, precision, recall and mean cost per row at one threshold.</summary>
    public static OperatingPoint AtThreshold(IReadOnlyList<int> labels, IReadOnlyList<double> scores, double threshold, CostMatrix? costs = null, double casesPerDay = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(labels);
        CheckRows(scores, labels);
        return Describe(threshold, scores, labels, casesPerDay, costs);
    }

    /// <summary>
    /// The threshold with the lowest mean cost per row, searched over every distinct score and "flag nothing".
    /// On equal cost the higher threshold (fewer flags) wins.
    /// </summary>
    public static OperatingPoint MinimumCost(IReadOnlyList<int> labels, IReadOnlyList<double> scores, CostMatrix costs)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(costs);
        CheckRows(scores, labels);
        var order = Enumerable.Range(0, scores.Count).Select(i => (Score: scores[i], Label: labels[i])).OrderByDescending(r => r.Score).ToArray();
        long positives = order.Count(r => r.Label == 1), negatives = order.Length - positives;
        double Total(long tp, long fp) =>
            (tp * costs.TruePositive) + (fp * costs.FalsePositive) + ((positives - tp) * costs.FalseNegative) + ((negatives - fp) * costs.TrueNegative);
        var bestThreshold = double.PositiveInfinity;
        var bestTotal = Total(0, 0);
        long truePositives = 0, falsePositives = 0;
        for (var i = 0; i < order.Length;)
        {
            var score = order[i].Score;
            while (i < order.Length && order[i].Score == score)
            {
                truePositives += order[i].Label;
                falsePositives += 1 - order[i].Label;
                i++;
            }
            var total = Total(truePositives, falsePositives);
            if (total < bestTotal)
            {
                bestTotal = total;
                bestThreshold = score;
            }
        }
        return Describe(bestThreshold, scores, labels, double.NaN, costs);
    }

    private static OperatingPoint Describe(double threshold, IReadOnlyList<double> scores, IReadOnlyList<int>? labels, double casesPerDay, CostMatrix? costs, string? note = null)
    {
        long flagged = 0, tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var flag = scores[i] >= threshold;
            flagged += flag ? 1 : 0;
            if (labels is not null)
            {
                var positive = labels[i] == 1;
                tp += flag && positive ? 1 : 0;
                fp += flag && !positive ? 1 : 0;
                fn += !flag && positive ? 1 : 0;
                tn += !flag && !positive ? 1 : 0;
            }
        }
        var rows = scores.Count;
        var precision = labels is null ? double.NaN : tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = labels is null ? double.NaN : tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var cost = labels is null || costs is null || rows == 0
            ? double.NaN
            : ((tp * costs.TruePositive) + (fp * costs.FalsePositive) + (fn * costs.FalseNegative) + (tn * costs.TrueNegative)) / rows;
        var perDay = double.IsNaN(casesPerDay) || rows == 0 ? double.NaN : (double)flagged / rows * casesPerDay;
        return new OperatingPoint(threshold, flagged, rows, perDay, precision, recall, cost, note);
    }

    private static void CheckRows(IReadOnlyList<double> scores, IReadOnlyList<int>? labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentException("No scores were given.", nameof(scores));
        }
        if (labels is not null && labels.Count != scores.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {scores.Count} scores.", nameof(labels));
        }
        for (var i = 0; i < scores.Count; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException($"Row {i + 1}: the score is NaN.", nameof(scores));
            }
            if (labels is not null && labels[i] is not (0 or 1))
            {
                throw new ArgumentException($"Row {i + 1}: label {labels[i]} is not 0 or 1.", nameof(labels));
            }
        }
    }
}

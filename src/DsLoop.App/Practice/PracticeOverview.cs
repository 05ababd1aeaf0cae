using DsLoop.App.Attempts;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;

namespace DsLoop.App.Practice;

/// <summary>The weakest dimension and why it was chosen.</summary>
/// <param name="Dimension">The dimension to practise.</param>
/// <param name="Reason">One sentence for the candidate.</param>
public sealed record WeakestDimension(Dimension Dimension, string Reason);

/// <summary>Where a candidate stands on the question bank: attempts per question, what is due, the weakest dimension.</summary>
/// <param name="content">The bank.</param>
/// <param name="store">Summaries and schedules.</param>
/// <param name="clock">What is due now.</param>
public sealed class PracticeOverview(ContentBank content, IAppStore store, TimeProvider clock)
{
    /// <summary>One summary per question the user answered (one store query, whatever the number of attempts).</summary>
    public async Task<IReadOnlyDictionary<string, ItemAttemptSummary>> SummariesAsync(string userId, CancellationToken cancellationToken) =>
        (await store.SummarizeAttemptsAsync(userId, AttemptKind.OpenQuestion, 1.0, cancellationToken))
            .ToDictionary(s => s.ItemId, StringComparer.Ordinal);

    /// <summary>The questions due for review now, most overdue first (at most one schedule per question).</summary>
    public async Task<IReadOnlyList<string>> DueItemIdsAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await Pages.AllAsync(cursor => store.ListDuePageAsync(userId, new DueFilter(now, Pages.Whole) { After = cursor }, cancellationToken));
        return [.. due.Select(s => s.ItemId)];
    }

    /// <summary>
    /// The dimension with the lowest mean coach score over the user's answers; a dimension never practised counts as
    /// weakest of all, so new users are sent to what they have not tried. Null when the bank is empty.
    /// </summary>
    public WeakestDimension? Weakest(IReadOnlyDictionary<string, ItemAttemptSummary> summaries)
    {
        var pooled = Dimensions.All.ToDictionary(d => d, _ => (Total: 0.0, Count: 0));
        foreach (var summary in summaries.Values.Where(s => s.Scored > 0))
        {
            foreach (var d in content.ItemsById.GetValueOrDefault(summary.ItemId)?.Dimensions ?? [])
            {
                pooled[d] = (pooled[d].Total + summary.ScoreTotal, pooled[d].Count + summary.Scored);
            }
        }
        var untried = Dimensions.All
            .Where(d => pooled[d].Count == 0 && content.Items.Any(i => i.Dimensions.Contains(d)))
            .Cast<Dimension?>().FirstOrDefault();
        if (untried is { } fresh)
        {
            return new(fresh, $"Weakest dimension: {Dimensions.DisplayName(fresh)} — you have not answered any of its questions yet.");
        }
        var scored = pooled.Where(p => p.Value.Count > 0).OrderBy(p => p.Value.Total / p.Value.Count).ThenBy(p => p.Key).ToList();
        if (scored.Count == 0)
        {
            return null;
        }
        var (dimension, (total, count)) = (scored[0].Key, scored[0].Value);
        return new(dimension, $"Weakest dimension: {Dimensions.DisplayName(dimension)} — mean coach score {total / count:P0} over {count} answers.");
    }
}

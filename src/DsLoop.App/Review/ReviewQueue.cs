using DsLoop.App.Practice;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Scheduling;
using DsLoop.Store;

namespace DsLoop.App.Review;

/// <summary>One item in the review queue.</summary>
/// <param name="ItemId">The question.</param>
/// <param name="Title">Its title (the id when the bank no longer has it).</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="Recall">The chance of recalling it now, once it has left the learning steps.</param>
public sealed record ReviewEntry(string ItemId, string Title, DateTimeOffset DueAt, double? Recall);

/// <summary>What is due for review, and what comes due soon, with FSRS's estimate of recall.</summary>
/// <param name="content">Titles of the items.</param>
/// <param name="store">Where schedules live.</param>
/// <param name="clock">What "now" is.</param>
public sealed class ReviewQueue(ContentBank content, IAppStore store, TimeProvider clock)
{
    private static readonly FsrsScheduler Scheduler = new();

    /// <summary>How far ahead "coming up" looks.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(30);

    /// <summary>The user's items due now, most overdue first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<ReviewEntry>> DueAsync(string userId, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await store.ListDueAsync(userId, now, limit, cancellationToken)).Select(s => Entry(s, now))];
    }

    /// <summary>Items coming due within <see cref="Horizon"/> that are not due yet, soonest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<ReviewEntry>> UpcomingAsync(string userId, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await store.ListDueAsync(userId, now + Horizon, int.MaxValue, cancellationToken))
            .Where(s => s.DueAt > now).Take(limit).Select(s => Entry(s, now))];
    }

    private ReviewEntry Entry(ReviewSchedule schedule, DateTimeOffset now)
    {
        var title = content.ItemsById.TryGetValue(schedule.ItemId, out var item) ? item.Title : schedule.ItemId;
        var card = ReviewScheduling.Read(schedule);
        return new ReviewEntry(schedule.ItemId, title, schedule.DueAt, card.State == CardState.Review ? Scheduler.Retrievability(card, now) : null);
    }
}

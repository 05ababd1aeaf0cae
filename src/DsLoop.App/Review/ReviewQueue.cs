using DsLoop.App.Drills;
using DsLoop.App.Practice;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Scheduling;
using DsLoop.Store;

namespace DsLoop.App.Review;

/// <summary>One item in the review queue.</summary>
/// <param name="ItemId">The question, or a drill family as <c>drill:FAMILY</c> (<see cref="DrillReview"/>).</param>
/// <param name="Title">Its title (the id when the bank no longer has it).</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="Recall">The chance of recalling it now, once it has left the learning steps.</param>
/// <param name="Href">Where to practise it: the question's page, or a fresh drill of the family.</param>
public sealed record ReviewEntry(string ItemId, string Title, DateTimeOffset DueAt, double? Recall, string Href);

/// <summary>What is due for review (questions and drill families), and what comes due soon, with FSRS's estimate of recall.</summary>
/// <param name="content">Titles of the items.</param>
/// <param name="store">Where schedules live.</param>
/// <param name="clock">What "now" is.</param>
public sealed class ReviewQueue(ContentBank content, IAppStore store, TimeProvider clock)
{
    private static readonly FsrsScheduler Scheduler = new();

    /// <summary>How far ahead "coming up" looks.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(30);

    /// <summary>How many items are due now.</summary>
    public Task<int> CountDueAsync(string userId, CancellationToken cancellationToken) =>
        store.CountDueAsync(userId, clock.GetUtcNow(), cancellationToken);

    /// <summary>A page of the items due now, most overdue first; <paramref name="after"/> continues from an earlier page.</summary>
    public async Task<KeysetPage<ReviewEntry>> DueAsync(string userId, int pageSize, PageCursor? after, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var page = await store.ListDuePageAsync(userId, new DueFilter(now, pageSize) { After = after }, cancellationToken);
        return new([.. page.Items.Select(s => Entry(s, now))], page.Next);
    }

    /// <summary>The first <paramref name="count"/> items coming due within <see cref="Horizon"/> that are not due yet, soonest first.</summary>
    public async Task<IReadOnlyList<ReviewEntry>> UpcomingAsync(string userId, int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var page = await store.ListDuePageAsync(userId, new DueFilter(now + Horizon, count) { DueAfter = now }, cancellationToken);
        return [.. page.Items.Select(s => Entry(s, now))];
    }

    private ReviewEntry Entry(ReviewSchedule schedule, DateTimeOffset now)
    {
        var card = ReviewScheduling.Read(schedule);
        return new ReviewEntry(schedule.ItemId, TitleOf(schedule.ItemId), schedule.DueAt,
            card.State == CardState.Review ? Scheduler.Retrievability(card, now) : null, DrillReview.Href(schedule.ItemId));
    }

    /// <summary>The title of a scheduled item: the question's, "Drill: …" for a drill family, or the id when neither is known.</summary>
    public string TitleOf(string itemId) =>
        DrillReview.Title(itemId) ?? (content.ItemsById.TryGetValue(itemId, out var item) ? item.Title : itemId);
}

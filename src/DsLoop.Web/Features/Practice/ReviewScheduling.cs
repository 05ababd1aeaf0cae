using System.Text.Json;
using DsLoop.Core;
using DsLoop.Core.Scheduling;
using DsLoop.Store;

namespace DsLoop.Web.Features.Practice;

/// <summary>Turns a self-rating into the item's next review date with FSRS, per user.</summary>
internal sealed class ReviewScheduling(IAppStore store, TimeProvider clock)
{
    private static readonly FsrsScheduler Scheduler = new();

    /// <summary>Records a rating and returns the item's new schedule.</summary>
    public async Task<ReviewSchedule> RateAsync(string userId, string itemId, ReviewRating rating, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await store.GetScheduleAsync(userId, itemId, cancellationToken);
        var card = existing is null ? FsrsCard.New(now) : Read(existing);
        // Seeded per user, item and moment, so a schedule can be reproduced from its history.
        var seed = HashCode.Combine(userId, itemId, now.ToUnixTimeMilliseconds());
        var next = Scheduler.Review(card, rating, now, new Random(seed));
        var schedule = new ReviewSchedule(userId, itemId, next.Due, JsonSerializer.Serialize(next, JsonDefaults.Options), now);
        await store.UpsertScheduleAsync(schedule, cancellationToken);
        return schedule;
    }

    public static FsrsCard Read(ReviewSchedule schedule) =>
        JsonSerializer.Deserialize<FsrsCard>(schedule.StateJson, JsonDefaults.Options)
        ?? throw new InvalidOperationException($"Review state of {schedule.ItemId} is empty.");
}

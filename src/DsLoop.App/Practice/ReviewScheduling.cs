using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DsLoop.App.Attempts;
using DsLoop.Core;
using DsLoop.Core.Scheduling;
using DsLoop.Store;

namespace DsLoop.App.Practice;

/// <summary>Turns a self-rating into the item's next review date with FSRS, per user.</summary>
/// <param name="store">Where schedules live.</param>
/// <param name="clock">The time of each rating.</param>
public sealed class ReviewScheduling(IAppStore store, TimeProvider clock)
{
    private static readonly FsrsScheduler Scheduler = new();

    /// <summary>Records a rating and returns the item's new schedule.</summary>
    public async Task<ReviewSchedule> RateAsync(string userId, string itemId, ReviewRating rating, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await store.GetScheduleAsync(userId, itemId, cancellationToken);
        var card = existing is null ? FsrsCard.New(now) : Read(existing);
        var next = Scheduler.Review(card, rating, now, new Random(FuzzSeed(userId, itemId, now)));
        var schedule = new ReviewSchedule(userId, itemId, next.Due, JsonSerializer.Serialize(next, AppJson.Options), now);
        await store.UpsertScheduleAsync(schedule, cancellationToken);
        return schedule;
    }

    /// <summary>The scheduler's state stored in a schedule row.</summary>
    public static FsrsCard Read(ReviewSchedule schedule) =>
        JsonSerializer.Deserialize<FsrsCard>(schedule.StateJson, AppJson.Options)
        ?? throw new InvalidOperationException($"Review state of {schedule.ItemId} is empty.");

    /// <summary>
    /// The seed of the interval fuzz: a stable hash of user, item and moment, the same in every process (unlike
    /// <see cref="HashCode"/>), so a schedule can be reproduced from its history.
    /// </summary>
    public static int FuzzSeed(string userId, string itemId, DateTimeOffset at)
    {
        var text = $"{userId}\n{itemId}\n{at.ToUnixTimeMilliseconds()}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return BinaryPrimitives.ReadInt32LittleEndian(hash);
    }
}

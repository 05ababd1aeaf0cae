using DsLoop.Content;
using DsLoop.Core.Scheduling;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Practice;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Review;

internal sealed class ReviewIndexModel(ContentBank content, IAppStore store, TimeProvider clock) : PageModel
{
    private static readonly FsrsScheduler Scheduler = new();

    internal sealed record Entry(string ItemId, string Title, DateTimeOffset DueAt, double? Recall);

    public IReadOnlyList<Entry> Due { get; private set; } = [];
    public IReadOnlyList<Entry> Upcoming { get; private set; } = [];
    public DateTimeOffset? NextDue => Upcoming.Count > 0 ? Upcoming[0].DueAt : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var userId = User.UserId();
        Due = [.. (await store.ListDueAsync(userId, now, 200, cancellationToken)).Select(s => ToEntry(s, now))];
        // Everything scheduled in the next 30 days that is not yet due.
        Upcoming = [.. (await store.ListDueAsync(userId, now.AddDays(30), 200, cancellationToken))
            .Where(s => s.DueAt > now).Take(20).Select(s => ToEntry(s, now))];
    }

    private Entry ToEntry(DsLoop.Core.ReviewSchedule schedule, DateTimeOffset now)
    {
        var title = content.ItemsById.TryGetValue(schedule.ItemId, out var item) ? item.Title : schedule.ItemId;
        var card = ReviewScheduling.Read(schedule);
        return new Entry(schedule.ItemId, title, schedule.DueAt, card.State == CardState.Review ? Scheduler.Retrievability(card, now) : null);
    }
}

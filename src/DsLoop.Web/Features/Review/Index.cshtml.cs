using DsLoop.App.Review;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Review;

internal sealed class ReviewIndexModel(ReviewQueue queue) : PageModel
{
    /// <summary>How many upcoming items the page lists.</summary>
    public const int UpcomingShown = 20;

    public IReadOnlyList<ReviewEntry> Due { get; private set; } = [];
    public int DueCount { get; private set; }
    public string? More { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<ReviewEntry> Upcoming { get; private set; } = [];
    public DateTimeOffset? NextDue => Upcoming.Count > 0 ? Upcoming[0].DueAt : null;

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var cursor = Paging.Read(this, after, out var problem);
        Problem = problem;
        var page = await queue.DueAsync(userId, Paging.PageSize, cursor, cancellationToken);
        Due = page.Items;
        More = page.Next is { } next ? $"/review?after={Uri.EscapeDataString(next.ToToken())}" : null;
        DueCount = await queue.CountDueAsync(userId, cancellationToken);
        Upcoming = await queue.UpcomingAsync(userId, UpcomingShown, cancellationToken);
    }
}

using DsLoop.App.Review;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Review;

internal sealed class ReviewIndexModel(ReviewQueue queue) : PageModel
{
    /// <summary>How many due items the page lists at once; answering them brings the next ones up.</summary>
    public const int DueShown = 200;

    /// <summary>How many upcoming items the page lists.</summary>
    public const int UpcomingShown = 20;

    public IReadOnlyList<ReviewEntry> Due { get; private set; } = [];
    public IReadOnlyList<ReviewEntry> Upcoming { get; private set; } = [];
    public DateTimeOffset? NextDue => Upcoming.Count > 0 ? Upcoming[0].DueAt : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Due = await queue.DueAsync(User.UserId(), DueShown, cancellationToken);
        Upcoming = await queue.UpcomingAsync(User.UserId(), UpcomingShown, cancellationToken);
    }
}

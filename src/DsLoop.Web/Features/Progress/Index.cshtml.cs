using DsLoop.App.Drills;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Progress;

internal sealed class ProgressIndexModel(ContentBank content, IAppStore store) : PageModel
{
    public IReadOnlyList<Attempt> Attempts { get; private set; } = [];
    public int Total { get; private set; }
    public string? Older { get; private set; }
    public bool FirstPage { get; private set; }
    public string? Problem { get; private set; }

    public string TitleOf(Attempt attempt) => attempt.Kind == AttemptKind.Statistics
        ? DrillReview.FamilyTitle(attempt.ItemId)
        : content.ItemsById.TryGetValue(attempt.ItemId, out var item) ? item.Title : attempt.ItemId;

    public async Task OnGetAsync(string? before, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var cursor = Paging.Read(this, before, out var problem);
        Problem = problem;
        FirstPage = cursor is null;
        var page = await store.ListAttemptsPageAsync(userId, new AttemptFilter(Paging.PageSize) { Before = cursor }, cancellationToken);
        Attempts = page.Items;
        Older = Paging.OlderLink("/progress", page.Next);
        Total = await store.CountAttemptsAsync(userId, cancellationToken: cancellationToken);
    }
}

using DsLoop.App.Attempts;
using DsLoop.App.Cases;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Cases;

internal sealed class CasesIndexModel(CaseAttempts cases, IAppStore store) : PageModel
{
    /// <summary>Longest take-home deadline offered, in hours.</summary>
    public const int MaxDeadlineHours = CaseAttempts.MaxDeadlineHours;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Scale { get; set; }
    [BindProperty] public int? DeadlineHours { get; set; }

    public IReadOnlyList<(Attempt Attempt, CasePayload Payload)> Mine { get; private set; } = [];
    public string? Older { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? before, CancellationToken cancellationToken)
    {
        var cursor = Paging.Read(this, before, out var problem);
        Error = problem;
        await LoadAsync(cursor, cancellationToken);
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var started = await cases.StartAsync(User.UserId(), Kind, Scale, DeadlineHours, cancellationToken);
        if (started.Value is { } attempt)
        {
            return Redirect($"/cases/{attempt.Id}");
        }
        Error = started.Problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(null, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(PageCursor? before, CancellationToken cancellationToken)
    {
        var page = await store.ListAttemptsPageAsync(User.UserId(), new AttemptFilter(Paging.PageSize) { Kind = AttemptKind.Case, Before = before }, cancellationToken);
        Mine = [.. page.Items.Select(a => (a, a.Read<CasePayload>()!))];
        Older = Paging.OlderLink("/cases", page.Next);
    }
}

using DsLoop.App.Attempts;
using DsLoop.App.Cases;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
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
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var started = await cases.StartAsync(User.UserId(), Kind, Scale, DeadlineHours, cancellationToken);
        if (started.Value is { } attempt)
        {
            return Redirect($"/cases/{attempt.Id}");
        }
        Error = started.Problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Mine = [.. (await store.ListAttemptsAsync(User.UserId(), null, 200, cancellationToken))
            .Where(a => a.Kind == AttemptKind.Case)
            .Select(a => (a, a.Read<CasePayload>()!))];
}

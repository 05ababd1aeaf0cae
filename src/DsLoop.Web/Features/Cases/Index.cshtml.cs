using DsLoop.Cases;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Cases;

internal sealed class CasesIndexModel(IAppStore store, TimeProvider clock) : PageModel
{
    /// <summary>Longest take-home deadline offered, in hours.</summary>
    public const int MaxDeadlineHours = 7 * 24;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Scale { get; set; }
    [BindProperty] public int? DeadlineHours { get; set; }

    public IReadOnlyList<(Attempt Attempt, CasePayload Payload)> Mine { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        if (CaseId.KindFromSlug(Kind ?? "") is not { } kind)
        {
            Error = "Choose a kind of case.";
        }
        else if (CaseId.ScaleFromSlug(Scale ?? "tiny") is not { } scale)
        {
            Error = $"'{Scale}' is not a scale: choose {string.Join(" or ", CaseId.ScaleSlugs)}.";
        }
        else if (DeadlineHours is < 1 or > MaxDeadlineHours)
        {
            Error = $"A take-home deadline is between 1 and {MaxDeadlineHours} hours.";
        }
        else
        {
            var now = clock.GetUtcNow();
            var id = new CaseId(kind, CaseId.NewSeed(), scale);
            var payload = new CasePayload(id.ToString(), DeadlineHours is { } h ? now.AddHours(h) : null, null, null);
            var attempt = new Attempt(Ids.New(), User.UserId(), AttemptKind.Case, id.ToString(), now, null, null, payload.Json());
            await store.AddAttemptAsync(attempt, cancellationToken);
            return Redirect($"/cases/{attempt.Id}");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Mine = [.. (await store.ListAttemptsAsync(User.UserId(), null, 200, cancellationToken))
            .Where(a => a.Kind == AttemptKind.Case)
            .Select(a => (a, CasePayload.From(a)!))];
}

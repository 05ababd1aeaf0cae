using DsLoop.App.Drills;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Drills;

internal sealed class DrillFamilyModel(DrillPractice drills) : PageModel
{
    public DrillFamilyRecord Record { get; private set; } = null!;
    public string Area { get; private set; } = "";
    public IReadOnlyList<DrillAttempt> Attempts { get; private set; } = [];
    public string? Older { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string family, string? before, CancellationToken cancellationToken)
    {
        if (DrillReview.FamilyOf(DrillReview.ItemId(family)) is not { } found)
        {
            return NotFound();
        }
        var cursor = Paging.Read(this, before, out var problem);
        Problem = problem;
        var userId = User.UserId();
        Record = await drills.RecordAsync(userId, found, cancellationToken);
        Area = DrillText.AreaTitle(found.Area);
        var page = await drills.HistoryAsync(userId, found, Paging.PageSize, cursor, cancellationToken);
        Attempts = page.Items;
        Older = Paging.OlderLink($"/stats/{found.Id}", page.Next);
        return Page();
    }

    /// <summary>Draws a fresh drill of the family on the server and opens it.</summary>
    public async Task<IActionResult> OnPostStartAsync(string family, CancellationToken cancellationToken)
    {
        if (DrillReview.FamilyOf(DrillReview.ItemId(family)) is null)
        {
            return NotFound();
        }
        var started = await drills.StartAsync(User.UserId(), family, cancellationToken);
        return started.Value is { } drill ? Redirect($"/stats/attempts/{drill.Id}") : BadRequest(started.Problem ?? "");
    }
}

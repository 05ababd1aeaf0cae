using System.Security.Claims;
using DsLoop.App.Hiring;
using DsLoop.Core.Hiring;
using DsLoop.Sql;
using DsLoop.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Hiring;

/// <summary>
/// The candidate's own exercise, reachable only with the session their link gave them. Before starting: the time and
/// the evaluation criteria. While running: the tasks, the candidate's saved queries (saved as they type, and by the
/// button), a server-side deadline and a confirmed submit. After: a confirmation. Never a solution, expected value or score.
/// </summary>
[Authorize(Policy = HiringFeature.CandidatePolicy)]
internal sealed class CandidateModel(InvitationService invitations, SqlScreenService screens, IAppStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Sql { get; set; }
    [BindProperty] public string? Problem { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public SqlScreenView? Screen { get; private set; }
    public Invitation Invitation { get; private set; } = null!;
    public Position? Position { get; private set; }
    public IReadOnlyList<SqlTableInfo> Tables { get; private set; } = [];
    public SqlRunResult? Run { get; private set; }
    public string? RunProblem { get; private set; }
    public string? Error { get; private set; }

    public int SecondsLeft => Screen?.Invitation.DeadlineAt is { } deadline
        ? (int)Math.Max(0, Math.Ceiling((deadline - clock.GetUtcNow()).TotalSeconds))
        : 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var started = await screens.StartAsync(Invitation, cancellationToken);
        return started.Ok ? Redirect("/candidate") : await ShowAsync(started.Refusal, started.Problem, cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var saved = await screens.SaveAsync(Invitation, Problem, Sql, cancellationToken);
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            Response.StatusCode = saved.Ok ? 200 : saved.Refusal == HiringRefusal.Conflict ? 409 : 400;
            return Content(saved.Ok ? $"Saved at {clock.GetUtcNow():HH:mm:ss} UTC." : saved.Problem!, "text/plain");
        }
        return saved.Ok ? Redirect("/candidate") : await ShowAsync(saved.Refusal, saved.Problem, cancellationToken);
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        // Running also saves, so what the candidate last tried is what counts.
        var saved = await screens.SaveAsync(Invitation, Problem, Sql, cancellationToken);
        if (!saved.Ok)
        {
            return await ShowAsync(saved.Refusal, saved.Problem, cancellationToken);
        }
        var run = await screens.RunAsync(Invitation, Sql, cancellationToken);
        if (!run.Ok)
        {
            return await ShowAsync(run.Refusal, run.Problem, cancellationToken);
        }
        Run = run.Value;
        RunProblem = Problem;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!Confirm)
        {
            return await ShowAsync(HiringRefusal.BadInput, "Confirm: tick the box to confirm you are done; your answers cannot change after submitting.", cancellationToken);
        }
        var submitted = await screens.SubmitAsync(Invitation, cancellationToken);
        return submitted.Ok ? Redirect("/candidate") : await ShowAsync(submitted.Refusal, submitted.Problem, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(HiringRefusal? refusal, string? problem, CancellationToken cancellationToken)
    {
        Error = problem;
        Response.StatusCode = refusal switch
        {
            HiringRefusal.Conflict => StatusCodes.Status409Conflict,
            HiringRefusal.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var invitation = await invitations.SessionAsync(
            User.FindFirstValue(HiringFeature.WorkspaceClaim), User.FindFirstValue(HiringFeature.InvitationClaim),
            User.FindFirstValue(HiringFeature.SessionClaim), cancellationToken);
        if (invitation is null)
        {
            return false;
        }
        Invitation = invitation;
        Position = await store.Hiring.GetPositionAsync(invitation.WorkspaceId, invitation.PositionId, cancellationToken);
        Screen = await screens.ViewAsync(invitation, cancellationToken);
        if (Screen?.Stage == ScreenStage.Running)
        {
            Tables = await screens.SchemaAsync(Screen.Invitation, cancellationToken);
        }
        return true;
    }
}

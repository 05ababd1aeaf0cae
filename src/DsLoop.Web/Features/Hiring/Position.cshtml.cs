using DsLoop.App.Hiring;
using DsLoop.Content;
using DsLoop.Core.Hiring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Hiring;

/// <summary>
/// One position: its loop, weights and exercises for every member; its candidates and results for admins, recruiters and
/// hiring managers; inviting, resending and revoking for admins and recruiters. A new link is shown once, on the
/// response to the invite, and never stored.
/// </summary>
internal sealed class PositionModel(
    HiringAccess access, PositionService positions, InvitationService invitations, HiringResults results, ContentBank content, TimeProvider clock)
    : HiringPage(access)
{
    [BindProperty] public string? CandidateName { get; set; }
    [BindProperty] public string? CandidateEmail { get; set; }
    [BindProperty] public string? Exercise { get; set; }

    public ContentBank Bank => content;
    public Position Position { get; private set; } = null!;
    public IReadOnlyList<CandidateResult> Candidates { get; private set; } = [];
    public string? NewLink { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(string workspaceId, string positionId, CancellationToken cancellationToken) =>
        await EnterAsync(workspaceId, HiringPermission.ViewPositions, cancellationToken) ?? await LoadAsync(positionId, cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(string workspaceId, string positionId, CancellationToken cancellationToken)
    {
        if (await EnterAsync(workspaceId, HiringPermission.ManageInvitations, cancellationToken) is { } refused)
        {
            return refused;
        }
        var issued = await invitations.InviteAsync(Member, positionId, CandidateName, CandidateEmail, Exercise, cancellationToken);
        return await ShowIssuedAsync(issued, positionId, cancellationToken);
    }

    public async Task<IActionResult> OnPostResendAsync(string workspaceId, string positionId, string? invitation, CancellationToken cancellationToken)
    {
        if (await EnterAsync(workspaceId, HiringPermission.ManageInvitations, cancellationToken) is { } refused)
        {
            return refused;
        }
        var issued = await invitations.ResendAsync(Member, invitation, cancellationToken);
        return await ShowIssuedAsync(issued, positionId, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(string workspaceId, string positionId, string? invitation, CancellationToken cancellationToken)
    {
        if (await EnterAsync(workspaceId, HiringPermission.ManageInvitations, cancellationToken) is { } refused)
        {
            return refused;
        }
        var revoked = await invitations.RevokeAsync(Member, invitation, cancellationToken);
        if (revoked.Ok)
        {
            return Redirect($"/hiring/{Member.WorkspaceId}/positions/{positionId}");
        }
        var page = await LoadAsync(positionId, cancellationToken);
        return page is PageResult ? Refused(revoked, Page) : page;
    }

    private async Task<IActionResult> ShowIssuedAsync(HiringOutcome<IssuedInvitation> issued, string positionId, CancellationToken cancellationToken)
    {
        var page = await LoadAsync(positionId, cancellationToken);
        if (page is not PageResult)
        {
            return page;
        }
        if (issued.Value is not { } done)
        {
            return Refused(issued, Page);
        }
        NewLink = $"{Request.Scheme}://{Request.Host}{done.Path}";
        // The link is a secret: never cached by the browser or anything in between.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task<IActionResult> LoadAsync(string positionId, CancellationToken cancellationToken)
    {
        var found = await positions.GetAsync(Member, positionId, cancellationToken);
        if (found.Value is not { } position)
        {
            return NotFound();
        }
        Position = position;
        if (Member.May(HiringPermission.ViewResults))
        {
            Candidates = (await results.ForPositionAsync(Member, position.Id, cancellationToken)).Value ?? [];
        }
        return Page();
    }
}

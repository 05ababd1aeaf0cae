using DsLoop.App.Hiring;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Hiring;

/// <summary>
/// The candidate's invitation link. GET only looks (a link preview does not use it up); the button POSTs, which opens
/// the invitation once and exchanges it for a candidate session. A wrong token is a 404 whatever the invitation's
/// state; a used, expired or revoked link is a 410 saying which.
/// </summary>
internal sealed class JoinModel(InvitationService invitations, AccountMode mode) : PageModel
{
    public LinkStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string workspaceId, string invitationId, string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (!mode.MultiUser)
        {
            return NotFound();
        }
        Status = await invitations.CheckLinkAsync(workspaceId, invitationId, token, cancellationToken);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string workspaceId, string invitationId, string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (!mode.MultiUser)
        {
            return NotFound();
        }
        var (status, secret) = await invitations.OpenAsync(workspaceId, invitationId, token, cancellationToken);
        Status = status;
        if (secret is null)
        {
            return Show();
        }
        await HttpContext.SignInAsync(HiringFeature.CandidateScheme, HiringFeature.CandidatePrincipal(workspaceId, invitationId, secret));
        return Redirect("/candidate");
    }

    private IActionResult Show()
    {
        if (Status == LinkStatus.Unknown)
        {
            return NotFound();
        }
        if (Status != LinkStatus.Usable)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        return Page();
    }
}

using DsLoop.App.Hiring;
using DsLoop.Core.Hiring;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Hiring;

/// <summary>
/// The base of the team's hiring pages: finds the signed-in user's seat in the route's workspace (404 for anyone who
/// is not a member, so a stranger cannot tell a workspace exists) and turns a refused command into its status.
/// </summary>
internal abstract class HiringPage(HiringAccess access) : PageModel
{
    /// <summary>The signed-in user as a member of the route's workspace, once <see cref="EnterAsync"/> found them.</summary>
    public HiringMember Member { get; private set; } = null!;

    /// <summary>The problem to show (bad input, refusal), if any.</summary>
    public string? Error { get; protected set; }

    /// <summary>
    /// Finds the member and checks <paramref name="permission"/>: null when they may go on, else the 404 (not a member)
    /// or 403 (role does not allow it) to return.
    /// </summary>
    protected async Task<IActionResult?> EnterAsync(string workspaceId, HiringPermission permission, CancellationToken cancellationToken)
    {
        var member = await access.MemberAsync(workspaceId, User.UserId(), cancellationToken);
        if (member is null)
        {
            return NotFound();
        }
        Member = member;
        return member.May(permission) ? null : StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>The status page for a refusal; bad input and conflicts re-show the page with the message.</summary>
    protected IActionResult Refused<T>(HiringOutcome<T> outcome, Func<IActionResult> page) where T : class
    {
        switch (outcome.Refusal)
        {
            case HiringRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case HiringRefusal.NotFound:
                return NotFound();
            default:
                Error = outcome.Problem;
                Response.StatusCode = outcome.Refusal == HiringRefusal.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                return page();
        }
    }
}

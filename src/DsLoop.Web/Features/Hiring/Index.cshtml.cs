using DsLoop.App.Hiring;
using DsLoop.Core;
using DsLoop.Core.Hiring;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Hiring;

/// <summary>The hiring workspaces the user belongs to; a site admin creates one here.</summary>
internal sealed class HiringIndexModel(WorkspaceService workspaces, IAppStore store) : PageModel
{
    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<WorkspaceSeat> Seats { get; private set; } = [];
    public bool SiteAdmin { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var user = await store.FindUserAsync(User.UserId(), cancellationToken);
        if (user is null)
        {
            return NotFound();
        }
        var created = await workspaces.CreateAsync(user, Name, cancellationToken);
        if (created.Value is { } workspace)
        {
            return Redirect($"/hiring/{workspace.Id}");
        }
        if (created.Refusal == HiringRefusal.Forbidden)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Error = created.Problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Seats = await workspaces.SeatsAsync(User.UserId(), cancellationToken);
        SiteAdmin = User.IsInRole(nameof(UserRole.Admin));
    }
}

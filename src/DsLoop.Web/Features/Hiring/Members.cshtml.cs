using DsLoop.App.Hiring;
using DsLoop.Core.Hiring;
using Microsoft.AspNetCore.Mvc;

namespace DsLoop.Web.Features.Hiring;

/// <summary>The members of a workspace (any member sees them); admins add members and change or remove roles.</summary>
internal sealed class MembersModel(HiringAccess access, WorkspaceService workspaces) : HiringPage(access)
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Role { get; set; }

    public IReadOnlyList<WorkspaceMember> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string workspaceId, CancellationToken cancellationToken)
    {
        if (await EnterAsync(workspaceId, HiringPermission.ViewMembers, cancellationToken) is { } refused)
        {
            return refused;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string workspaceId, CancellationToken cancellationToken)
    {
        if (await EnterAsync(workspaceId, HiringPermission.ManageMembers, cancellationToken) is { } refused)
        {
            return refused;
        }
        var changed = await workspaces.SetRoleAsync(Member, UserName, Role, cancellationToken);
        if (changed.Ok)
        {
            return Redirect($"/hiring/{Member.WorkspaceId}/members");
        }
        await LoadAsync(cancellationToken);
        return Refused(changed, Page);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Members = (await workspaces.MembersAsync(Member, cancellationToken)).Value ?? [];
}

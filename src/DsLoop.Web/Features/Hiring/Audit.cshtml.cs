using DsLoop.App.Hiring;
using DsLoop.Core.Hiring;
using DsLoop.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace DsLoop.Web.Features.Hiring;

/// <summary>The workspace's append-only audit log, newest first, fifty to a page (admins only).</summary>
internal sealed class AuditModel(HiringAccess access, WorkspaceService workspaces) : HiringPage(access)
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public string? Older { get; private set; }

    public async Task<IActionResult> OnGetAsync(string workspaceId, string? before, CancellationToken cancellationToken)
    {
        if (await EnterAsync(workspaceId, HiringPermission.ViewAudit, cancellationToken) is { } refused)
        {
            return refused;
        }
        var cursor = Paging.Read(this, before, out var problem);
        Error = problem;
        var page = (await workspaces.AuditAsync(Member, cursor, Paging.PageSize, cancellationToken)).Value!;
        Entries = page.Items;
        Older = Paging.OlderLink($"/hiring/{Member.WorkspaceId}/audit", page.Next);
        return Page();
    }
}

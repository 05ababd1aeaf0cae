using DsLoop.App.Hiring;
using DsLoop.Core.Hiring;
using Microsoft.AspNetCore.Mvc;

namespace DsLoop.Web.Features.Hiring;

/// <summary>One workspace: its positions, for every member.</summary>
internal sealed class WorkspaceModel(HiringAccess access, PositionService positions) : HiringPage(access)
{
    public IReadOnlyList<Position> Positions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string workspaceId, CancellationToken cancellationToken)
    {
        if (await EnterAsync(workspaceId, HiringPermission.ViewPositions, cancellationToken) is { } refused)
        {
            return refused;
        }
        Positions = (await positions.ListAsync(Member, cancellationToken)).Value ?? [];
        return Page();
    }
}

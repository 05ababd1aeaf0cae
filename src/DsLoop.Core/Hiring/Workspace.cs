namespace DsLoop.Core.Hiring;

/// <summary>A hiring team's space: its members, positions, invitations and audit log belong to it and to nothing else.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">What the team calls it.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="CreatedBy">The user id of the site admin who made it.</param>
public sealed record Workspace(string Id, string Name, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>The longest workspace name, in characters.</summary>
    public const int MaxNameLength = 100;
}

/// <summary>A user's seat in a workspace.</summary>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="UserId">The member's account.</param>
/// <param name="UserName">The member's sign-in name, for lists.</param>
/// <param name="Role">What the member may do there.</param>
/// <param name="AddedAt">When the member was added (a role change keeps it).</param>
public sealed record WorkspaceMember(string WorkspaceId, string UserId, string UserName, HiringRole Role, DateTimeOffset AddedAt);

/// <summary>A workspace as one of its members sees it in a list: the workspace and the member's role.</summary>
/// <param name="Workspace">The workspace.</param>
/// <param name="Role">The reader's role in it.</param>
public sealed record WorkspaceSeat(Workspace Workspace, HiringRole Role);

using DsLoop.Core.Hiring;

namespace DsLoop.Store;

/// <summary>What <see cref="IHiringStore.SetRoleAsync"/> did.</summary>
public enum RoleChange
{
    /// <summary>The member was added, their role changed, or they were removed; one audit row says which.</summary>
    Changed,
    /// <summary>The member already had that role (or was not a member and removal was asked): nothing written.</summary>
    Unchanged,
    /// <summary>No account has that id.</summary>
    NoSuchUser,
    /// <summary>Refused: the workspace would have no admin left.</summary>
    LastAdmin,
}

/// <summary>
/// The hiring team's data. Every read and write of hiring data takes the workspace id, so a row of one workspace can
/// never be reached from another; the only reads keyed by user alone are the user's own seats. Every change writes its
/// audit row in the same transaction. The audit log can only be added to and read: there is no method to change or
/// delete a row.
/// </summary>
public interface IHiringStore
{
    /// <summary>Creates a workspace with its creator as its first admin; audits the creation and the role.</summary>
    Task<Workspace> CreateWorkspaceAsync(string name, string creatorUserId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The workspaces <paramref name="userId"/> is a member of, with the role in each, by name.</summary>
    Task<IReadOnlyList<WorkspaceSeat>> ListSeatsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The workspace and the user's role in it; null when the user is not a member (or there is no such workspace).</summary>
    Task<WorkspaceSeat?> GetSeatAsync(string workspaceId, string userId, CancellationToken cancellationToken = default);

    /// <summary>The members of a workspace, by user name.</summary>
    Task<IReadOnlyList<WorkspaceMember>> ListMembersAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a member with <paramref name="role"/>, changes their role, or removes them (<paramref name="role"/> null), and
    /// audits it (old → new) in the same transaction. Refuses to leave the workspace without an admin.
    /// </summary>
    Task<RoleChange> SetRoleAsync(string workspaceId, string userId, HiringRole? role, string actorId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Saves a new position and audits it.</summary>
    Task AddPositionAsync(Position position, string actorId, CancellationToken cancellationToken = default);

    /// <summary>Replaces a position's fields (not its creation time) and audits the change with <paramref name="detail"/>. False when none matched.</summary>
    Task<bool> UpdatePositionAsync(Position position, string actorId, string detail, CancellationToken cancellationToken = default);

    /// <summary>One position of the workspace.</summary>
    Task<Position?> GetPositionAsync(string workspaceId, string positionId, CancellationToken cancellationToken = default);

    /// <summary>The workspace's positions, newest first.</summary>
    Task<IReadOnlyList<Position>> ListPositionsAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Saves a new invitation and audits it (actor: its creator). An earlier invitation it was resent from is left as it is.</summary>
    Task AddInvitationAsync(Invitation invitation, CancellationToken cancellationToken = default);

    /// <summary>One invitation of the workspace.</summary>
    Task<Invitation?> GetInvitationAsync(string workspaceId, string invitationId, CancellationToken cancellationToken = default);

    /// <summary>Every invitation of one position, newest first.</summary>
    Task<IReadOnlyList<Invitation>> ListInvitationsAsync(string workspaceId, string positionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens an invitation once: only if it is neither opened, revoked nor expired at <paramref name="at"/>; records the
    /// session's hash and audits it. False when it could not be opened.
    /// </summary>
    Task<bool> OpenInvitationAsync(string workspaceId, string invitationId, string sessionHash, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Revokes an invitation that is not revoked yet (its link and session stop working) and audits it. False when none matched.</summary>
    Task<bool> RevokeInvitationAsync(string workspaceId, string invitationId, string actorId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Audits, once each, the workspace's invitations that expired unopened by <paramref name="at"/>; returns how many were new.</summary>
    Task<int> RecordExpiriesAsync(string workspaceId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Starts an opened invitation's timed exercise once, with its server-side deadline, and audits it. False when already started, revoked or not opened.</summary>
    Task<bool> StartExerciseAsync(string workspaceId, string invitationId, DateTimeOffset at, DateTimeOffset deadline, CancellationToken cancellationToken = default);

    /// <summary>Saves (or replaces) an answer while the exercise runs: started, not finished, not revoked, before the deadline. False otherwise.</summary>
    Task<bool> SaveAnswerAsync(string workspaceId, string invitationId, string problemId, string sql, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The saved answers of an invitation, by problem id.</summary>
    Task<IReadOnlyList<HiringAnswer>> ListAnswersAsync(string workspaceId, string invitationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Scores a started exercise once: writes each answer's verdict and the score, closes it and audits it with
    /// <paramref name="actor"/>. False when it was already scored or never started.
    /// </summary>
    Task<bool> FinishExerciseAsync(string workspaceId, string invitationId, IReadOnlyDictionary<string, string> verdicts, double score, DateTimeOffset at, string actor, CancellationToken cancellationToken = default);

    /// <summary>One page of the workspace's audit log, newest first; follow <see cref="KeysetPage{T}.Next"/> as <paramref name="before"/>.</summary>
    Task<KeysetPage<AuditEntry>> ListAuditPageAsync(string workspaceId, PageCursor? before, int pageSize, CancellationToken cancellationToken = default);
}

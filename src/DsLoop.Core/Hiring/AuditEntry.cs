namespace DsLoop.Core.Hiring;

/// <summary>What an audit row records.</summary>
public enum AuditAction
{
    /// <summary>A workspace was created.</summary>
    WorkspaceCreated,
    /// <summary>A member was added, their role changed, or they were removed (detail: old → new).</summary>
    RoleChanged,
    /// <summary>A position was created.</summary>
    PositionCreated,
    /// <summary>A position was changed (detail: the fields).</summary>
    PositionChanged,
    /// <summary>A candidate was invited (a resend is a new invitation, with the earlier one in the detail).</summary>
    InvitationCreated,
    /// <summary>A candidate opened their link and got a session.</summary>
    InvitationOpened,
    /// <summary>An invitation passed its expiry unopened.</summary>
    InvitationExpired,
    /// <summary>An invitation was revoked.</summary>
    InvitationRevoked,
    /// <summary>A candidate started a timed exercise.</summary>
    ExerciseStarted,
    /// <summary>A timed exercise was scored (submitted, or at its deadline with what was saved).</summary>
    ExerciseScored,
}

/// <summary>
/// One row of a workspace's append-only audit log. The store can add rows and read them; there is no way to change or
/// delete one.
/// </summary>
/// <param name="Id">Stable identifier, time-ordered.</param>
/// <param name="WorkspaceId">The workspace the event happened in.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who: a user id, <c>candidate:</c> and an invitation id, or <c>system</c>.</param>
/// <param name="Action">What happened.</param>
/// <param name="Subject">The id of what it happened to (member, position, invitation).</param>
/// <param name="Detail">A short description; never a token, secret or seed.</param>
public sealed record AuditEntry(string Id, string WorkspaceId, DateTimeOffset At, string Actor, AuditAction Action, string Subject, string Detail)
{
    /// <summary>The actor of events nobody did (an expiry noticed by the server).</summary>
    public const string System = "system";

    /// <summary>The actor name of a candidate acting through an invitation.</summary>
    public static string Candidate(string invitationId) => $"candidate:{invitationId}";
}

namespace DsLoop.Core.Hiring;

/// <summary>Where an invitation stands.</summary>
public enum InvitationState
{
    /// <summary>Sent (the link copied), not opened, not expired.</summary>
    Pending,
    /// <summary>The candidate opened the link and holds a session.</summary>
    Opened,
    /// <summary>Past its expiry without being opened.</summary>
    Expired,
    /// <summary>Revoked by the team: the link and any session stop working.</summary>
    Revoked,
}

/// <summary>
/// A candidate's invitation to one exercise of one position. The link's token is never stored: only its SHA-256
/// (<see cref="TokenHash"/>), compared in constant time. Resending makes a new invitation (<see cref="ResentFrom"/>) and
/// leaves the earlier one as it was.
/// </summary>
/// <param name="Id">Stable identifier (random, time-ordered); the candidate's seeds are derived from it with the server secret.</param>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="PositionId">The position.</param>
/// <param name="CandidateName">The candidate's name.</param>
/// <param name="CandidateEmail">The candidate's email address.</param>
/// <param name="Exercise">Which exercise of the position.</param>
/// <param name="TokenHash">SHA-256 of the link's token, lowercase hex.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="CreatedBy">The user id of whoever invited.</param>
/// <param name="ExpiresAt">After this the link no longer opens.</param>
public sealed record Invitation(
    string Id,
    string WorkspaceId,
    string PositionId,
    string CandidateName,
    string CandidateEmail,
    HiringExercise Exercise,
    string TokenHash,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The longest candidate name, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest email address, in characters (RFC 5321).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The invitation this one was resent from, if any.</summary>
    public string? ResentFrom { get; init; }

    /// <summary>When the candidate opened the link.</summary>
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>When the team revoked it.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>When the timed exercise started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The server-side deadline of the timed exercise.</summary>
    public DateTimeOffset? DeadlineAt { get; init; }

    /// <summary>When the exercise was scored (submitted, or closed at its deadline).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The score from 0 to 1, once scored.</summary>
    public double? Score { get; init; }

    /// <summary>SHA-256 (lowercase hex) of the candidate session's secret, set when the link is opened.</summary>
    public string? SessionHash { get; init; }

    /// <summary>Where the invitation stands at <paramref name="now"/>.</summary>
    public InvitationState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationState.Revoked
        : OpenedAt is not null ? InvitationState.Opened
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;
}

/// <summary>A candidate's saved answer to one problem of a SQL screen, and its verdict once the screen is scored.</summary>
/// <param name="ProblemId">The SQL bank problem.</param>
/// <param name="Sql">The query as last saved.</param>
/// <param name="SavedAt">When it was last saved.</param>
/// <param name="Verdict">correct, incorrect or did-not-run once scored; null before.</param>
public sealed record HiringAnswer(string ProblemId, string Sql, DateTimeOffset SavedAt, string? Verdict);

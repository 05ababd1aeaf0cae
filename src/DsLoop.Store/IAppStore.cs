using DsLoop.Core;

namespace DsLoop.Store;

/// <summary>
/// Everything DsLoop keeps about its users. Every read of user-owned data takes the
/// owner's id, so one user can never load another's rows by guessing an id.
/// </summary>
public interface IAppStore : IAsyncDisposable
{
    /// <summary>Which engine this is, for diagnostics ("sqlite" or "postgres").</summary>
    string Engine { get; }

    /// <summary>Where the store lives, with no secrets, for messages.</summary>
    string Location { get; }

    /// <summary>The hiring team's data (workspaces, positions, invitations, audit log), on the same store.</summary>
    IHiringStore Hiring { get; }

    /// <summary>The schema version the store is at.</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a user. The first user ever created becomes <see cref="UserRole.Admin"/> whatever
    /// <paramref name="role"/> says; this is decided atomically. Returns null when the name is taken.
    /// </summary>
    Task<User?> CreateUserAsync(string userName, string passwordHash, UserRole role, CancellationToken cancellationToken = default);

    /// <summary>Finds a user by name, case-insensitively.</summary>
    Task<User?> FindUserByNameAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>Finds a user by id.</summary>
    Task<User?> FindUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Counts every account.</summary>
    Task<int> CountUsersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the user a new random session stamp and returns it (null when there is no such user): every session cookie
    /// carrying the old stamp stops working.
    /// </summary>
    Task<string?> RenewSessionStampAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Returns the implicit local-mode user, creating it on first use.</summary>
    Task<User> EnsureLocalUserAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves a new attempt. A <see cref="Attempt.SelfRating"/> outside 1–4 is refused.</summary>
    Task AddAttemptAsync(Attempt attempt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the submission, score, payload and self-rating of an attempt the user owns. False when none matched.
    /// Whoever adds a self-rating to the payload sets <see cref="Attempt.SelfRating"/> too; an update from a loaded
    /// attempt (<c>attempt with { … }</c>) keeps the one it had.
    /// </summary>
    Task<bool> UpdateAttemptAsync(Attempt attempt, CancellationToken cancellationToken = default);

    /// <summary>Loads one attempt if, and only if, <paramref name="userId"/> owns it.</summary>
    Task<Attempt?> GetAttemptAsync(string userId, string attemptId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user's attempts, newest first, optionally for one item, cut off silently at <paramref name="limit"/>.
    /// Prefer <see cref="ListAttemptsPageAsync"/>, <see cref="CountAttemptsAsync"/> or <see cref="SummarizeAttemptsAsync"/>.
    /// </summary>
    Task<IReadOnlyList<Attempt>> ListAttemptsAsync(string userId, string? itemId = null, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the review state of one item for one user.</summary>
    Task UpsertScheduleAsync(ReviewSchedule schedule, CancellationToken cancellationToken = default);

    /// <summary>The review state of one item for one user, if any.</summary>
    Task<ReviewSchedule?> GetScheduleAsync(string userId, string itemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user's items due at or before <paramref name="asOf"/>, most overdue first, cut off silently at
    /// <paramref name="limit"/>. Prefer <see cref="ListDuePageAsync"/> and <see cref="CountDueAsync"/>.
    /// </summary>
    Task<IReadOnlyList<ReviewSchedule>> ListDueAsync(string userId, DateTimeOffset asOf, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Saves a new loop run.</summary>
    Task AddLoopAsync(LoopRun loop, CancellationToken cancellationToken = default);

    /// <summary>Replaces the status and state of a loop the user owns. False when none matched.</summary>
    Task<bool> UpdateLoopAsync(LoopRun loop, CancellationToken cancellationToken = default);

    /// <summary>Loads one loop if, and only if, <paramref name="userId"/> owns it.</summary>
    Task<LoopRun?> GetLoopAsync(string userId, string loopId, CancellationToken cancellationToken = default);

    /// <summary>The user's loops, newest first, cut off silently at <paramref name="limit"/>. Prefer <see cref="ListLoopsPageAsync"/>.</summary>
    Task<IReadOnlyList<LoopRun>> ListLoopsAsync(string userId, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>How many attempts the user has made, of one kind when <paramref name="kind"/> is given.</summary>
    Task<int> CountAttemptsAsync(string userId, AttemptKind? kind = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the user's attempts, newest first by start time, then id; see <see cref="AttemptFilter"/> for the
    /// filters and the cursor. Follow <see cref="KeysetPage{T}.Next"/> for older pages; each row appears on exactly one.
    /// </summary>
    Task<KeysetPage<Attempt>> ListAttemptsPageAsync(string userId, AttemptFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// One row per item the user has attempted with <paramref name="kind"/>, ordered by item id (ordinal), counted in one
    /// grouped query: attempts, submissions, passes (score at or above <paramref name="passScore"/>), scored attempts and
    /// their total, best score, first start and last activity. Items never attempted have no row.
    /// </summary>
    Task<IReadOnlyList<ItemAttemptSummary>> SummarizeAttemptsAsync(string userId, AttemptKind kind, double passScore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every scored attempt of <paramref name="kind"/> as a chart point (time, score, self-rating), oldest start first,
    /// read from an index alone: no payload is loaded.
    /// </summary>
    Task<IReadOnlyList<AttemptPoint>> ListAttemptPointsAsync(string userId, AttemptKind kind, CancellationToken cancellationToken = default);

    /// <summary>How many of the user's items are due at or before <paramref name="asOf"/>.</summary>
    Task<int> CountDueAsync(string userId, DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the user's review schedules due in the window of <paramref name="filter"/>, soonest first, then by item
    /// id. Follow <see cref="KeysetPage{T}.Next"/> for later pages.
    /// </summary>
    Task<KeysetPage<ReviewSchedule>> ListDuePageAsync(string userId, DueFilter filter, CancellationToken cancellationToken = default);

    /// <summary>One page of the user's loops, newest first by start time, then id, optionally of one status.</summary>
    Task<KeysetPage<LoopRun>> ListLoopsPageAsync(string userId, LoopFilter filter, CancellationToken cancellationToken = default);
}

using System.Data.Common;
using Dapper;
using DsLoop.Core;

namespace DsLoop.Store;

/// <summary>
/// The store's queries, shared by both engines. Subclasses only open connections, serialise
/// the first-user decision and bring the schema up to date.
/// </summary>
internal abstract partial class SqlAppStore : IAppStore, IHiringStore
{
    static SqlAppStore() => DefaultTypeMap.MatchNamesWithUnderscores = false;

    public abstract string Engine { get; }
    public abstract string Location { get; }

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that no other writer can interleave with.</summary>
    protected abstract Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Applies pending migrations up to <paramref name="version"/>; refuses a store that is newer than this code.</summary>
    internal async Task MigrateAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)",
            transaction: transaction, cancellationToken: cancellationToken));
        var current = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)) ?? 0;
        if (current > Migrations.Latest)
        {
            throw new StoreUnavailableException(
                $"The {Engine} store at {Location} is at schema version {current}, but this DsLoop knows versions up to {Migrations.Latest}; upgrade DsLoop or point it at another store.");
        }
        foreach (var migration in Migrations.All.Where(m => m.Version > current && m.Version <= version))
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.SqlFor(Engine), transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = Time.To(DateTimeOffset.UtcNow) },
                transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (int)(await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)) ?? 0);
    }

    private const string UserColumns = "id, user_name, password_hash, role, created_at, session_stamp";

    public async Task<User?> CreateUserAsync(string userName, string passwordHash, UserRole role, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        var key = NameKey(userName);
        var taken = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM users WHERE user_name_key = @key", new { key }, transaction, cancellationToken: cancellationToken));
        if (taken > 0)
        {
            return null;
        }
        // The local-mode user is not a person; the first real account still becomes admin.
        var people = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM users WHERE user_name_key <> @local", new { local = NameKey(User.LocalUserName) },
            transaction, cancellationToken: cancellationToken));
        var user = new User(Ids.New(), userName, passwordHash,
            people == 0 && userName != User.LocalUserName ? UserRole.Admin : role,
            DateTimeOffset.FromUnixTimeMilliseconds(Time.To(DateTimeOffset.UtcNow)), NewStamp());
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO users (id, user_name, user_name_key, password_hash, role, created_at, session_stamp) VALUES (@Id, @UserName, @Key, @PasswordHash, @Role, @CreatedAt, @SessionStamp)",
            new { user.Id, user.UserName, Key = key, user.PasswordHash, Role = user.Role.ToString(), CreatedAt = Time.To(user.CreatedAt), user.SessionStamp },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    public async Task<User?> FindUserByNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE user_name_key = @key", new { key = NameKey(userName) }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    public async Task<User?> FindUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE id = @userId", new { userId }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    public async Task<int> CountUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users", cancellationToken: cancellationToken));
    }

    public async Task<string?> RenewSessionStampAsync(string userId, CancellationToken cancellationToken = default)
    {
        var stamp = NewStamp();
        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET session_stamp = @stamp WHERE id = @userId", new { userId, stamp }, cancellationToken: cancellationToken));
        return changed == 0 ? null : stamp;
    }

    private static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public async Task<User> EnsureLocalUserAsync(CancellationToken cancellationToken = default)
    {
        return await FindUserByNameAsync(User.LocalUserName, cancellationToken)
            ?? await CreateUserAsync(User.LocalUserName, "", UserRole.Candidate, cancellationToken)
            ?? await FindUserByNameAsync(User.LocalUserName, cancellationToken)
            ?? throw new StoreUnavailableException($"The {Engine} store at {Location} could not create the local user.");
    }

    public async Task AddAttemptAsync(Attempt attempt, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO attempts ({ReadSql.AttemptColumns}) VALUES (@Id, @UserId, @Kind, @ItemId, @StartedAt, @SubmittedAt, @Score, @Payload, @SelfRating)",
            AttemptParameters(attempt), cancellationToken: cancellationToken));
    }

    public async Task<bool> UpdateAttemptAsync(Attempt attempt, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE attempts SET submitted_at = @SubmittedAt, score = @Score, payload = @Payload, self_rating = @SelfRating WHERE id = @Id AND user_id = @UserId",
            AttemptParameters(attempt), cancellationToken: cancellationToken));
        return changed == 1;
    }

    private static object AttemptParameters(Attempt attempt)
    {
        if (attempt.SelfRating is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt.SelfRating, "A self-rating is an FSRS review rating from 1 (Again) to 4 (Easy).");
        }
        return new
        {
            attempt.Id,
            attempt.UserId,
            Kind = attempt.Kind.ToString(),
            attempt.ItemId,
            StartedAt = Time.To(attempt.StartedAt),
            SubmittedAt = Time.To(attempt.SubmittedAt),
            attempt.Score,
            Payload = attempt.PayloadJson,
            SelfRating = (long?)attempt.SelfRating,
        };
    }

    public async Task<Attempt?> GetAttemptAsync(string userId, string attemptId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AttemptRow>(new CommandDefinition(
            $"SELECT {ReadSql.AttemptColumns} FROM attempts WHERE id = @attemptId AND user_id = @userId",
            new { userId, attemptId }, cancellationToken: cancellationToken));
        return row?.ToAttempt();
    }

    public async Task<IReadOnlyList<Attempt>> ListAttemptsAsync(string userId, string? itemId = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AttemptRow>(new CommandDefinition(
            $"SELECT {ReadSql.AttemptColumns} FROM attempts WHERE user_id = @userId AND (@itemId IS NULL OR item_id = @itemId) ORDER BY started_at DESC, id DESC LIMIT @limit",
            new { userId, itemId, limit = (long)limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAttempt())];
    }

    public async Task UpsertScheduleAsync(ReviewSchedule schedule, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO schedules (user_id, item_id, due_at, state, updated_at) VALUES (@UserId, @ItemId, @DueAt, @State, @UpdatedAt)
            ON CONFLICT (user_id, item_id) DO UPDATE SET due_at = excluded.due_at, state = excluded.state, updated_at = excluded.updated_at
            """,
            new { schedule.UserId, schedule.ItemId, DueAt = Time.To(schedule.DueAt), State = schedule.StateJson, UpdatedAt = Time.To(schedule.UpdatedAt) },
            cancellationToken: cancellationToken));
    }

    public async Task<ReviewSchedule?> GetScheduleAsync(string userId, string itemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ScheduleRow>(new CommandDefinition(
            $"SELECT {ReadSql.ScheduleColumns} FROM schedules WHERE user_id = @userId AND item_id = @itemId",
            new { userId, itemId }, cancellationToken: cancellationToken));
        return row?.ToSchedule();
    }

    public async Task<IReadOnlyList<ReviewSchedule>> ListDueAsync(string userId, DateTimeOffset asOf, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScheduleRow>(new CommandDefinition(
            $"SELECT {ReadSql.ScheduleColumns} FROM schedules WHERE user_id = @userId AND due_at <= @asOf ORDER BY due_at, item_id LIMIT @limit",
            new { userId, asOf = Time.To(asOf), limit = (long)limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSchedule())];
    }

    public async Task AddLoopAsync(LoopRun loop, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO loops ({ReadSql.LoopColumns}) VALUES (@Id, @UserId, @TemplateId, @Status, @StartedAt, @UpdatedAt, @State)",
            LoopParameters(loop), cancellationToken: cancellationToken));
    }

    public async Task<bool> UpdateLoopAsync(LoopRun loop, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE loops SET status = @Status, updated_at = @UpdatedAt, state = @State WHERE id = @Id AND user_id = @UserId",
            LoopParameters(loop), cancellationToken: cancellationToken));
        return changed == 1;
    }

    private static object LoopParameters(LoopRun l) => new
    {
        l.Id,
        l.UserId,
        l.TemplateId,
        Status = l.Status.ToString(),
        StartedAt = Time.To(l.StartedAt),
        UpdatedAt = Time.To(l.UpdatedAt),
        State = l.StateJson,
    };

    public async Task<LoopRun?> GetLoopAsync(string userId, string loopId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LoopRow>(new CommandDefinition(
            $"SELECT {ReadSql.LoopColumns} FROM loops WHERE id = @loopId AND user_id = @userId", new { userId, loopId }, cancellationToken: cancellationToken));
        return row?.ToLoop();
    }

    public async Task<IReadOnlyList<LoopRun>> ListLoopsAsync(string userId, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LoopRow>(new CommandDefinition(
            $"SELECT {ReadSql.LoopColumns} FROM loops WHERE user_id = @userId ORDER BY started_at DESC, id DESC LIMIT @limit",
            new { userId, limit = (long)limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToLoop())];
    }

    private static string NameKey(string userName) => userName.Trim().ToUpperInvariant();
}

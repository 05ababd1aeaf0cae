using System.Data.Common;
using Dapper;
using DsLoop.Core;
using DsLoop.Core.Hiring;

namespace DsLoop.Store;

// Workspaces, members, positions and the audit log. Every statement names the workspace.
internal abstract partial class SqlAppStore
{
    public IHiringStore Hiring => this;

    /// <summary>Appends one audit row inside the caller's transaction; the only statement that writes audit_log.</summary>
    private static Task AuditAsync(
        DbConnection connection, DbTransaction transaction, string workspaceId, DateTimeOffset at, string actor,
        AuditAction action, string subject, string detail, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO audit_log ({AuditRow.Columns}) VALUES (@workspaceId, @id, @at, @actor, @action, @subject, @detail)",
            new { workspaceId, id = Ids.New(), at = Time.To(at), actor, action = action.ToString(), subject, detail },
            transaction, cancellationToken: cancellationToken));

    public async Task<Workspace> CreateWorkspaceAsync(string name, string creatorUserId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var workspace = new Workspace(Ids.New(), name, Time.From(Time.To(at)), creatorUserId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO workspaces (id, name, created_at, created_by) VALUES (@Id, @Name, @At, @CreatedBy)",
            new { workspace.Id, workspace.Name, At = Time.To(at), workspace.CreatedBy }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO workspace_members (workspace_id, user_id, role, added_at) VALUES (@w, @u, @role, @at)",
            new { w = workspace.Id, u = creatorUserId, role = nameof(HiringRole.Admin), at = Time.To(at) }, transaction, cancellationToken: cancellationToken));
        await AuditAsync(connection, transaction, workspace.Id, at, creatorUserId, AuditAction.WorkspaceCreated, workspace.Id, $"workspace '{name}'", cancellationToken);
        await AuditAsync(connection, transaction, workspace.Id, at, creatorUserId, AuditAction.RoleChanged, creatorUserId, "none → admin", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return workspace;
    }

    /// <summary>A member's seat: the workspace and the member's role in it, read into <see cref="WorkspaceRow"/>.</summary>
    private const string SeatSelect = """
        SELECT w.id, w.name, w.created_at, w.created_by, m.role FROM workspace_members m
        JOIN workspaces w ON w.id = m.workspace_id
        """;

    public async Task<IReadOnlyList<WorkspaceSeat>> ListSeatsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkspaceRow>(new CommandDefinition(
            $"{SeatSelect} WHERE m.user_id = @userId ORDER BY w.name, w.id", new { userId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSeat())];
    }

    public async Task<WorkspaceSeat?> GetSeatAsync(string workspaceId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<WorkspaceRow>(new CommandDefinition(
            $"{SeatSelect} WHERE m.workspace_id = @workspaceId AND m.user_id = @userId", new { workspaceId, userId }, cancellationToken: cancellationToken));
        return row?.ToSeat();
    }

    public async Task<IReadOnlyList<WorkspaceMember>> ListMembersAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            """
            SELECT m.workspace_id, m.user_id, u.user_name, m.role, m.added_at FROM workspace_members m
            JOIN users u ON u.id = m.user_id WHERE m.workspace_id = @workspaceId ORDER BY u.user_name_key, u.id
            """, new { workspaceId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToMember())];
    }

    public async Task<RoleChange> SetRoleAsync(string workspaceId, string userId, HiringRole? role, string actorId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM users WHERE id = @userId", new { userId }, transaction, cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return RoleChange.NoSuchUser;
        }
        var current = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT role FROM workspace_members WHERE workspace_id = @workspaceId AND user_id = @userId",
            new { workspaceId, userId }, transaction, cancellationToken: cancellationToken));
        HiringRole? old = current is null ? null : Enum.Parse<HiringRole>(current);
        if (old == role)
        {
            return RoleChange.Unchanged;
        }
        if (old == HiringRole.Admin)
        {
            var admins = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM workspace_members WHERE workspace_id = @workspaceId AND role = @admin",
                new { workspaceId, admin = nameof(HiringRole.Admin) }, transaction, cancellationToken: cancellationToken));
            if (admins <= 1)
            {
                return RoleChange.LastAdmin;
            }
        }
        var sql = (old, role) switch
        {
            (null, _) => "INSERT INTO workspace_members (workspace_id, user_id, role, added_at) VALUES (@workspaceId, @userId, @role, @at)",
            (_, null) => "DELETE FROM workspace_members WHERE workspace_id = @workspaceId AND user_id = @userId",
            _ => "UPDATE workspace_members SET role = @role WHERE workspace_id = @workspaceId AND user_id = @userId",
        };
        await connection.ExecuteAsync(new CommandDefinition(sql,
            new { workspaceId, userId, role = role?.ToString(), at = Time.To(at) }, transaction, cancellationToken: cancellationToken));
        var detail = $"{(old is { } o ? HiringRoles.Slug(o) : "none")} → {(role is { } n ? HiringRoles.Slug(n) : "none")}";
        await AuditAsync(connection, transaction, workspaceId, at, actorId, AuditAction.RoleChanged, userId, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RoleChange.Changed;
    }

    public async Task AddPositionAsync(Position position, string actorId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO positions ({PositionRow.Columns}) VALUES (@WorkspaceId, @Id, @Title, @Level, @Variant, @LoopTemplateId, @Weights, @SqlProblems, @SqlMinutes, @TakeHome, @TakeHomeHours, @CreatedAt, @UpdatedAt)",
            PositionRow.Parameters(position), transaction, cancellationToken: cancellationToken));
        await AuditAsync(connection, transaction, position.WorkspaceId, position.CreatedAt, actorId, AuditAction.PositionCreated, position.Id,
            $"'{position.Title}'", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> UpdatePositionAsync(Position position, string actorId, string detail, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE positions SET title = @Title, level = @Level, variant = @Variant, loop_template_id = @LoopTemplateId,
                weights = @Weights, sql_problems = @SqlProblems, sql_minutes = @SqlMinutes, take_home = @TakeHome,
                take_home_hours = @TakeHomeHours, updated_at = @UpdatedAt
            WHERE workspace_id = @WorkspaceId AND id = @Id
            """, PositionRow.Parameters(position), transaction, cancellationToken: cancellationToken));
        if (changed != 1)
        {
            return false;
        }
        await AuditAsync(connection, transaction, position.WorkspaceId, position.UpdatedAt, actorId, AuditAction.PositionChanged, position.Id, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<Position?> GetPositionAsync(string workspaceId, string positionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
            $"SELECT {PositionRow.Columns} FROM positions WHERE workspace_id = @workspaceId AND id = @positionId",
            new { workspaceId, positionId }, cancellationToken: cancellationToken));
        return row?.ToPosition();
    }

    public async Task<IReadOnlyList<Position>> ListPositionsAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PositionRow>(new CommandDefinition(
            $"SELECT {PositionRow.Columns} FROM positions WHERE workspace_id = @workspaceId ORDER BY created_at DESC, id DESC",
            new { workspaceId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPosition())];
    }

    public async Task<KeysetPage<AuditEntry>> ListAuditPageAsync(string workspaceId, PageCursor? before, int pageSize, CancellationToken cancellationToken = default)
    {
        var size = KeysetPage.CheckSize(pageSize);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"""
            SELECT {AuditRow.Columns} FROM audit_log WHERE workspace_id = @workspaceId
                AND (@hasCursor = 0 OR at < @at OR (at = @at AND id < @id))
            ORDER BY at DESC, id DESC LIMIT @take
            """,
            new { workspaceId, hasCursor = before is null ? 0L : 1L, at = before is null ? 0 : Time.To(before.At), id = before?.Id ?? "", take = (long)size + 1 },
            cancellationToken: cancellationToken))).Select(r => r.ToEntry()).ToList();
        var next = rows.Count > size ? new PageCursor(rows[size - 1].At, rows[size - 1].Id) : null;
        return new KeysetPage<AuditEntry>([.. rows.Take(size)], next);
    }
}

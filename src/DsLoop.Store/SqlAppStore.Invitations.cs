using Dapper;
using DsLoop.Core.Hiring;

namespace DsLoop.Store;

// Invitations and the SQL screen's answers. Every statement names the workspace; every change audits itself.
internal abstract partial class SqlAppStore
{
    public async Task AddInvitationAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO invitations (workspace_id, id, position_id, candidate_name, candidate_email, exercise, token_hash, created_at, created_by, expires_at, resent_from)
            VALUES (@WorkspaceId, @Id, @PositionId, @CandidateName, @CandidateEmail, @Exercise, @TokenHash, @CreatedAt, @CreatedBy, @ExpiresAt, @ResentFrom)
            """,
            new
            {
                invitation.WorkspaceId,
                invitation.Id,
                invitation.PositionId,
                invitation.CandidateName,
                invitation.CandidateEmail,
                Exercise = invitation.Exercise.ToString(),
                invitation.TokenHash,
                CreatedAt = Time.To(invitation.CreatedAt),
                invitation.CreatedBy,
                ExpiresAt = Time.To(invitation.ExpiresAt),
                invitation.ResentFrom,
            }, transaction, cancellationToken: cancellationToken));
        var detail = $"{HiringExercises.Slug(invitation.Exercise)} of position {invitation.PositionId}, expires {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC"
            + (invitation.ResentFrom is { } earlier ? $"; resent from {earlier}" : "");
        await AuditAsync(connection, transaction, invitation.WorkspaceId, invitation.CreatedAt, invitation.CreatedBy,
            AuditAction.InvitationCreated, invitation.Id, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Invitation?> GetInvitationAsync(string workspaceId, string invitationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            $"SELECT {InvitationRow.Columns} FROM invitations WHERE workspace_id = @workspaceId AND id = @invitationId",
            new { workspaceId, invitationId }, cancellationToken: cancellationToken));
        return row?.ToInvitation();
    }

    public async Task<IReadOnlyList<Invitation>> ListInvitationsAsync(string workspaceId, string positionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(
            $"SELECT {InvitationRow.Columns} FROM invitations WHERE workspace_id = @workspaceId AND position_id = @positionId ORDER BY created_at DESC, id DESC",
            new { workspaceId, positionId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToInvitation())];
    }

    public async Task<bool> OpenInvitationAsync(string workspaceId, string invitationId, string sessionHash, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE invitations SET opened_at = @at, session_hash = @sessionHash
            WHERE workspace_id = @workspaceId AND id = @invitationId AND opened_at IS NULL AND revoked_at IS NULL AND expires_at > @at
            """, new { workspaceId, invitationId, sessionHash, at = Time.To(at) }, transaction, cancellationToken: cancellationToken));
        if (changed != 1)
        {
            return false;
        }
        await AuditAsync(connection, transaction, workspaceId, at, AuditEntry.Candidate(invitationId), AuditAction.InvitationOpened, invitationId,
            "the candidate opened the link", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RevokeInvitationAsync(string workspaceId, string invitationId, string actorId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitations SET revoked_at = @at WHERE workspace_id = @workspaceId AND id = @invitationId AND revoked_at IS NULL",
            new { workspaceId, invitationId, at = Time.To(at) }, transaction, cancellationToken: cancellationToken));
        if (changed != 1)
        {
            return false;
        }
        await AuditAsync(connection, transaction, workspaceId, at, actorId, AuditAction.InvitationRevoked, invitationId, "revoked", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> RecordExpiriesAsync(string workspaceId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        var due = (await connection.QueryAsync<(string Id, long ExpiresAt)>(new CommandDefinition(
            """
            SELECT id, expires_at FROM invitations WHERE workspace_id = @workspaceId AND expires_at <= @at
                AND opened_at IS NULL AND revoked_at IS NULL AND expiry_recorded_at IS NULL
            """, new { workspaceId, at = Time.To(at) }, transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var (id, expiresAt) in due)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE invitations SET expiry_recorded_at = @at WHERE workspace_id = @workspaceId AND id = @id",
                new { workspaceId, id, at = Time.To(at) }, transaction, cancellationToken: cancellationToken));
            await AuditAsync(connection, transaction, workspaceId, Time.From(expiresAt), AuditEntry.System, AuditAction.InvitationExpired, id,
                "expired unopened", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    public async Task<bool> StartExerciseAsync(string workspaceId, string invitationId, DateTimeOffset at, DateTimeOffset deadline, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE invitations SET started_at = @at, deadline_at = @deadline
            WHERE workspace_id = @workspaceId AND id = @invitationId AND opened_at IS NOT NULL AND revoked_at IS NULL AND started_at IS NULL
            """, new { workspaceId, invitationId, at = Time.To(at), deadline = Time.To(deadline) }, transaction, cancellationToken: cancellationToken));
        if (changed != 1)
        {
            return false;
        }
        await AuditAsync(connection, transaction, workspaceId, at, AuditEntry.Candidate(invitationId), AuditAction.ExerciseStarted, invitationId,
            $"deadline {deadline:yyyy-MM-dd HH:mm:ss} UTC", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SaveAnswerAsync(string workspaceId, string invitationId, string problemId, string sql, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        var open = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM invitations WHERE workspace_id = @workspaceId AND id = @invitationId
                AND started_at IS NOT NULL AND finished_at IS NULL AND revoked_at IS NULL AND deadline_at > @at
            """, new { workspaceId, invitationId, at = Time.To(at) }, transaction, cancellationToken: cancellationToken));
        if (open != 1)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO hiring_answers (workspace_id, invitation_id, problem_id, sql, saved_at) VALUES (@workspaceId, @invitationId, @problemId, @sql, @at)
            ON CONFLICT (workspace_id, invitation_id, problem_id) DO UPDATE SET sql = excluded.sql, saved_at = excluded.saved_at
            """, new { workspaceId, invitationId, problemId, sql, at = Time.To(at) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<HiringAnswer>> ListAnswersAsync(string workspaceId, string invitationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            "SELECT problem_id, sql, saved_at, verdict FROM hiring_answers WHERE workspace_id = @workspaceId AND invitation_id = @invitationId ORDER BY problem_id",
            new { workspaceId, invitationId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer())];
    }

    public async Task<bool> FinishExerciseAsync(
        string workspaceId, string invitationId, IReadOnlyDictionary<string, string> verdicts, double score, DateTimeOffset at, string actor,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE invitations SET finished_at = @at, score = @score
            WHERE workspace_id = @workspaceId AND id = @invitationId AND started_at IS NOT NULL AND finished_at IS NULL
            """, new { workspaceId, invitationId, score, at = Time.To(at) }, transaction, cancellationToken: cancellationToken));
        if (changed != 1)
        {
            return false;
        }
        foreach (var (problemId, verdict) in verdicts)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE hiring_answers SET verdict = @verdict WHERE workspace_id = @workspaceId AND invitation_id = @invitationId AND problem_id = @problemId",
                new { workspaceId, invitationId, problemId, verdict }, transaction, cancellationToken: cancellationToken));
        }
        await AuditAsync(connection, transaction, workspaceId, at, actor, AuditAction.ExerciseScored, invitationId,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"score {score:0.###}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

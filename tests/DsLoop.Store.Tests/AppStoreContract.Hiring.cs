using DsLoop.Core;
using DsLoop.Core.Hiring;
using Xunit;

namespace DsLoop.Store.Tests;

// The hiring tables, on both engines.
public abstract partial class AppStoreContract
{
    private static readonly DateTimeOffset H0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static Position NewPosition(string workspaceId, string title = "Senior DS") => new(
        Ids.New(), workspaceId, title, Level.SeniorDataScientist, CompanyVariant.Consumer, "senior-consumer", ScorecardWeights.Default,
        new SqlScreen(["daily-active-users", "dq-bot-impact-by-platform"], 30), new TakeHome(TakeHomeCase.KpiDrop, 3), H0, H0);

    private static Invitation NewInvitation(string workspaceId, string positionId, string by, DateTimeOffset at, string hash = "ab") =>
        new(Ids.New(), workspaceId, positionId, "Cleo", "cleo@example.com", HiringExercise.SqlScreen, hash, at, by, at.AddDays(7));

    private static async Task<(IHiringStore Hiring, User Admin, Workspace Workspace)> WorkspaceAsync(IAppStore store)
    {
        var admin = (await store.CreateUserAsync("ada", "hash", UserRole.Candidate))!;
        var workspace = await store.Hiring.CreateWorkspaceAsync("Growth", admin.Id, H0);
        return (store.Hiring, admin, workspace);
    }

    private static async Task<List<AuditEntry>> AuditAsync(IHiringStore hiring, string workspaceId) =>
        [.. (await hiring.ListAuditPageAsync(workspaceId, null, KeysetPage.MaxSize)).Items];

    [SkippableFact]
    public async Task Creating_a_workspace_makes_its_creator_admin_and_audits_both()
    {
        await using var store = await OpenFreshAsync();
        var (hiring, admin, workspace) = await WorkspaceAsync(store);
        var seat = await hiring.GetSeatAsync(workspace.Id, admin.Id);
        Assert.Equal(HiringRole.Admin, seat!.Role);
        Assert.Equal("Growth", seat.Workspace.Name);
        var audit = await AuditAsync(hiring, workspace.Id);
        Assert.Equal([AuditAction.RoleChanged, AuditAction.WorkspaceCreated], audit.Select(a => a.Action).Order().Reverse());
    }

    [SkippableFact]
    public async Task Rows_of_one_workspace_are_not_found_through_another()
    {
        await using var store = await OpenFreshAsync();
        var (hiring, admin, mine) = await WorkspaceAsync(store);
        var theirs = await hiring.CreateWorkspaceAsync("Other", admin.Id, H0);
        var position = NewPosition(mine.Id);
        await hiring.AddPositionAsync(position, admin.Id);
        var invitation = NewInvitation(mine.Id, position.Id, admin.Id, H0);
        await hiring.AddInvitationAsync(invitation);

        Assert.NotNull(await hiring.GetPositionAsync(mine.Id, position.Id));
        Assert.Null(await hiring.GetPositionAsync(theirs.Id, position.Id));
        Assert.Empty(await hiring.ListPositionsAsync(theirs.Id));
        Assert.Null(await hiring.GetInvitationAsync(theirs.Id, invitation.Id));
        Assert.Empty(await hiring.ListInvitationsAsync(theirs.Id, position.Id));
        Assert.False(await hiring.RevokeInvitationAsync(theirs.Id, invitation.Id, admin.Id, H0));
        Assert.False(await hiring.OpenInvitationAsync(theirs.Id, invitation.Id, "s", H0));
        Assert.DoesNotContain(await AuditAsync(hiring, theirs.Id), a => a.Subject == invitation.Id || a.Subject == position.Id);
    }

    [SkippableFact]
    public async Task Role_changes_are_audited_old_to_new_and_the_last_admin_stays()
    {
        await using var store = await OpenFreshAsync();
        var (hiring, admin, workspace) = await WorkspaceAsync(store);
        var rita = (await store.CreateUserAsync("rita", "hash", UserRole.Candidate))!;

        Assert.Equal(RoleChange.Changed, await hiring.SetRoleAsync(workspace.Id, rita.Id, HiringRole.Recruiter, admin.Id, H0.AddMinutes(1)));
        Assert.Equal(RoleChange.Unchanged, await hiring.SetRoleAsync(workspace.Id, rita.Id, HiringRole.Recruiter, admin.Id, H0.AddMinutes(2)));
        Assert.Equal(RoleChange.Changed, await hiring.SetRoleAsync(workspace.Id, rita.Id, HiringRole.HiringManager, admin.Id, H0.AddMinutes(3)));
        Assert.Equal(RoleChange.LastAdmin, await hiring.SetRoleAsync(workspace.Id, admin.Id, HiringRole.Interviewer, admin.Id, H0.AddMinutes(4)));
        Assert.Equal(RoleChange.LastAdmin, await hiring.SetRoleAsync(workspace.Id, admin.Id, null, admin.Id, H0.AddMinutes(4)));
        Assert.Equal(RoleChange.NoSuchUser, await hiring.SetRoleAsync(workspace.Id, "no-such-user", HiringRole.Interviewer, admin.Id, H0.AddMinutes(5)));
        Assert.Equal(RoleChange.Changed, await hiring.SetRoleAsync(workspace.Id, rita.Id, null, admin.Id, H0.AddMinutes(6)));

        Assert.Null(await hiring.GetSeatAsync(workspace.Id, rita.Id));
        var changes = (await AuditAsync(hiring, workspace.Id)).Where(a => a.Action == AuditAction.RoleChanged && a.Subject == rita.Id).ToList();
        Assert.Equal(["hiring-manager → none", "recruiter → hiring-manager", "none → recruiter"], changes.Select(c => c.Detail));
    }

    [SkippableFact]
    public async Task Seats_list_only_the_users_own_workspaces()
    {
        await using var store = await OpenFreshAsync();
        var (hiring, admin, workspace) = await WorkspaceAsync(store);
        var ivan = (await store.CreateUserAsync("ivan", "hash", UserRole.Candidate))!;
        await hiring.CreateWorkspaceAsync("Not Ivan's", admin.Id, H0);
        await hiring.SetRoleAsync(workspace.Id, ivan.Id, HiringRole.Interviewer, admin.Id, H0);
        var seats = await hiring.ListSeatsAsync(ivan.Id);
        Assert.Equal([(workspace.Id, HiringRole.Interviewer)], seats.Select(s => (s.Workspace.Id, s.Role)));
        Assert.Equal(2, (await hiring.ListSeatsAsync(admin.Id)).Count);
    }

    [SkippableFact]
    public async Task Positions_round_trip_and_changes_are_audited()
    {
        await using var store = await OpenFreshAsync();
        var (hiring, admin, workspace) = await WorkspaceAsync(store);
        var position = NewPosition(workspace.Id);
        await hiring.AddPositionAsync(position, admin.Id);
        var loaded = await hiring.GetPositionAsync(workspace.Id, position.Id);
        Assert.Equal(position.Title, loaded!.Title);
        Assert.Equal(position.Weights, loaded.Weights);
        Assert.Equal(position.Sql.ProblemIds, loaded.Sql.ProblemIds);
        Assert.Equal(position.TakeHome, loaded.TakeHome);

        var changed = position with { Title = "Staff DS", UpdatedAt = H0.AddHours(1) };
        Assert.True(await hiring.UpdatePositionAsync(changed, admin.Id, "changed title"));
        Assert.Equal("Staff DS", (await hiring.GetPositionAsync(workspace.Id, position.Id))!.Title);
        var audit = await AuditAsync(hiring, workspace.Id);
        Assert.Contains(audit, a => a.Action == AuditAction.PositionCreated && a.Subject == position.Id);
        Assert.Contains(audit, a => a.Action == AuditAction.PositionChanged && a.Subject == position.Id && a.Detail == "changed title");
    }

    [SkippableFact]
    public async Task An_invitation_opens_once_and_never_when_revoked_or_expired()
    {
        await using var store = await OpenFreshAsync();
        var (hiring, admin, workspace) = await WorkspaceAsync(store);
        var position = NewPosition(workspace.Id);
        await hiring.AddPositionAsync(position, admin.Id);
        var once = NewInvitation(workspace.Id, position.Id, admin.Id, H0);
        var revoked = NewInvitation(workspace.Id, position.Id, admin.Id, H0);
        var expired = NewInvitation(workspace.Id, position.Id, admin.Id, H0);
        foreach (var invitation in new[] { once, revoked, expired })
        {
            await hiring.AddInvitationAsync(invitation);
        }

        Assert.True(await hiring.OpenInvitationAsync(workspace.Id, once.Id, "session-hash", H0.AddDays(1)));
        Assert.False(await hiring.OpenInvitationAsync(workspace.Id, once.Id, "another", H0.AddDays(1)));
        Assert.Equal("session-hash", (await hiring.GetInvitationAsync(workspace.Id, once.Id))!.SessionHash);
        Assert.True(await hiring.RevokeInvitationAsync(workspace.Id, revoked.Id, admin.Id, H0.AddDays(1)));
        Assert.False(await hiring.RevokeInvitationAsync(workspace.Id, revoked.Id, admin.Id, H0.AddDays(1)));
        Assert.False(await hiring.OpenInvitationAsync(workspace.Id, revoked.Id, "s", H0.AddDays(1)));
        Assert.False(await hiring.OpenInvitationAsync(workspace.Id, expired.Id, "s", H0.AddDays(7)));

        Assert.Equal(1, await hiring.RecordExpiriesAsync(workspace.Id, H0.AddDays(8)));
        Assert.Equal(0, await hiring.RecordExpiriesAsync(workspace.Id, H0.AddDays(9)));
        var audit = await AuditAsync(hiring, workspace.Id);
        Assert.Equal(3, audit.Count(a => a.Action == AuditAction.InvitationCreated));
        Assert.Equal([once.Id], audit.Where(a => a.Action == AuditAction.InvitationOpened).Select(a => a.Subject));
        Assert.Equal([revoked.Id], audit.Where(a => a.Action == AuditAction.InvitationRevoked).Select(a => a.Subject));
        Assert.Equal([expired.Id], audit.Where(a => a.Action == AuditAction.InvitationExpired).Select(a => a.Subject));
    }

    [SkippableFact]
    public async Task Answers_save_only_while_the_exercise_runs_and_it_is_scored_once()
    {
        await using var store = await OpenFreshAsync();
        var (hiring, admin, workspace) = await WorkspaceAsync(store);
        var position = NewPosition(workspace.Id);
        await hiring.AddPositionAsync(position, admin.Id);
        var invitation = NewInvitation(workspace.Id, position.Id, admin.Id, H0);
        await hiring.AddInvitationAsync(invitation);

        Assert.False(await hiring.StartExerciseAsync(workspace.Id, invitation.Id, H0, H0.AddMinutes(30)));
        Assert.True(await hiring.OpenInvitationAsync(workspace.Id, invitation.Id, "s", H0));
        Assert.False(await hiring.SaveAnswerAsync(workspace.Id, invitation.Id, "daily-active-users", "select 1", H0));
        Assert.True(await hiring.StartExerciseAsync(workspace.Id, invitation.Id, H0, H0.AddMinutes(30)));
        Assert.False(await hiring.StartExerciseAsync(workspace.Id, invitation.Id, H0.AddMinutes(1), H0.AddMinutes(31)));
        Assert.True(await hiring.SaveAnswerAsync(workspace.Id, invitation.Id, "daily-active-users", "select 1", H0.AddMinutes(5)));
        Assert.True(await hiring.SaveAnswerAsync(workspace.Id, invitation.Id, "daily-active-users", "select 2", H0.AddMinutes(6)));
        Assert.False(await hiring.SaveAnswerAsync(workspace.Id, invitation.Id, "daily-active-users", "select 3", H0.AddMinutes(30)));
        Assert.Equal("select 2", (await hiring.ListAnswersAsync(workspace.Id, invitation.Id)).Single().Sql);

        var verdicts = new Dictionary<string, string> { ["daily-active-users"] = "correct" };
        Assert.True(await hiring.FinishExerciseAsync(workspace.Id, invitation.Id, verdicts, 0.5, H0.AddMinutes(31), AuditEntry.System));
        Assert.False(await hiring.FinishExerciseAsync(workspace.Id, invitation.Id, verdicts, 1, H0.AddMinutes(32), AuditEntry.System));
        var finished = (await hiring.GetInvitationAsync(workspace.Id, invitation.Id))!;
        Assert.Equal(0.5, finished.Score);
        Assert.Equal("correct", (await hiring.ListAnswersAsync(workspace.Id, invitation.Id)).Single().Verdict);
        Assert.Single(await AuditAsync(hiring, workspace.Id), a => a.Action == AuditAction.ExerciseScored);
    }

    [SkippableFact]
    public async Task The_audit_log_pages_newest_first_with_each_row_once()
    {
        await using var store = await OpenFreshAsync();
        var (hiring, admin, workspace) = await WorkspaceAsync(store);
        for (var i = 0; i < 5; i++)
        {
            await hiring.AddPositionAsync(NewPosition(workspace.Id, $"P{i}") with { CreatedAt = H0.AddMinutes(i + 1) }, admin.Id);
        }
        var seen = new List<AuditEntry>();
        PageCursor? cursor = null;
        do
        {
            var page = await hiring.ListAuditPageAsync(workspace.Id, cursor, 2);
            seen.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        Assert.Equal(7, seen.Count);
        Assert.Equal(seen.Count, seen.Select(e => e.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(e => e.At).ThenByDescending(e => e.Id, StringComparer.Ordinal).Select(e => e.Id), seen.Select(e => e.Id));
    }
}

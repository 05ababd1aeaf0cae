using DsLoop.App.Hiring;
using DsLoop.Core.Hiring;
using Xunit;

namespace DsLoop.App.Tests.Hiring;

public sealed class InvitationServiceTests
{
    private static async Task<IssuedInvitation> InviteAsync(HiringFixture f, string email = "cleo@example.com") =>
        (await f.Invitations.InviteAsync(f.Members[HiringRole.Recruiter], f.Position.Id, "Cleo", email, "sql-screen")).Value!;

    private static (string Workspace, string Invitation, string Token) Parts(IssuedInvitation issued) =>
        (issued.Invitation.WorkspaceId, issued.Invitation.Id, issued.Token);

    [Fact]
    public async Task The_token_is_256_random_bits_and_only_its_sha256_is_stored()
    {
        await using var f = await HiringFixture.StartAsync();
        var issued = await InviteAsync(f);
        Assert.Equal(43, issued.Token.Length);
        var stored = (await f.Store.Hiring.GetInvitationAsync(f.Workspace.Id, issued.Invitation.Id))!;
        Assert.Equal(InvitationTokens.Hash(issued.Token), stored.TokenHash);
        Assert.DoesNotContain(issued.Token, stored.TokenHash, StringComparison.Ordinal);
        Assert.NotEqual(issued.Token, (await InviteAsync(f)).Token);
    }

    [Fact]
    public async Task A_link_opens_once_and_the_second_use_is_refused()
    {
        await using var f = await HiringFixture.StartAsync();
        var (w, i, t) = Parts(await InviteAsync(f));
        var first = await f.Invitations.OpenAsync(w, i, t);
        Assert.Equal(LinkStatus.Usable, first.Status);
        Assert.NotNull(first.SessionSecret);
        var second = await f.Invitations.OpenAsync(w, i, t);
        Assert.Equal(LinkStatus.Used, second.Status);
        Assert.Null(second.SessionSecret);
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_its_expiry_audited_once()
    {
        await using var f = await HiringFixture.StartAsync();
        var (w, i, t) = Parts(await InviteAsync(f));
        f.Time.Now += TimeSpan.FromDays(7);
        Assert.Equal(LinkStatus.Expired, (await f.Invitations.OpenAsync(w, i, t)).Status);
        Assert.Equal(LinkStatus.Expired, await f.Invitations.CheckLinkAsync(w, i, t));
        Assert.Single(await f.AuditAsync(), a => a.Action == AuditAction.InvitationExpired && a.Subject == i);
    }

    [Fact]
    public async Task A_revoked_link_is_refused_and_an_open_session_ends()
    {
        await using var f = await HiringFixture.StartAsync();
        var (w, i, t) = Parts(await InviteAsync(f));
        var revokedEarly = Parts(await InviteAsync(f));
        var (_, session) = await f.Invitations.OpenAsync(w, i, t);
        Assert.NotNull(await f.Invitations.SessionAsync(w, i, session));

        Assert.True((await f.Invitations.RevokeAsync(f.Members[HiringRole.Recruiter], i)).Ok);
        Assert.True((await f.Invitations.RevokeAsync(f.Members[HiringRole.Admin], revokedEarly.Invitation)).Ok);

        Assert.Null(await f.Invitations.SessionAsync(w, i, session));
        Assert.Equal(LinkStatus.Revoked, (await f.Invitations.OpenAsync(revokedEarly.Workspace, revokedEarly.Invitation, revokedEarly.Token)).Status);
        Assert.Equal(2, (await f.AuditAsync()).Count(a => a.Action == AuditAction.InvitationRevoked));
    }

    [Fact]
    public async Task A_tampered_token_or_another_invitations_token_finds_nothing()
    {
        await using var f = await HiringFixture.StartAsync();
        var (w, i, t) = Parts(await InviteAsync(f));
        var other = Parts(await InviteAsync(f));
        var flipped = (t[0] == 'A' ? "B" : "A") + t[1..];
        Assert.Equal(LinkStatus.Unknown, (await f.Invitations.OpenAsync(w, i, flipped)).Status);
        Assert.Equal(LinkStatus.Unknown, (await f.Invitations.OpenAsync(w, i, t + "x")).Status);
        Assert.Equal(LinkStatus.Unknown, (await f.Invitations.OpenAsync(w, i, other.Token)).Status);
        Assert.Equal(LinkStatus.Unknown, (await f.Invitations.OpenAsync(f.Outsider.WorkspaceId, i, t)).Status);
        Assert.Equal(LinkStatus.Unknown, (await f.Invitations.OpenAsync(w, i, "")).Status);
        // Nothing was opened by the attempts: the right token still works.
        Assert.Equal(LinkStatus.Usable, (await f.Invitations.OpenAsync(w, i, t)).Status);
    }

    [Fact]
    public async Task A_wrong_token_on_a_used_invitation_learns_nothing_about_its_state()
    {
        await using var f = await HiringFixture.StartAsync();
        var (w, i, t) = Parts(await InviteAsync(f));
        await f.Invitations.OpenAsync(w, i, t);
        Assert.Equal(LinkStatus.Unknown, await f.Invitations.CheckLinkAsync(w, i, "guess"));
    }

    [Fact]
    public async Task A_session_secret_other_than_the_one_issued_is_refused()
    {
        await using var f = await HiringFixture.StartAsync();
        var (w, i, t) = Parts(await InviteAsync(f));
        var (_, session) = await f.Invitations.OpenAsync(w, i, t);
        Assert.Null(await f.Invitations.SessionAsync(w, i, t));
        Assert.Null(await f.Invitations.SessionAsync(w, i, session + "x"));
        Assert.Null(await f.Invitations.SessionAsync(f.Outsider.WorkspaceId, i, session));
    }

    [Fact]
    public async Task Resending_makes_a_new_link_and_leaves_the_earlier_invitation_working()
    {
        await using var f = await HiringFixture.StartAsync();
        var first = await InviteAsync(f);
        var again = (await f.Invitations.ResendAsync(f.Members[HiringRole.Recruiter], first.Invitation.Id)).Value!;
        Assert.NotEqual(first.Invitation.Id, again.Invitation.Id);
        Assert.Equal(first.Invitation.Id, again.Invitation.ResentFrom);
        Assert.Equal(LinkStatus.Usable, (await f.Invitations.OpenAsync(first.Invitation.WorkspaceId, first.Invitation.Id, first.Token)).Status);
        Assert.Equal(LinkStatus.Usable, (await f.Invitations.OpenAsync(again.Invitation.WorkspaceId, again.Invitation.Id, again.Token)).Status);
        Assert.Contains(await f.AuditAsync(), a => a.Action == AuditAction.InvitationCreated && a.Subject == again.Invitation.Id && a.Detail.Contains(first.Invitation.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_is_audited_with_the_candidate_as_actor()
    {
        await using var f = await HiringFixture.StartAsync();
        var (w, i, t) = Parts(await InviteAsync(f));
        await f.Invitations.OpenAsync(w, i, t);
        var audit = await f.AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditAction.InvitationCreated && a.Subject == i && a.Actor == f.Members[HiringRole.Recruiter].UserId);
        Assert.Contains(audit, a => a.Action == AuditAction.InvitationOpened && a.Subject == i && a.Actor == AuditEntry.Candidate(i));
        Assert.DoesNotContain(audit, a => a.Detail.Contains(t, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HiringRole.HiringManager)]
    [InlineData(HiringRole.Interviewer)]
    public async Task Only_admins_and_recruiters_invite_resend_and_revoke(HiringRole role)
    {
        await using var f = await HiringFixture.StartAsync();
        var issued = await InviteAsync(f);
        var member = f.Members[role];
        Assert.Equal(HiringRefusal.Forbidden, (await f.Invitations.InviteAsync(member, f.Position.Id, "X", "x@example.com", "sql-screen")).Refusal);
        Assert.Equal(HiringRefusal.Forbidden, (await f.Invitations.ResendAsync(member, issued.Invitation.Id)).Refusal);
        Assert.Equal(HiringRefusal.Forbidden, (await f.Invitations.RevokeAsync(member, issued.Invitation.Id)).Refusal);
    }

    [Fact]
    public async Task Another_workspace_cannot_reach_the_position_or_the_invitation()
    {
        await using var f = await HiringFixture.StartAsync();
        var issued = await InviteAsync(f);
        Assert.Equal(HiringRefusal.NotFound, (await f.Invitations.InviteAsync(f.Outsider, f.Position.Id, "X", "x@example.com", "sql-screen")).Refusal);
        Assert.Equal(HiringRefusal.NotFound, (await f.Invitations.RevokeAsync(f.Outsider, issued.Invitation.Id)).Refusal);
        Assert.Equal(HiringRefusal.NotFound, (await f.Invitations.ResendAsync(f.Outsider, issued.Invitation.Id)).Refusal);
    }

    [Theory]
    [InlineData("", "cleo@example.com", "sql-screen", "CandidateName")]
    [InlineData("Cleo", "cleo", "sql-screen", "CandidateEmail")]
    [InlineData("Cleo", "Cleo <cleo@example.com>", "sql-screen", "CandidateEmail")]
    [InlineData("Cleo", "cleo@localhost", "sql-screen", "CandidateEmail")]
    [InlineData("Cleo", "cleo@example.com", "live", "Exercise")]
    public async Task Bad_input_names_the_field_and_writes_nothing(string name, string email, string exercise, string field)
    {
        await using var f = await HiringFixture.StartAsync();
        var before = (await f.AuditAsync()).Count;
        var refused = await f.Invitations.InviteAsync(f.Members[HiringRole.Recruiter], f.Position.Id, name, email, exercise);
        Assert.Equal(HiringRefusal.BadInput, refused.Refusal);
        Assert.StartsWith(field + ":", refused.Problem, StringComparison.Ordinal);
        Assert.Equal(before, (await f.AuditAsync()).Count);
        Assert.Empty(await f.Store.Hiring.ListInvitationsAsync(f.Workspace.Id, f.Position.Id));
    }
}

using DsLoop.Core.Hiring;
using Xunit;

namespace DsLoop.Core.Tests.Hiring;

public sealed class HiringRolesTests
{
    [Fact]
    public void Only_admins_manage_members_and_read_the_audit_log()
    {
        foreach (var role in HiringRoles.All)
        {
            Assert.Equal(role == HiringRole.Admin, HiringRoles.Allows(role, HiringPermission.ManageMembers));
            Assert.Equal(role == HiringRole.Admin, HiringRoles.Allows(role, HiringPermission.ViewAudit));
        }
    }

    [Fact]
    public void Admins_and_recruiters_manage_invitations_hiring_managers_and_interviewers_do_not()
    {
        Assert.True(HiringRoles.Allows(HiringRole.Admin, HiringPermission.ManageInvitations));
        Assert.True(HiringRoles.Allows(HiringRole.Recruiter, HiringPermission.ManageInvitations));
        Assert.False(HiringRoles.Allows(HiringRole.HiringManager, HiringPermission.ManageInvitations));
        Assert.False(HiringRoles.Allows(HiringRole.Interviewer, HiringPermission.ManageInvitations));
    }

    [Fact]
    public void Interviewers_see_positions_but_no_candidate_and_change_nothing()
    {
        var allowed = Enum.GetValues<HiringPermission>().Where(p => HiringRoles.Allows(HiringRole.Interviewer, p));
        Assert.Equal([HiringPermission.ViewPositions, HiringPermission.ViewMembers], allowed);
    }

    [Fact]
    public void Every_role_round_trips_through_its_slug_and_unknown_slugs_are_refused()
    {
        foreach (var role in HiringRoles.All)
        {
            Assert.True(HiringRoles.TryParse(HiringRoles.Slug(role), out var parsed));
            Assert.Equal(role, parsed);
        }
        Assert.False(HiringRoles.TryParse("owner", out _));
        Assert.False(HiringRoles.TryParse(null, out _));
    }

    [Fact]
    public void Invitation_state_follows_revocation_then_opening_then_expiry()
    {
        var t0 = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
        var invitation = new Invitation("i", "w", "p", "Cleo", "c@example.com", HiringExercise.SqlScreen, "h", t0, "u", t0.AddDays(7));
        Assert.Equal(InvitationState.Pending, invitation.StateAt(t0.AddDays(6)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(t0.AddDays(7)));
        Assert.Equal(InvitationState.Opened, (invitation with { OpenedAt = t0.AddDays(1) }).StateAt(t0.AddDays(8)));
        Assert.Equal(InvitationState.Revoked, (invitation with { OpenedAt = t0.AddDays(1), RevokedAt = t0.AddDays(2) }).StateAt(t0.AddDays(3)));
    }
}

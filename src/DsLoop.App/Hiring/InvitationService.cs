using System.Net.Mail;
using DsLoop.Core;
using DsLoop.Core.Hiring;
using DsLoop.Store;

namespace DsLoop.App.Hiring;

/// <summary>A new invitation with the token its link carries; the token exists only here and in the link.</summary>
/// <param name="Invitation">The stored invitation (holding only the token's hash).</param>
/// <param name="Token">The link's secret.</param>
public sealed record IssuedInvitation(Invitation Invitation, string Token)
{
    /// <summary>The link's path; the recruiter copies it with the site's address in front.</summary>
    public string Path => InvitationService.LinkPath(Invitation.WorkspaceId, Invitation.Id, Token);
}

/// <summary>Why a link did not open.</summary>
public enum LinkStatus
{
    /// <summary>The link is good and unused.</summary>
    Usable,
    /// <summary>No invitation with that id and token: a tampered, mistyped or another invitation's token.</summary>
    Unknown,
    /// <summary>The link was opened already (it opens once).</summary>
    Used,
    /// <summary>The link is past its expiry.</summary>
    Expired,
    /// <summary>The team revoked the invitation.</summary>
    Revoked,
}

/// <summary>
/// Invitations: recruiters (and admins) invite, resend and revoke; the candidate's link opens once and exchanges itself
/// for a session whose secret's hash is kept on the invitation.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="settings">Link lifetime.</param>
/// <param name="clock">Times of creation, opening and expiry.</param>
public sealed class InvitationService(IAppStore store, HiringSettings settings, TimeProvider clock)
{
    /// <summary>The path of an invitation link.</summary>
    public static string LinkPath(string workspaceId, string invitationId, string token) => $"/join/{workspaceId}/{invitationId}/{token}";

    /// <summary>Invites a candidate (name, email) to one exercise of a position; the link is in the result, nowhere else.</summary>
    public async Task<HiringOutcome<IssuedInvitation>> InviteAsync(
        HiringMember member, string? positionId, string? name, string? email, string? exercise, CancellationToken cancellationToken = default)
    {
        if (!member.May(HiringPermission.ManageInvitations))
        {
            return HiringOutcome<IssuedInvitation>.Forbidden(HiringPermission.ManageInvitations);
        }
        var position = string.IsNullOrEmpty(positionId) || positionId.Length > 64 ? null : await store.Hiring.GetPositionAsync(member.WorkspaceId, positionId, cancellationToken);
        if (position is null)
        {
            return HiringOutcome<IssuedInvitation>.No(HiringRefusal.NotFound, "No such position in this workspace.");
        }
        var rawName = name ?? "";
        if (rawName.Length > Invitation.MaxNameLength || string.IsNullOrWhiteSpace(rawName) || rawName.Any(char.IsControl))
        {
            return HiringOutcome<IssuedInvitation>.No(HiringRefusal.BadInput, $"CandidateName: give the candidate's name (1 to {Invitation.MaxNameLength} characters, no control characters).");
        }
        var rawEmail = email?.Trim() ?? "";
        if (rawEmail.Length > Invitation.MaxEmailLength || !MailAddress.TryCreate(rawEmail, out var address)
            || address.Address != rawEmail || address.DisplayName.Length > 0 || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return HiringOutcome<IssuedInvitation>.No(HiringRefusal.BadInput, $"CandidateEmail: '{WorkspaceService.Short(email)}' is not an email address like name@example.com.");
        }
        if (!HiringExercises.TryParseExercise(exercise, out var kind))
        {
            return HiringOutcome<IssuedInvitation>.No(HiringRefusal.BadInput, $"Exercise: '{WorkspaceService.Short(exercise)}' is not sql-screen or take-home.");
        }
        return HiringOutcome<IssuedInvitation>.Done(await IssueAsync(member, position.Id, rawName.Trim(), rawEmail, kind, null, cancellationToken));
    }

    /// <summary>Sends an invitation again: a new invitation with a new link; the earlier one is left exactly as it was.</summary>
    public async Task<HiringOutcome<IssuedInvitation>> ResendAsync(HiringMember member, string? invitationId, CancellationToken cancellationToken = default)
    {
        if (!member.May(HiringPermission.ManageInvitations))
        {
            return HiringOutcome<IssuedInvitation>.Forbidden(HiringPermission.ManageInvitations);
        }
        var earlier = await FindAsync(member, invitationId, cancellationToken);
        return earlier is null
            ? HiringOutcome<IssuedInvitation>.No(HiringRefusal.NotFound, "No such invitation in this workspace.")
            : HiringOutcome<IssuedInvitation>.Done(await IssueAsync(member, earlier.PositionId, earlier.CandidateName, earlier.CandidateEmail, earlier.Exercise, earlier.Id, cancellationToken));
    }

    /// <summary>Revokes an invitation: its link stops opening and the candidate's session ends.</summary>
    public async Task<HiringOutcome<Invitation>> RevokeAsync(HiringMember member, string? invitationId, CancellationToken cancellationToken = default)
    {
        if (!member.May(HiringPermission.ManageInvitations))
        {
            return HiringOutcome<Invitation>.Forbidden(HiringPermission.ManageInvitations);
        }
        var invitation = await FindAsync(member, invitationId, cancellationToken);
        if (invitation is null)
        {
            return HiringOutcome<Invitation>.No(HiringRefusal.NotFound, "No such invitation in this workspace.");
        }
        if (!await store.Hiring.RevokeInvitationAsync(member.WorkspaceId, invitation.Id, member.UserId, clock.GetUtcNow(), cancellationToken))
        {
            return HiringOutcome<Invitation>.No(HiringRefusal.Conflict, "This invitation is revoked already.");
        }
        return HiringOutcome<Invitation>.Done((await store.Hiring.GetInvitationAsync(member.WorkspaceId, invitation.Id, cancellationToken))!);
    }

    /// <summary>A position's invitations, newest first, after auditing any that have expired since last looked at.</summary>
    public async Task<HiringOutcome<IReadOnlyList<Invitation>>> ListAsync(HiringMember member, string positionId, CancellationToken cancellationToken = default)
    {
        if (!member.May(HiringPermission.ViewInvitations))
        {
            return HiringOutcome<IReadOnlyList<Invitation>>.Forbidden(HiringPermission.ViewInvitations);
        }
        await store.Hiring.RecordExpiriesAsync(member.WorkspaceId, clock.GetUtcNow(), cancellationToken);
        return HiringOutcome<IReadOnlyList<Invitation>>.Done(await store.Hiring.ListInvitationsAsync(member.WorkspaceId, positionId, cancellationToken));
    }

    /// <summary>One invitation of the workspace, for those who may see invitations.</summary>
    public async Task<Invitation?> FindAsync(HiringMember member, string? invitationId, CancellationToken cancellationToken = default) =>
        !member.May(HiringPermission.ViewInvitations) || string.IsNullOrEmpty(invitationId) || invitationId.Length > 64
            ? null
            : await store.Hiring.GetInvitationAsync(member.WorkspaceId, invitationId, cancellationToken);

    /// <summary>What the link would do, without using it: the token is checked first, so a wrong token learns nothing about the state.</summary>
    public async Task<LinkStatus> CheckLinkAsync(string? workspaceId, string? invitationId, string? token, CancellationToken cancellationToken = default)
    {
        var invitation = await ByLinkAsync(workspaceId, invitationId, token, cancellationToken);
        if (invitation is null)
        {
            return LinkStatus.Unknown;
        }
        var status = invitation.StateAt(clock.GetUtcNow()) switch
        {
            InvitationState.Pending => LinkStatus.Usable,
            InvitationState.Opened => LinkStatus.Used,
            InvitationState.Revoked => LinkStatus.Revoked,
            _ => LinkStatus.Expired,
        };
        if (status == LinkStatus.Expired)
        {
            await store.Hiring.RecordExpiriesAsync(invitation.WorkspaceId, clock.GetUtcNow(), cancellationToken);
        }
        return status;
    }

    /// <summary>
    /// Uses the link once: when it is usable, marks the invitation opened and returns the new session's secret (its hash
    /// is stored); otherwise says why not.
    /// </summary>
    public async Task<(LinkStatus Status, string? SessionSecret)> OpenAsync(string? workspaceId, string? invitationId, string? token, CancellationToken cancellationToken = default)
    {
        var status = await CheckLinkAsync(workspaceId, invitationId, token, cancellationToken);
        if (status != LinkStatus.Usable)
        {
            return (status, null);
        }
        var (secret, hash) = InvitationTokens.New();
        // The store opens it only if still unopened, unrevoked and unexpired, so two racing opens give one session.
        return await store.Hiring.OpenInvitationAsync(workspaceId!, invitationId!, hash, clock.GetUtcNow(), cancellationToken)
            ? (LinkStatus.Usable, secret)
            : (LinkStatus.Used, null);
    }

    /// <summary>The invitation a candidate session belongs to, while the session is good: opened, not revoked, and its secret matching.</summary>
    public async Task<Invitation?> SessionAsync(string? workspaceId, string? invitationId, string? sessionSecret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(workspaceId) || string.IsNullOrEmpty(invitationId) || workspaceId.Length > 64 || invitationId.Length > 64)
        {
            return null;
        }
        var invitation = await store.Hiring.GetInvitationAsync(workspaceId, invitationId, cancellationToken);
        return invitation is { RevokedAt: null, OpenedAt: not null } && InvitationTokens.Matches(sessionSecret, invitation.SessionHash) ? invitation : null;
    }

    private async Task<Invitation?> ByLinkAsync(string? workspaceId, string? invitationId, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(workspaceId) || string.IsNullOrEmpty(invitationId) || workspaceId.Length > 64 || invitationId.Length > 64)
        {
            return null;
        }
        var invitation = await store.Hiring.GetInvitationAsync(workspaceId, invitationId, cancellationToken);
        return invitation is not null && InvitationTokens.Matches(token, invitation.TokenHash) ? invitation : null;
    }

    private async Task<IssuedInvitation> IssueAsync(
        HiringMember member, string positionId, string name, string email, HiringExercise exercise, string? resentFrom, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (token, hash) = InvitationTokens.New();
        var invitation = new Invitation(Ids.New(), member.WorkspaceId, positionId, name, email, exercise, hash, now, member.UserId, now + settings.InvitationLifetime)
        {
            ResentFrom = resentFrom,
        };
        await store.Hiring.AddInvitationAsync(invitation, cancellationToken);
        return new IssuedInvitation(invitation, token);
    }
}

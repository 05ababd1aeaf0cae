using DsLoop.Core;
using DsLoop.Core.Hiring;
using DsLoop.Store;

namespace DsLoop.App.Hiring;

/// <summary>Workspaces and their members: a site admin creates a workspace; its admins add members and change roles.</summary>
/// <param name="store">The store.</param>
/// <param name="clock">The time of each change.</param>
public sealed class WorkspaceService(IAppStore store, TimeProvider clock)
{
    /// <summary>
    /// Creates a workspace with <paramref name="creator"/> as its first admin. Only a site admin (the first account,
    /// <see cref="UserRole.Admin"/>) may.
    /// </summary>
    public async Task<HiringOutcome<Workspace>> CreateAsync(User creator, string? name, CancellationToken cancellationToken = default)
    {
        if (creator.Role != UserRole.Admin)
        {
            return HiringOutcome<Workspace>.No(HiringRefusal.Forbidden, "Only a site admin can create a workspace.");
        }
        var raw = name ?? "";
        if (raw.Length > Workspace.MaxNameLength)
        {
            return HiringOutcome<Workspace>.No(HiringRefusal.BadInput, $"Name: {raw.Length:N0} characters; the limit is {Workspace.MaxNameLength}.");
        }
        if (string.IsNullOrWhiteSpace(raw) || raw.Any(char.IsControl))
        {
            return HiringOutcome<Workspace>.No(HiringRefusal.BadInput, "Name: give the workspace a name (no control characters).");
        }
        return HiringOutcome<Workspace>.Done(await store.Hiring.CreateWorkspaceAsync(raw.Trim(), creator.Id, clock.GetUtcNow(), cancellationToken));
    }

    /// <summary>The workspaces the user belongs to, with their role in each.</summary>
    public Task<IReadOnlyList<WorkspaceSeat>> SeatsAsync(string userId, CancellationToken cancellationToken = default) =>
        store.Hiring.ListSeatsAsync(userId, cancellationToken);

    /// <summary>The members of the workspace (any member may see them).</summary>
    public async Task<HiringOutcome<IReadOnlyList<WorkspaceMember>>> MembersAsync(HiringMember member, CancellationToken cancellationToken = default) =>
        member.May(HiringPermission.ViewMembers)
            ? HiringOutcome<IReadOnlyList<WorkspaceMember>>.Done(await store.Hiring.ListMembersAsync(member.WorkspaceId, cancellationToken))
            : HiringOutcome<IReadOnlyList<WorkspaceMember>>.Forbidden(HiringPermission.ViewMembers);

    /// <summary>
    /// Adds the account named <paramref name="userName"/> with the role <paramref name="roleSlug"/>, changes their role,
    /// or removes them (<c>none</c>); audited in the same transaction. Admins only; the last admin stays.
    /// </summary>
    public async Task<HiringOutcome<string>> SetRoleAsync(HiringMember member, string? userName, string? roleSlug, CancellationToken cancellationToken = default)
    {
        if (!member.May(HiringPermission.ManageMembers))
        {
            return HiringOutcome<string>.Forbidden(HiringPermission.ManageMembers);
        }
        HiringRole? role = null;
        if (!string.Equals(roleSlug?.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            if (!HiringRoles.TryParse(roleSlug, out var parsed))
            {
                return HiringOutcome<string>.No(HiringRefusal.BadInput,
                    $"Role: '{Short(roleSlug)}' is not one of {string.Join(", ", HiringRoles.All.Select(HiringRoles.Slug))} or none.");
            }
            role = parsed;
        }
        var user = string.IsNullOrWhiteSpace(userName) || userName.Length > 256 ? null : await store.FindUserByNameAsync(userName, cancellationToken);
        if (user is null)
        {
            return HiringOutcome<string>.No(HiringRefusal.BadInput, $"UserName: there is no account named '{Short(userName)}'; they sign up first.");
        }
        return await store.Hiring.SetRoleAsync(member.WorkspaceId, user.Id, role, member.UserId, clock.GetUtcNow(), cancellationToken) switch
        {
            RoleChange.Changed => HiringOutcome<string>.Done(user.Id),
            RoleChange.Unchanged => HiringOutcome<string>.Done(user.Id),
            RoleChange.LastAdmin => HiringOutcome<string>.No(HiringRefusal.Conflict, "Role: the workspace would have no admin left; make someone else admin first."),
            _ => HiringOutcome<string>.No(HiringRefusal.BadInput, $"UserName: there is no account named '{Short(userName)}'."),
        };
    }

    /// <summary>One page of the audit log, newest first (admins only).</summary>
    public async Task<HiringOutcome<KeysetPage<AuditEntry>>> AuditAsync(HiringMember member, PageCursor? before, int pageSize, CancellationToken cancellationToken = default) =>
        member.May(HiringPermission.ViewAudit)
            ? HiringOutcome<KeysetPage<AuditEntry>>.Done(await store.Hiring.ListAuditPageAsync(member.WorkspaceId, before, pageSize, cancellationToken))
            : HiringOutcome<KeysetPage<AuditEntry>>.Forbidden(HiringPermission.ViewAudit);

    internal static string Short(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}

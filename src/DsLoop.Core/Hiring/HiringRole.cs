namespace DsLoop.Core.Hiring;

/// <summary>What a member of a hiring workspace may do there. A candidate is never a member: see <see cref="Invitation"/>.</summary>
public enum HiringRole
{
    /// <summary>Adds and removes members, changes roles, reads the audit log, and everything a recruiter may do.</summary>
    Admin,
    /// <summary>Coordinates: creates positions, invites candidates, revokes and resends invitations, reads results.</summary>
    Recruiter,
    /// <summary>Owns the positions of a team: creates and edits them and reads invitations and results.</summary>
    HiringManager,
    /// <summary>Sees the positions, so they can prepare; nothing about candidates in this slice.</summary>
    Interviewer,
}

/// <summary>One thing a hiring endpoint does; <see cref="HiringRoles.Allows"/> says which roles may.</summary>
public enum HiringPermission
{
    /// <summary>See the workspace, its positions and their exercises.</summary>
    ViewPositions,
    /// <summary>Create or change a position.</summary>
    EditPositions,
    /// <summary>See invitations, their state and candidates' names and emails.</summary>
    ViewInvitations,
    /// <summary>Invite a candidate, resend or revoke an invitation.</summary>
    ManageInvitations,
    /// <summary>See the scored results of candidates.</summary>
    ViewResults,
    /// <summary>See the members and their roles.</summary>
    ViewMembers,
    /// <summary>Add or remove members, change their roles.</summary>
    ManageMembers,
    /// <summary>Read the audit log.</summary>
    ViewAudit,
}

/// <summary>Slugs, names and the one permission table of hiring roles.</summary>
public static class HiringRoles
{
    /// <summary>Every role, most powerful first.</summary>
    public static IReadOnlyList<HiringRole> All { get; } = Enum.GetValues<HiringRole>();

    /// <summary>
    /// The permission table, the only place it is written. Admins may do everything; recruiters run invitations;
    /// hiring managers own positions and read results; interviewers see positions only.
    /// </summary>
    public static bool Allows(HiringRole role, HiringPermission permission) => permission switch
    {
        HiringPermission.ViewPositions => true,
        HiringPermission.ViewMembers => true,
        HiringPermission.EditPositions => role is HiringRole.Admin or HiringRole.Recruiter or HiringRole.HiringManager,
        HiringPermission.ViewInvitations => role is HiringRole.Admin or HiringRole.Recruiter or HiringRole.HiringManager,
        HiringPermission.ViewResults => role is HiringRole.Admin or HiringRole.Recruiter or HiringRole.HiringManager,
        HiringPermission.ManageInvitations => role is HiringRole.Admin or HiringRole.Recruiter,
        HiringPermission.ManageMembers => role is HiringRole.Admin,
        HiringPermission.ViewAudit => role is HiringRole.Admin,
        _ => false,
    };

    /// <summary>The slug forms, URLs and the CLI use.</summary>
    public static string Slug(HiringRole role) => role switch
    {
        HiringRole.Admin => "admin",
        HiringRole.Recruiter => "recruiter",
        HiringRole.HiringManager => "hiring-manager",
        HiringRole.Interviewer => "interviewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown hiring role."),
    };

    /// <summary>The name people read.</summary>
    public static string DisplayName(HiringRole role) => role switch
    {
        HiringRole.Admin => "Admin",
        HiringRole.Recruiter => "Recruiter",
        HiringRole.HiringManager => "Hiring manager",
        HiringRole.Interviewer => "Interviewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown hiring role."),
    };

    /// <summary>Finds a role by its slug.</summary>
    public static bool TryParse(string? slug, out HiringRole role) => SlugLookup.TryFind(All, Slug, slug?.Trim().ToLowerInvariant(), out role);
}

using DsLoop.Core.Hiring;
using DsLoop.Store;

namespace DsLoop.App.Hiring;

/// <summary>
/// A signed-in user acting in one workspace with the role the store gives them there. Only <see cref="HiringAccess"/>
/// makes one, so every hiring service call carries a workspace and a role that were read from the store.
/// </summary>
public sealed class HiringMember
{
    internal HiringMember(Workspace workspace, string userId, HiringRole role)
    {
        Workspace = workspace;
        UserId = userId;
        Role = role;
    }

    /// <summary>The workspace.</summary>
    public Workspace Workspace { get; }

    /// <summary>The workspace's id.</summary>
    public string WorkspaceId => Workspace.Id;

    /// <summary>The member's account.</summary>
    public string UserId { get; }

    /// <summary>The member's role in the workspace.</summary>
    public HiringRole Role { get; }

    /// <summary>Whether the member's role allows <paramref name="permission"/>.</summary>
    public bool May(HiringPermission permission) => HiringRoles.Allows(Role, permission);
}

/// <summary>Whether a user may act in a workspace: null for anyone who is not a member, so a stranger learns nothing.</summary>
/// <param name="store">The store.</param>
public sealed class HiringAccess(IAppStore store)
{
    /// <summary>The user as a member of the workspace, or null when they are not one (or it does not exist).</summary>
    public async Task<HiringMember?> MemberAsync(string? workspaceId, string userId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(workspaceId) || workspaceId.Length > 64)
        {
            return null;
        }
        var seat = await store.Hiring.GetSeatAsync(workspaceId, userId, cancellationToken);
        return seat is null ? null : new HiringMember(seat.Workspace, userId, seat.Role);
    }
}

/// <summary>Why a hiring command was refused.</summary>
public enum HiringRefusal
{
    /// <summary>The input is wrong (400); the message names the field.</summary>
    BadInput,
    /// <summary>The member's role does not allow it (403).</summary>
    Forbidden,
    /// <summary>No such thing in this workspace (404).</summary>
    NotFound,
    /// <summary>It clashes with the current state (409).</summary>
    Conflict,
}

/// <summary>What a hiring command did: its result, or why it refused (nothing was written then).</summary>
/// <typeparam name="T">The result.</typeparam>
/// <param name="Value">The result when it went through.</param>
/// <param name="Refusal">Why not, when it did not.</param>
/// <param name="Problem">The reason in words, naming the field for bad input.</param>
public sealed record HiringOutcome<T>(T? Value, HiringRefusal? Refusal, string? Problem) where T : class
{
    /// <summary>True when it went through.</summary>
    public bool Ok => Refusal is null;

    /// <summary>It went through.</summary>
    public static HiringOutcome<T> Done(T value) => new(value, null, null);

    /// <summary>Refused for <paramref name="refusal"/>.</summary>
    public static HiringOutcome<T> No(HiringRefusal refusal, string problem) => new(null, refusal, problem);

    /// <summary>The role does not allow it.</summary>
    public static HiringOutcome<T> Forbidden(HiringPermission permission) =>
        No(HiringRefusal.Forbidden, $"Your role in this workspace does not allow this ({permission}).");
}

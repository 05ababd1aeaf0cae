namespace DsLoop.Core;

/// <summary>What a user may do.</summary>
public enum UserRole
{
    /// <summary>Practises and runs their own loops.</summary>
    Candidate,
    /// <summary>Scores loops for a hiring team.</summary>
    Interviewer,
    /// <summary>Manages users and content.</summary>
    Admin,
}

/// <summary>A person with an account. The password hash is never shown to anyone.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="UserName">Unique sign-in name, compared case-insensitively.</param>
/// <param name="PasswordHash">ASP.NET Core PasswordHasher output, or empty for the implicit local user.</param>
/// <param name="Role">What the user may do.</param>
/// <param name="CreatedAt">When the account was made.</param>
/// <param name="SessionStamp">
/// Carried by every session cookie and checked on each request; a new stamp (sign-out) ends every session issued with
/// the old one. Empty for accounts made before stamps existed, until their next sign-in.
/// </param>
public sealed record User(
    string Id,
    string UserName,
    string PasswordHash,
    UserRole Role,
    DateTimeOffset CreatedAt,
    string SessionStamp = "")
{
    /// <summary>The user name of the one implicit user in local mode.</summary>
    public const string LocalUserName = "local";
}

using DsLoop.Core;
using DsLoop.Store;
using Microsoft.AspNetCore.Identity;

namespace DsLoop.App.Accounts;

/// <summary>The outcome of a sign-in attempt.</summary>
public abstract record SignInOutcome
{
    /// <summary>Signed in.</summary>
    /// <param name="User">Who signed in.</param>
    public sealed record Success(User User) : SignInOutcome;

    /// <summary>Unknown name or wrong password (the two are not told apart).</summary>
    public sealed record Invalid : SignInOutcome;

    /// <summary>
    /// Too many failures for this name from this source: the password was not checked. Told the same way for any name,
    /// known or not; other sources are not affected.
    /// </summary>
    /// <param name="RetryAfter">How long until the next try is checked.</param>
    public sealed record Throttled(TimeSpan RetryAfter) : SignInOutcome;
}

/// <summary>
/// Sign-up and sign-in rules: hashed passwords (PBKDF2, ASP.NET Core Identity's format), and a growing delay per
/// (name, source) after repeated failures, never a lock that someone else can set off (see <see cref="SignInThrottle"/>).
/// </summary>
/// <param name="store">Where accounts live.</param>
/// <param name="throttle">Failed sign-ins per name and source.</param>
public sealed class AccountService(IAppStore store, SignInThrottle throttle)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 10;

    private static readonly PasswordHasher<User> Hasher = new();

    // Verified against when the user name is unknown, so a miss costs the same time as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, "decoy password that matches nothing");

    /// <summary>Checks a proposed user name; returns the problem, or null when it is fine.</summary>
    public static string? CheckUserName(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName) || userName.Length is < 3 or > 40)
        {
            return "User name must be 3 to 40 characters.";
        }
        if (!userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return "User name may contain only letters, digits, '.', '_' and '-'.";
        }
        return string.Equals(userName, User.LocalUserName, StringComparison.OrdinalIgnoreCase)
            ? $"'{User.LocalUserName}' is reserved."
            : null;
    }

    /// <summary>Checks a proposed password; returns the problem, or null when it is fine.</summary>
    public static string? CheckPassword(string? password) =>
        password is null || password.Length < MinPasswordLength
            ? $"Password must be at least {MinPasswordLength} characters."
            : password.Length > 256 ? "Password must be at most 256 characters." : null;

    /// <summary>Creates the account, or returns null when the name is taken.</summary>
    public async Task<User?> SignUpAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var hash = Hasher.HashPassword(null!, password);
        return await store.CreateUserAsync(userName.Trim(), hash, UserRole.Candidate, cancellationToken);
    }

    /// <summary>
    /// Checks a name and password sent from <paramref name="source"/> (the client's address). An unknown name costs the
    /// same hashing time and gets the same answers as a wrong password, throttling included.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, string source, CancellationToken cancellationToken)
    {
        userName ??= "";
        if (throttle.Wait(userName, source) is { } wait && wait > TimeSpan.Zero)
        {
            return new SignInOutcome.Throttled(wait);
        }
        var user = string.IsNullOrWhiteSpace(userName) ? null : await store.FindUserByNameAsync(userName.Trim(), cancellationToken);
        bool verified;
        if (user is { PasswordHash.Length: > 0 })
        {
            verified = Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "") != PasswordVerificationResult.Failed;
        }
        else
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password ?? "");
            verified = false;
        }
        if (!verified || user is null)
        {
            var next = throttle.Fail(userName, source);
            return next > TimeSpan.Zero ? new SignInOutcome.Throttled(next) : new SignInOutcome.Invalid();
        }
        throttle.Succeed(userName, source);
        return new SignInOutcome.Success(user);
    }
}

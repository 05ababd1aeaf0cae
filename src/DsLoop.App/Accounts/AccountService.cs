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

    /// <summary>Too many wrong passwords: locked until <paramref name="Until"/>.</summary>
    /// <param name="Until">When the lock ends.</param>
    public sealed record LockedOut(DateTimeOffset Until) : SignInOutcome;
}

/// <summary>Sign-up and sign-in rules: hashed passwords (PBKDF2, ASP.NET Core Identity's format), and a lock after repeated failures.</summary>
/// <param name="store">Where accounts live.</param>
/// <param name="clock">Lock-out times.</param>
public sealed class AccountService(IAppStore store, TimeProvider clock)
{
    /// <summary>Wrong passwords in a row that lock an account.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a lock lasts.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

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

    /// <summary>Checks a name and password, counting failures and locking the account after too many.</summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var user = string.IsNullOrWhiteSpace(userName) ? null : await store.FindUserByNameAsync(userName.Trim(), cancellationToken);
        if (user is null || user.PasswordHash.Length == 0)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password ?? "");
            return new SignInOutcome.Invalid();
        }
        if (user.IsLockedOut(now))
        {
            return new SignInOutcome.LockedOut(user.LockedUntil!.Value);
        }
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
        {
            // A lock that has expired starts a fresh count.
            var failures = user.LockedUntil is not null ? 1 : user.FailedSignIns + 1;
            if (user.LockedUntil is not null)
            {
                await store.ResetFailedSignInsAsync(user.Id, cancellationToken);
            }
            var lockUntil = failures >= MaxFailedSignIns ? now + LockoutDuration : (DateTimeOffset?)null;
            await store.RecordFailedSignInAsync(user.Id, lockUntil, cancellationToken);
            return lockUntil is { } until ? new SignInOutcome.LockedOut(until) : new SignInOutcome.Invalid();
        }
        if (user.FailedSignIns > 0 || user.LockedUntil is not null)
        {
            await store.ResetFailedSignInsAsync(user.Id, cancellationToken);
        }
        return new SignInOutcome.Success(user);
    }
}

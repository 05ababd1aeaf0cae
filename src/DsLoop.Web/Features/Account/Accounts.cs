using System.Security.Claims;
using System.Text.Encodings.Web;
using DsLoop.App.Accounts;
using DsLoop.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace DsLoop.Web.Features.Account;

/// <summary>The one implicit user of local mode.</summary>
internal sealed record LocalUser(User User);

/// <summary>Whether people sign up and sign in (multi-user mode) or the one local user is implied.</summary>
internal sealed record AccountMode(bool MultiUser);

internal static class AccountsSetup
{
    public const string LocalScheme = "Local";

    /// <summary>How long a session lasts without a request; each request slides it.</summary>
    public static readonly TimeSpan SessionIdle = TimeSpan.FromHours(8);

    public static IServiceCollection AddDsLoopAccounts(this IServiceCollection services, bool multiUser, LocalUser? localUser)
    {
        services.AddScoped<AccountService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(new AccountMode(multiUser));
        services.AddSingleton(TimeProvider.System);
        if (multiUser)
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
            {
                cookie.Cookie.Name = "dsloop.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/account/signin";
                cookie.LogoutPath = "/account/signout";
                cookie.AccessDeniedPath = "/error?code=403";
                cookie.ExpireTimeSpan = SessionIdle;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = SessionStamps.ValidateAsync;
            });
        }
        else
        {
            services.AddSingleton(localUser ?? throw new ArgumentNullException(nameof(localUser)));
            services.AddAuthentication(LocalScheme).AddScheme<AuthenticationSchemeOptions, LocalUserHandler>(LocalScheme, null);
        }
        services.AddAuthorization();
        return services;
    }

    public static ClaimsPrincipal Principal(User user, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id),
        new Claim(ClaimTypes.Name, user.UserName),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
    ], scheme));
}

/// <summary>Signs every request in as the local user: local mode has no accounts to manage.</summary>
internal sealed class LocalUserHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, LocalUser local)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(
            AccountsSetup.Principal(local.User, AccountsSetup.LocalScheme), AccountsSetup.LocalScheme)));
}

/// <summary>Reads the signed-in user from a request.</summary>
internal static class CurrentUser
{
    /// <summary>The signed-in user's id; pages that call it require authorization.</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}

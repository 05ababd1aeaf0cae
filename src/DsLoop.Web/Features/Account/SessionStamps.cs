using System.Security.Claims;
using DsLoop.Core;
using DsLoop.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DsLoop.Web.Features.Account;

/// <summary>
/// Ties session cookies to the user's session stamp in the store: the cookie carries the stamp it was issued with, each
/// request checks it against the store, and sign-out renews the stamp, so a cookie copied before sign-out is refused
/// after it (on every device of that user).
/// </summary>
internal static class SessionStamps
{
    public const string ClaimType = "dsloop:session";

    /// <summary>The principal for a cookie session of <paramref name="user"/>, giving an account from before stamps one first.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(User user, IServiceProvider services, CancellationToken cancellationToken)
    {
        var stamp = user.SessionStamp.Length > 0
            ? user.SessionStamp
            : await services.GetRequiredService<IAppStore>().RenewSessionStampAsync(user.Id, cancellationToken) ?? "";
        var principal = AccountsSetup.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ClaimType, stamp));
        return principal;
    }

    /// <summary>Refuses the cookie unless its user still exists and its stamp is the user's current one.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(ClaimType);
        var user = userId is null || string.IsNullOrEmpty(stamp)
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<IAppStore>().FindUserAsync(userId, context.HttpContext.RequestAborted);
        if (user is null || !string.Equals(user.SessionStamp, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Ends every session of the signed-in user on the server, then drops this browser's cookie.</summary>
    public static async Task EndAsync(HttpContext context)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await context.RequestServices.GetRequiredService<IAppStore>().RenewSessionStampAsync(userId, context.RequestAborted);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}

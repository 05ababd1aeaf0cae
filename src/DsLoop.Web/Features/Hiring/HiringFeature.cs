using System.Security.Claims;
using DsLoop.App.Hiring;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DsLoop.Web.Features.Hiring;

/// <summary>
/// The hiring team's services and the candidate's own session: a second cookie (<c>dsloop.candidate</c>) that an
/// invitation link exchanges itself for. It names the workspace, the invitation and a session secret whose hash the
/// invitation keeps; every request checks it, so revoking the invitation ends the session.
/// </summary>
internal static class HiringFeature
{
    public const string CandidateScheme = "Candidate";
    public const string CandidatePolicy = "Candidate";
    public const string WorkspaceClaim = "dsloop:workspace";
    public const string InvitationClaim = "dsloop:invitation";
    public const string SessionClaim = "dsloop:candidate-session";

    public static IServiceCollection AddHiring(this IServiceCollection services, HiringSecret secret)
    {
        var settings = HiringSettings.FromEnvironment();
        services.AddSingleton(settings);
        services.AddSingleton(secret);
        services.AddSingleton<HiringAccess>();
        services.AddSingleton<WorkspaceService>();
        services.AddSingleton<PositionService>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<SqlScreenService>();
        services.AddSingleton<HiringResults>();
        // Registered in local mode too, so /candidate answers 401 rather than failing; only /join issues the cookie, and
        // it answers 404 in local mode.
        services.AddAuthentication().AddCookie(CandidateScheme, cookie =>
        {
            cookie.Cookie.Name = "dsloop.candidate";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = settings.CandidateSessionIdle;
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = ValidateCandidateAsync;
        });
        services.AddAuthorizationBuilder().AddPolicy(CandidatePolicy, policy => policy
            .AddAuthenticationSchemes(CandidateScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(InvitationClaim));
        return services;
    }

    /// <summary>
    /// The team's pages need a signed-in user (members only, checked per page); the link page is open to anyone holding
    /// a link; the candidate page has its own policy. A position is edited on the editor page under a second route.
    /// </summary>
    public static void AddHiringPages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection conventions)
    {
        foreach (var page in new[] { "/Hiring/Index", "/Hiring/Workspace", "/Hiring/Members", "/Hiring/Audit", "/Hiring/PositionEditor", "/Hiring/Position" })
        {
            conventions.AuthorizePage(page);
        }
        conventions.AllowAnonymousToPage("/Hiring/Join");
        conventions.AddPageRoute("/Hiring/PositionEditor", "/hiring/{workspaceId}/positions/{positionId}/edit");
    }

    /// <summary>The principal of a candidate session for one invitation.</summary>
    public static ClaimsPrincipal CandidatePrincipal(string workspaceId, string invitationId, string sessionSecret) => new(new ClaimsIdentity(
    [
        new Claim(WorkspaceClaim, workspaceId),
        new Claim(InvitationClaim, invitationId),
        new Claim(SessionClaim, sessionSecret),
    ], CandidateScheme));

    /// <summary>Refuses the cookie unless its invitation is open, not revoked, and keeps this session's hash.</summary>
    private static async Task ValidateCandidateAsync(CookieValidatePrincipalContext context)
    {
        var invitations = context.HttpContext.RequestServices.GetRequiredService<InvitationService>();
        var principal = context.Principal;
        var invitation = await invitations.SessionAsync(
            principal?.FindFirstValue(WorkspaceClaim), principal?.FindFirstValue(InvitationClaim), principal?.FindFirstValue(SessionClaim),
            context.HttpContext.RequestAborted);
        if (invitation is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CandidateScheme);
        }
    }
}

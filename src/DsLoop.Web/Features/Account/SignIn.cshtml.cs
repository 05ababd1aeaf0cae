using DsLoop.App.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Account;

internal sealed class SignInModel(AccountService accounts, AccountMode mode) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Problem { get; private set; }

    public IActionResult OnGet() => mode.MultiUser ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!mode.MultiUser)
        {
            return Redirect("/");
        }
        var source = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        switch (await accounts.SignInAsync(UserName, Password, source, cancellationToken))
        {
            case SignInOutcome.Success success:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    await SessionStamps.PrincipalAsync(success.User, HttpContext.RequestServices, cancellationToken));
                // Only local paths: an open redirect would let a link send people elsewhere after sign-in.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/practice");
            case SignInOutcome.Throttled throttled:
                var seconds = (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds);
                Problem = $"Wrong user name or password, and too many tries from here: wait {seconds} s before the next one.";
                Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Problem = "Wrong user name or password.";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }
}

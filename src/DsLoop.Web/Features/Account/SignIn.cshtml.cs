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
        switch (await accounts.SignInAsync(UserName, Password, cancellationToken))
        {
            case SignInOutcome.Success success:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    AccountsSetup.Principal(success.User, CookieAuthenticationDefaults.AuthenticationScheme));
                // Only local paths: an open redirect would let a link send people elsewhere after sign-in.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/practice");
            case SignInOutcome.LockedOut locked:
                Problem = $"Too many failed sign-ins. This account is locked until {locked.Until.UtcDateTime:HH:mm} UTC.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Problem = "Wrong user name or password.";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }
}

using DsLoop.App.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Account;

internal sealed class SignUpModel(AccountService accounts, AccountMode mode) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string ConfirmPassword { get; set; } = "";

    public string? FieldError(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public IActionResult OnGet() => mode.MultiUser ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!mode.MultiUser)
        {
            return Redirect("/");
        }
        ModelState.Clear();
        if (AccountService.CheckUserName(UserName) is { } nameProblem)
        {
            ModelState.AddModelError(nameof(UserName), nameProblem);
        }
        if (AccountService.CheckPassword(Password) is { } passwordProblem)
        {
            ModelState.AddModelError(nameof(Password), passwordProblem);
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The two passwords differ.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await accounts.SignUpAsync(UserName, Password, cancellationToken);
        if (user is null)
        {
            ModelState.AddModelError(nameof(UserName), "That user name is taken.");
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            await SessionStamps.PrincipalAsync(user, HttpContext.RequestServices, cancellationToken));
        return Redirect("/practice");
    }
}

using DsLoop.Web.App;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Account;

internal sealed class SignOutModel(DsLoopOptions options) : PageModel
{
    public IActionResult OnGet() => options.MultiUser ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (options.MultiUser)
        {
            await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        return Redirect("/");
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Account;

internal sealed class SignOutModel(AccountMode mode) : PageModel
{
    public IActionResult OnGet() => mode.MultiUser ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (mode.MultiUser)
        {
            await SessionStamps.EndAsync(HttpContext);
        }
        return Redirect("/");
    }
}

using DsLoop.Content;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features;

internal sealed class IndexModel(ContentBank content, IAppStore store) : PageModel
{
    public int ItemCount => content.Items.Count;
    public int RoundCount => content.Items.SelectMany(i => i.Rounds).Distinct().Count();
    public int? AttemptCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            AttemptCount = await store.CountAttemptsAsync(User.UserId(), cancellationToken: cancellationToken);
        }
    }
}

using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Progress;

internal sealed class ProgressIndexModel(ContentBank content, IAppStore store) : PageModel
{
    public IReadOnlyList<Attempt> Attempts { get; private set; } = [];

    public string TitleOf(string itemId) => content.ItemsById.TryGetValue(itemId, out var item) ? item.Title : itemId;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Attempts = await store.ListAttemptsAsync(User.UserId(), limit: 500, cancellationToken: cancellationToken);
}

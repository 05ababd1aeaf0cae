using DsLoop.App.Drills;
using DsLoop.App.Readiness;
using DsLoop.Content;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Readiness;

/// <summary>
/// <c>/readiness</c>: one chart per dimension over time (mock-loop ratings and rated practice answers), the due
/// reviews, SQL and case solved rates, the weakest areas with one-click practice, and a short plan.
/// </summary>
internal sealed class ReadinessModel(ReadinessService readiness, ContentBank content) : PageModel
{
    public const double CasePassMark = ReadinessService.CasePassMark;

    public ReadinessReport Report { get; private set; } = null!;

    public string TitleOf(string itemId) => DrillReview.Title(itemId) ?? (content.ItemsById.TryGetValue(itemId, out var item) ? item.Title : itemId);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await readiness.BuildAsync(User.UserId(), cancellationToken);
}

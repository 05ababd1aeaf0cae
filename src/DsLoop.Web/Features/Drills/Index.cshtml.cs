using DsLoop.App.Drills;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Drills;

internal sealed class DrillsIndexModel(DrillPractice drills) : PageModel
{
    public IReadOnlyList<DrillAreaGroup> Groups { get; private set; } = [];

    public int Answered => Groups.Sum(g => g.Families.Sum(f => f.Answered));
    public int Right => Groups.Sum(g => g.Families.Sum(f => f.Right));

    public async Task OnGetAsync(CancellationToken cancellationToken) => Groups = await drills.FamiliesAsync(User.UserId(), cancellationToken);
}

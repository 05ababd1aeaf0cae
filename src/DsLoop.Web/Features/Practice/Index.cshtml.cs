using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Practice;

internal sealed class PracticeIndexModel(ContentBank content, IAppStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Round { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dimension { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }

    public IReadOnlyList<QuestionItem> Items { get; private set; } = [];
    public int Total => content.Items.Count;
    public Dictionary<string, int> AttemptCounts { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IEnumerable<QuestionItem> items = content.Items;
        if (!string.IsNullOrEmpty(Round))
        {
            if (Rounds.TryParse(Round, out var round))
            {
                items = items.Where(i => i.Rounds.Contains(round));
            }
            else
            {
                Problem = $"Unknown round '{Round}'; showing every round.";
            }
        }
        if (!string.IsNullOrEmpty(Dimension))
        {
            if (Dimensions.TryParse(Dimension, out var dimension))
            {
                items = items.Where(i => i.Dimensions.Contains(dimension));
            }
            else
            {
                Problem = $"Unknown dimension '{Dimension}'; showing every dimension.";
            }
        }
        if (LevelsAndVariants.TryParseLevel(Level, out var level) && level != Core.Level.Both)
        {
            items = items.Where(i => i.Level == level || i.Level == Core.Level.Both);
        }
        Items = [.. items];
        var attempts = await store.ListAttemptsAsync(User.UserId(), limit: 1000, cancellationToken: cancellationToken);
        AttemptCounts = attempts.GroupBy(a => a.ItemId).ToDictionary(g => g.Key, g => g.Count());
    }
}

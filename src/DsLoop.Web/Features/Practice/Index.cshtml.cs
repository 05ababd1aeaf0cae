using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Practice;

internal sealed class PracticeIndexModel(ContentBank content, IAppStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Round { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dimension { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Variant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Focus { get; set; }

    public IReadOnlyList<QuestionItem> Items { get; private set; } = [];
    public int Total => content.Items.Count;
    public Dictionary<string, int> AttemptCounts { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? FocusNote { get; private set; }

    /// <summary>
    /// The dimension with the lowest mean coach score over the user's answers; a dimension never practised
    /// counts as weakest of all, so new users are sent to what they have not tried.
    /// </summary>
    private (Core.Dimension Dimension, string Reason)? WeakestDimension(IReadOnlyList<Attempt> attempts)
    {
        var scores = Dimensions.All.ToDictionary(d => d, _ => new List<double>());
        foreach (var attempt in attempts.Where(a => a.Score is not null))
        {
            if (content.ItemsById.TryGetValue(attempt.ItemId, out var item))
            {
                foreach (var d in item.Dimensions)
                {
                    scores[d].Add(attempt.Score!.Value);
                }
            }
        }
        var untried = Dimensions.All
            .Where(d => scores[d].Count == 0 && content.Items.Any(i => i.Dimensions.Contains(d)))
            .Cast<Core.Dimension?>().FirstOrDefault();
        if (untried is { } fresh)
        {
            return (fresh, $"Weakest dimension: {Dimensions.DisplayName(fresh)} — you have not answered any of its questions yet.");
        }
        var scored = scores.Where(p => p.Value.Count > 0).OrderBy(p => p.Value.Average()).ThenBy(p => p.Key).ToList();
        if (scored.Count == 0)
        {
            return null;
        }
        var (dimension, list) = (scored[0].Key, scored[0].Value);
        return (dimension, $"Weakest dimension: {Dimensions.DisplayName(dimension)} — mean coach score {list.Average():P0} over {list.Count} answers.");
    }

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
        if (!string.IsNullOrEmpty(Variant))
        {
            if (!LevelsAndVariants.TryParseVariant(Variant, out var variant))
            {
                Problem = $"Unknown company variant '{Variant}'; showing every variant.";
            }
            else if (variant != CompanyVariant.Any)
            {
                // Items written for any company fit every variant.
                items = items.Where(i => i.Variants.Contains(variant) || i.Variants.Contains(CompanyVariant.Any));
            }
        }
        var userId = User.UserId();
        var attempts = await store.ListAttemptsAsync(userId, limit: 10_000, cancellationToken: cancellationToken);
        AttemptCounts = attempts.GroupBy(a => a.ItemId).ToDictionary(g => g.Key, g => g.Count());
        switch (Focus)
        {
            case null or "":
                break;
            case "due":
                var due = (await store.ListDueAsync(userId, clock.GetUtcNow(), 1000, cancellationToken)).Select(s => s.ItemId).ToHashSet();
                items = items.Where(i => due.Contains(i.Id));
                FocusNote = "Questions due for review now.";
                break;
            case "weakest":
                if (WeakestDimension(attempts) is { } weakest)
                {
                    items = items.Where(i => i.Dimensions.Contains(weakest.Dimension));
                    FocusNote = weakest.Reason;
                }
                break;
            default:
                Problem = $"Unknown focus '{Focus}'; showing every question.";
                break;
        }
        Items = [.. items];
    }
}

using DsLoop.App.Practice;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Practice;

internal sealed class PracticeIndexModel(ContentBank content, PracticeOverview overview) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Round { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dimension { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Variant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Focus { get; set; }

    public IReadOnlyList<QuestionItem> Items { get; private set; } = [];
    public int Total => content.Items.Count;
    public IReadOnlyDictionary<string, int> AttemptCounts { get; private set; } = new Dictionary<string, int>();
    public string? Problem { get; private set; }
    public string? FocusNote { get; private set; }

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
        var summaries = await overview.SummariesAsync(userId, cancellationToken);
        AttemptCounts = summaries.ToDictionary(p => p.Key, p => p.Value.Attempts, StringComparer.Ordinal);
        switch (Focus)
        {
            case null or "":
                break;
            case "due":
                var due = (await overview.DueItemIdsAsync(userId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
                items = items.Where(i => due.Contains(i.Id));
                FocusNote = "Questions due for review now.";
                break;
            case "weakest":
                if (overview.Weakest(summaries) is { } weakest)
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

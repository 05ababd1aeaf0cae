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
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    /// <summary>Questions on one page of the list.</summary>
    public const int PageSize = 50;

    /// <summary>The questions on this page: the ones after <see cref="After"/> among those that match, in the bank's order.</summary>
    public IReadOnlyList<QuestionItem> Items { get; private set; } = [];
    public int Total => content.Items.Count;

    /// <summary>How many questions match the filters and the search, on every page together.</summary>
    public int Matching { get; private set; }

    /// <summary>The position of this page's first question among those that match (0 on the first page).</summary>
    public int Offset { get; private set; }

    /// <summary>The link to the next page (the same filters, after this page's last question), or null on the last page.</summary>
    public string? Next { get; private set; }

    /// <summary>The link to the first page with the same filters, or null on the first page.</summary>
    public string? First { get; private set; }
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
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var words = Search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            items = items.Where(i => words.All(w => Searchable(i).Contains(w, StringComparison.OrdinalIgnoreCase)));
        }
        Page([.. items]);
    }

    /// <summary>What a search matches: the title, the question as asked, and its rounds' and dimensions' names.</summary>
    private static string Searchable(QuestionItem item) =>
        string.Join(' ', [item.Title, item.Prompt, .. item.Rounds.Select(Rounds.DisplayName), .. item.Dimensions.Select(Dimensions.DisplayName)]);

    /// <summary>
    /// A keyset page over the matching questions: the cursor is the id of the last question shown, so a page reads on from
    /// it. An id that is not in the list (a hand-edited link, or a question that no longer matches) answers 400 and shows
    /// the first page with a message.
    /// </summary>
    private void Page(List<QuestionItem> matching)
    {
        Matching = matching.Count;
        if (!string.IsNullOrEmpty(After))
        {
            var at = matching.FindIndex(i => i.Id == After);
            if (at < 0)
            {
                Problem = $"'{After}' is not a question of this list; showing the first page.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            else
            {
                Offset = at + 1;
                First = Link(after: null);
            }
        }
        Items = matching.GetRange(Offset, Math.Min(PageSize, matching.Count - Offset));
        Next = Offset + Items.Count < matching.Count ? Link(Items[^1].Id) : null;
    }

    private string Link(string? after)
    {
        var query = new List<string>();
        foreach (var (name, value) in new[] { ("round", Round), ("dimension", Dimension), ("level", Level), ("variant", Variant), ("focus", Focus), ("q", Search), ("after", after) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        return query.Count == 0 ? "/practice" : "/practice?" + string.Join('&', query);
    }

    /// <summary>The level a question is asked at, as the list shows it.</summary>
    public static string LevelName(Level level) => level switch
    {
        Core.Level.DataScientist => "Data Scientist",
        Core.Level.SeniorDataScientist => "Senior",
        _ => "Both",
    };
}

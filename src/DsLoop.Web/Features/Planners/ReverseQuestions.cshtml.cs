using DsLoop.Content;
using DsLoop.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Planners;

/// <summary><c>/planners/reverse-questions</c>: the bank's reverse questions by round and interviewer role.</summary>
internal sealed class ReverseQuestionsModel(ContentBank content) : PageModel
{
    public const string FrameworkId = "reverse-question";

    /// <summary>Interviewer roles, read from the item ids ("ask-{role}-…"), longest first so "ml-engineer" wins over "engineer".</summary>
    public static readonly IReadOnlyList<(string Slug, string Name)> Roles =
    [
        ("product-partner", "Product partner"), ("hiring-manager", "Hiring manager"), ("ml-engineer", "ML engineer"),
        ("executive", "Executive"), ("recruiter", "Recruiter"), ("engineer", "Data engineer"), ("peer-ds", "Peer data scientist"),
        ("pm", "Product manager"),
    ];

    public string? RoundFilter { get; private set; }
    public string? RoleFilter { get; private set; }
    public IReadOnlyList<QuestionItem> Items { get; private set; } = [];

    public static string RoleOf(QuestionItem item) =>
        Roles.FirstOrDefault(r => item.Id.StartsWith($"ask-{r.Slug}-", StringComparison.Ordinal)).Name ?? "Any interviewer";

    public void OnGet(string? round, string? role)
    {
        RoundFilter = Rounds.TryParse(round, out _) ? round : null;
        RoleFilter = Roles.Any(r => r.Name == role) ? role : null;
        Items = [.. content.Items
            .Where(i => i.FrameworkId == FrameworkId)
            .Where(i => RoundFilter is null || (Rounds.TryParse(RoundFilter, out var r) && i.Rounds.Contains(r)))
            .Where(i => RoleFilter is null || RoleOf(i) == RoleFilter)
            .OrderBy(i => i.Rounds.Min()).ThenBy(i => i.Title, StringComparer.Ordinal)];
    }
}

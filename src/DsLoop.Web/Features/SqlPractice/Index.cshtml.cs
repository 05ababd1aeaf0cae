using DsLoop.App.SqlPractice;
using DsLoop.Content.Sql;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.SqlPractice;

internal sealed class SqlIndexModel(SqlBank bank, IAppStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Difficulty { get; set; }
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public IReadOnlyList<SqlProblem> Problems { get; private set; } = [];
    public IReadOnlyList<string> Skills => bank.Skills;
    public int Total => bank.Problems.Count;
    public SqlProgress Progress { get; private set; } = null!;
    public int Solved => Progress.Solved;
    public int Submissions => Progress.Submissions;
    public int PassedSubmissions => Progress.PassedSubmissions;

    public int SolvedAt(Difficulty difficulty) => Progress.SolvedAt(difficulty);

    public (int Submitted, int Passed) CountsOf(string id) => Progress.CountsOf(id);

    public int CountAt(Difficulty difficulty) => bank.Problems.Count(p => p.Difficulty == difficulty);

    public SqlStatus StatusOf(string id) => Progress.StatusOf(id);

    public bool SkillsRevealed(string id) => Progress.SkillsRevealed(id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Progress = await SqlProgress.ReadAsync(store, bank, User.UserId(), cancellationToken);
        Problems = [.. bank.Problems
            .Where(p => string.IsNullOrEmpty(Difficulty) || p.Difficulty.Slug() == Difficulty)
            .Where(p => string.IsNullOrEmpty(Skill) || p.Skills.Contains(Skill, StringComparer.Ordinal))
            .Where(p => string.IsNullOrEmpty(Status) || StatusOf(p.Id).ToString().Equals(Status, StringComparison.OrdinalIgnoreCase))];
    }
}

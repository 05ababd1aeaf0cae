using DsLoop.Content.Sql;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.SqlPractice;

/// <summary>Where a candidate stands on one problem.</summary>
internal enum SqlStatus
{
    New,
    Attempted,
    Solved,
}

internal sealed class SqlIndexModel(SqlBank bank, IAppStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Difficulty { get; set; }
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public IReadOnlyList<SqlProblem> Problems { get; private set; } = [];
    public IReadOnlyList<string> Skills => bank.Skills;
    public int Total => bank.Problems.Count;
    public Dictionary<string, SqlStatus> StatusById { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (int Submitted, int Passed)> CountsById { get; } = new(StringComparer.Ordinal);
    public int Solved => StatusById.Values.Count(s => s == SqlStatus.Solved);
    public int Submissions => CountsById.Values.Sum(c => c.Submitted);
    public int PassedSubmissions => CountsById.Values.Sum(c => c.Passed);

    public int SolvedAt(Difficulty difficulty) =>
        bank.Problems.Count(p => p.Difficulty == difficulty && StatusOf(p.Id) == SqlStatus.Solved);

    public int CountAt(Difficulty difficulty) => bank.Problems.Count(p => p.Difficulty == difficulty);

    public SqlStatus StatusOf(string id) => StatusById.GetValueOrDefault(id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var attempts = await store.ListAttemptsAsync(User.UserId(), null, 5_000, cancellationToken);
        foreach (var attempt in attempts.Where(a => a.Kind == AttemptKind.Sql))
        {
            var passed = attempt.Score == 1;
            var (submitted, passes) = CountsById.GetValueOrDefault(attempt.ItemId);
            CountsById[attempt.ItemId] = (submitted + 1, passes + (passed ? 1 : 0));
            StatusById[attempt.ItemId] = passed || StatusById.GetValueOrDefault(attempt.ItemId) == SqlStatus.Solved ? SqlStatus.Solved : SqlStatus.Attempted;
        }
        Problems = [.. bank.Problems
            .Where(p => string.IsNullOrEmpty(Difficulty) || p.Difficulty.Slug() == Difficulty)
            .Where(p => string.IsNullOrEmpty(Skill) || p.Skills.Contains(Skill, StringComparer.Ordinal))
            .Where(p => string.IsNullOrEmpty(Status) || StatusOf(p.Id).ToString().Equals(Status, StringComparison.OrdinalIgnoreCase))];
    }
}

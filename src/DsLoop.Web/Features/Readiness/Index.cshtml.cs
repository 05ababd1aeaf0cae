using DsLoop.App.MockLoop;
using DsLoop.App.Readiness;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Readiness;

/// <summary>
/// <c>/readiness</c>: one chart per dimension over time (mock-loop ratings and rated practice answers), the due
/// reviews, SQL and case solved rates, the weakest areas with one-click practice, and a short plan.
/// </summary>
internal sealed class ReadinessModel(ContentBank content, IAppStore store, LoopRuns runs, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DimensionChart> Charts { get; private set; } = [];
    public IReadOnlyList<ReviewSchedule> Due { get; private set; } = [];
    public SolvedRate SqlPractice { get; private set; } = new(0, 0);

    /// <summary>A graded case counts as solved from this share of its points.</summary>
    public const double CasePassMark = 0.8;

    public SolvedRate Cases { get; private set; } = new(0, 0);
    public SolvedRate SqlInLoops { get; private set; } = new(0, 0);
    public IReadOnlyList<(Dimension Dimension, double Weakness)> Weakest { get; private set; } = [];
    public IReadOnlyList<PlanStep> Plan { get; private set; } = [];
    public int LoopsDone { get; private set; }
    public string TitleOf(string itemId) => content.ItemsById.TryGetValue(itemId, out var item) ? item.Title : itemId;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var attempts = await store.ListAttemptsAsync(userId, limit: 500, cancellationToken: cancellationToken);
        var loops = await runs.CompletedAsync(userId, cancellationToken);
        Due = await store.ListDueAsync(userId, clock.GetUtcNow(), 200, cancellationToken);
        LoopsDone = loops.Count;
        Charts = ReadinessData.Charts(attempts, loops.Select(l => l.State), content);
        var sql = attempts.Where(a => a.Kind == AttemptKind.Sql).ToList();
        SqlPractice = new SolvedRate(sql.Count(a => a.Score == 1), sql.Count);
        var loopSql = loops.SelectMany(l => l.State.Rounds).Where(r => r.EndReason != RoundEnd.Skipped).SelectMany(r => r.Items).Where(i => i.IsSql).ToList();
        SqlInLoops = new SolvedRate(loopSql.Count(i => i.Passed == true), loopSql.Count);
        var cases = attempts.Where(a => a.Kind == AttemptKind.Case && a.SubmittedAt is not null).ToList();
        Cases = new SolvedRate(cases.Count(a => a.Score >= CasePassMark), cases.Count);
        var weakness = LoopWeakness.From(attempts, content, loops.LastOrDefault().State?.Scorecard);
        Weakest = [.. weakness.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(3).Select(p => (p.Key, p.Value))];
        Plan = ReadinessData.Plan(Due.Count, Weakest, SqlPractice, SqlInLoops, loops.Select(l => l.State).ToList(), attempts.Count(a => a.Kind == AttemptKind.OpenQuestion), clock.GetUtcNow());
    }
}


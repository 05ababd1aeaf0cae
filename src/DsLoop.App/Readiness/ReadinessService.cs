using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;

namespace DsLoop.App.Readiness;

/// <summary>What the readiness dashboard shows.</summary>
/// <param name="Charts">Each dimension's ratings over time.</param>
/// <param name="DueCount">How many reviews are due now.</param>
/// <param name="DueFirst">The most overdue few, to link to.</param>
/// <param name="SqlPractice">SQL practice submissions that passed, of all.</param>
/// <param name="SqlInLoops">SQL exercises in finished loops that passed, of all.</param>
/// <param name="Cases">Graded cases that reached <see cref="ReadinessService.CasePassMark"/>, of all graded.</param>
/// <param name="Drills">Statistics and probability drills answered right, of all answered.</param>
/// <param name="Weakest">The three weakest dimensions, weakest first.</param>
/// <param name="Plan">What to do next.</param>
/// <param name="LoopsDone">Finished loops.</param>
public sealed record ReadinessReport(
    IReadOnlyList<DimensionChart> Charts, int DueCount, IReadOnlyList<ReviewSchedule> DueFirst, SolvedRate SqlPractice, SolvedRate SqlInLoops,
    SolvedRate Cases, SolvedRate Drills, IReadOnlyList<(Dimension Dimension, double Weakness)> Weakest, IReadOnlyList<PlanStep> Plan, int LoopsDone);

/// <summary>
/// The readiness dashboard from store reads that cost the same however much history there is, apart from the chart
/// points themselves (one per scored answer, all of them shown): counts and per-item summaries, never a capped list.
/// </summary>
/// <param name="content">Dimensions of the questions.</param>
/// <param name="store">The user's history.</param>
/// <param name="runs">Finished loops.</param>
/// <param name="clock">What is due now.</param>
public sealed class ReadinessService(ContentBank content, IAppStore store, LoopRuns runs, TimeProvider clock)
{
    /// <summary>A graded case counts as solved from this share of its points.</summary>
    public const double CasePassMark = 0.8;

    /// <summary>How many due reviews the dashboard links to.</summary>
    public const int DueLinked = 5;

    /// <summary>Reads everything the dashboard shows for <paramref name="userId"/>.</summary>
    public async Task<ReadinessReport> BuildAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var openAnswers = await store.ListAttemptPointsAsync(userId, AttemptKind.OpenQuestion, cancellationToken);
        var drillPoints = await store.ListAttemptPointsAsync(userId, AttemptKind.Statistics, cancellationToken);
        var loops = await runs.CompletedAsync(userId, cancellationToken);
        var dueCount = await store.CountDueAsync(userId, now, cancellationToken);
        var dueFirst = (await store.ListDuePageAsync(userId, new DueFilter(now, DueLinked), cancellationToken)).Items;
        var sql = await store.SummarizeAttemptsAsync(userId, AttemptKind.Sql, 1.0, cancellationToken);
        var cases = await store.SummarizeAttemptsAsync(userId, AttemptKind.Case, CasePassMark, cancellationToken);
        var sqlPractice = new SolvedRate(sql.Sum(s => s.Passed), sql.Sum(s => s.Attempts));
        var loopSql = loops.SelectMany(l => l.State.Rounds).Where(r => r.EndReason != RoundEnd.Skipped).SelectMany(r => r.Items).Where(i => i.IsSql).ToList();
        var sqlInLoops = new SolvedRate(loopSql.Count(i => i.Passed == true), loopSql.Count);
        var drills = new SolvedRate(drillPoints.Count(p => p.Score >= 1), drillPoints.Count);
        var weakness = LoopWeakness.From(openAnswers, content, loops.LastOrDefault().State?.Scorecard, drillPoints);
        IReadOnlyList<(Dimension, double)> weakest = [.. weakness.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(3).Select(p => (p.Key, p.Value))];
        var answered = await store.CountAttemptsAsync(userId, AttemptKind.OpenQuestion, cancellationToken);
        return new ReadinessReport(
            ReadinessData.Charts(openAnswers, loops.Select(l => l.State), content, drillPoints),
            dueCount,
            dueFirst,
            sqlPractice,
            sqlInLoops,
            new SolvedRate(cases.Sum(s => s.Passed), cases.Sum(s => s.Submitted)),
            drills,
            weakest,
            ReadinessData.Plan(dueCount, weakest, sqlPractice, sqlInLoops, [.. loops.Select(l => l.State)], answered, now, drills),
            loops.Count);
    }
}

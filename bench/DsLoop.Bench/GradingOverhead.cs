using System.Diagnostics;
using DsLoop.Content;
using DsLoop.Sql;

namespace DsLoop.Bench;

/// <summary>
/// Grading overhead over the bank's reference queries on one dataset: for each problem, the time to grade its
/// reference against itself, divided by the time the sandbox takes just to execute the same two queries
/// (rows streamed to a consumer that keeps nothing). Best of two of each after a warm-up, interleaved.
/// <c>dotnet run -c Release --project bench/DsLoop.Bench -- grading-overhead DATASET.sqlite content/sql</c>
/// </summary>
internal static class GradingOverhead
{
    public static async Task<int> RunAsync(string dataset, string bankFolder)
    {
        var loaded = ContentLoader.LoadSqlProblems(bankFolder);
        if (loaded.Bank is not { SqlProblems: var problems })
        {
            await Console.Error.WriteLineAsync(string.Join("\n", loaded.Errors));
            return 1;
        }
        var sandbox = new SqliteSandbox(dataset);
        var limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(120), MaxRows = 0, CountAllRows = false, MaxOutputBytes = long.MaxValue };
        var grader = new ResultGrader();
        var ratios = new List<(string Id, double Execute, double Grade)>();
        foreach (var problem in problems)
        {
            var sql = problem.ReferenceFor("sqlite");
            double bestExecute = double.MaxValue, bestGrade = double.MaxValue;
            for (var round = 0; round < 3; round++)
            {
                var watch = Stopwatch.StartNew();
                await sandbox.RunAsync(sql, limits, new Discard());
                await sandbox.RunAsync(sql, limits, new Discard());
                var execute = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var result = await grader.GradeAsync(sandbox, sql, sql, problem.Spec, limits);
                var grade = watch.Elapsed.TotalMilliseconds;
                if (!result.Passed)
                {
                    await Console.Error.WriteLineAsync($"{problem.Id}: the reference failed against itself: {string.Join("; ", result.Feedback)}");
                    return 1;
                }
                if (round > 0)
                {
                    bestExecute = Math.Min(bestExecute, execute);
                    bestGrade = Math.Min(bestGrade, grade);
                }
            }
            ratios.Add((problem.Id, bestExecute, bestGrade));
            Console.WriteLine($"{problem.Id,-50} execute both {bestExecute,9:F1} ms   grade {bestGrade,9:F1} ms   overhead {(bestGrade / bestExecute) - 1,7:P1}");
        }
        var overheads = ratios.Select(r => (r.Grade / r.Execute) - 1).Order().ToList();
        Console.WriteLine($"problems: {overheads.Count}; median overhead {overheads[overheads.Count / 2]:P1}; p90 {overheads[(int)(overheads.Count * 0.9)]:P1}; max {overheads[^1]:P1}");
        return 0;
    }

    private sealed class Discard : IRowConsumer
    {
        public void OnColumns(IReadOnlyList<SqlColumn> columns)
        {
        }

        public bool OnRow(object?[] values) => true;
    }
}

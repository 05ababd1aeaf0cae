using System.Globalization;
using DsLoop.Content.Sql;
using DsLoop.Data.Schema;
using DsLoop.Sql;
using DsLoop.Sql.Bank;
using DsLoop.Sql.Bank.Mutation;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop sql check-bank --mutants</c>: each problem's mutants per engine, what killed them, and the survivors.</summary>
internal static class SqlMutantsReport
{
    /// <summary>The generated datasets' foreign keys, which prove some join mutants equivalent.</summary>
    public static SchemaFacts Facts { get; } = SchemaFacts.From(DatasetSchema.ForeignKeys, DatasetSchema.Tables.Select(t => (t.Name, t.PrimaryKey)));

    /// <summary>Runs the mutants, prints the report and returns one failure line per survivor or wrong declaration.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(CliConsole console, IReadOnlyList<SqlProblem> problems, IReadOnlyList<ISqlSandbox> sandboxes, bool verbose, CancellationToken cancellationToken)
    {
        var engines = sandboxes.GroupBy(s => s.Engine).ToList();
        var work = problems.SelectMany(p => engines.Select(e => (Problem: p, Sandboxes: (IReadOnlyList<ISqlSandbox>)[.. e]))).ToList();
        var reports = new MutantReport[work.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, token) => reports[i] = await MutantCheck.RunAsync(work[i].Problem.ForEngine(work[i].Sandboxes[0].Engine), work[i].Sandboxes, Facts, token));
        var failures = new List<string>();
        foreach (var report in reports)
        {
            var equivalent = report.Outcomes.Count(o => o.Fate == MutantFate.Equivalent);
            var dead = report.Outcomes.Count(o => o.Fate == MutantFate.DoesNotRun);
            await console.Out.WriteLineAsync(Invariant($"{report.Id} [{report.Engine}]: {report.Outcomes.Count} mutants, {report.Killed} killed, {report.Survivors.Count()} survived, {equivalent} equivalent, {dead} do not run"));
            foreach (var outcome in report.Outcomes.Where(o => verbose || o.Fate is MutantFate.Survived or MutantFate.Equivalent))
            {
                await console.Out.WriteLineAsync($"  {Word(outcome.Fate)}: {outcome.Mutant.Label}{(outcome.Detail is { } d ? $" — {d}" : "")}");
            }
            failures.AddRange(report.Survivors.Select(s => $"{report.Id} [{report.Engine}]: the mutant {s.Mutant.Label} passes on every dataset; kill it with data or declare it equivalent with the reason"));
            failures.AddRange(report.KilledEquivalents.Select(l => $"{report.Id} [{report.Engine}]: the mutant {l} is declared equivalent but the grader rejects it"));
        }
        var byProblem = reports.GroupBy(r => r.Id).Where(g => g.First().Outcomes.Count > 0);
        foreach (var group in byProblem)
        {
            var unknown = group.Select(r => r.UnknownEquivalents.ToHashSet(StringComparer.Ordinal)).Aggregate((a, b) => { a.IntersectWith(b); return a; });
            failures.AddRange(unknown.Select(l => $"{group.Key}: the declared equivalent mutant {l} is not a mutant of the reference on any engine"));
        }
        var relevant = reports.Sum(r => r.Relevant);
        var killed = reports.Sum(r => r.Killed);
        var total = reports.Sum(r => r.Outcomes.Count);
        var rate = relevant == 0 ? 1 : (double)killed / relevant;
        var equivalents = reports.Sum(r => r.Outcomes.Count(o => o.Fate == MutantFate.Equivalent));
        var notRunning = reports.Sum(r => r.Outcomes.Count(o => o.Fate == MutantFate.DoesNotRun));
        await console.Out.WriteLineAsync(Invariant($"Mutants: {total} over {problems.Count} problem(s) and {engines.Count} engine(s); {killed} of {relevant} non-equivalent mutants killed ({rate:P1}), {equivalents} declared equivalent, {notRunning} do not run."));
        return failures;
    }

    private static string Word(MutantFate fate) => fate switch
    {
        MutantFate.Killed => "killed",
        MutantFate.Survived => "SURVIVED",
        MutantFate.Equivalent => "equivalent",
        _ => "does not run",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using DsLoop.Content;
using DsLoop.Content.Sql;
using DsLoop.Data.Schema;
using DsLoop.Sql.Bank;
using DsLoop.Sql.Bank.Mutation;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Sql.Tests.Bank;

/// <summary>
/// Every mutant of every reference in the shipped bank, run on three seeds and both engines. A mutant that survives
/// must be listed in mutant-survivors.txt (the work left on issue 16) or declared equivalent in its problem file; a
/// listed mutant that is now killed must leave the list.
/// </summary>
public sealed class MutantBankTests(BankDatasets datasets) : IClassFixture<BankDatasets>
{
    private static readonly SchemaFacts Facts = SchemaFacts.From(DatasetSchema.ForeignKeys, DatasetSchema.Tables.Select(t => (t.Name, t.PrimaryKey)));

    private static readonly Lazy<IReadOnlyList<SqlProblem>> Problems = new(() =>
    {
        var result = ContentLoader.Load(RepoPaths.Content);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Bank!.SqlProblems;
    });

    private static readonly Lazy<HashSet<string>> Ledger = new(() =>
    [
        .. File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "DsLoop.Sql.Tests", "Bank", "mutant-survivors.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')),
    ]);

    public static TheoryData<string> Ids() => [.. Problems.Value.Select(p => p.Id)];

    [SkippableTheory]
    [MemberData(nameof(Ids))]
    public async Task Every_mutant_is_killed_declared_equivalent_or_listed_as_work_left(string id)
    {
        var problem = Problems.Value.Single(p => p.Id == id);
        var sandboxes = await datasets.SandboxesAsync();
        var failures = new List<string>();
        var unknown = new List<IReadOnlyList<string>>();
        foreach (var engine in sandboxes.GroupBy(s => s.Sandbox.Engine))
        {
            var report = await MutantCheck.RunAsync(problem.ForEngine(engine.Key), [.. engine.Select(s => s.Sandbox)], Facts);
            Assert.True(report.Outcomes.Count >= 15, $"{id} [{engine.Key}]: {report.Outcomes.Count} mutants; every problem needs at least 15");
            var survivors = report.Survivors.Select(s => $"{id} [{engine.Key}]: {s.Mutant.Label}").ToHashSet(StringComparer.Ordinal);
            failures.AddRange(survivors.Where(s => !Ledger.Value.Contains(s)).Select(s => $"survives on every dataset and is not listed: {s}"));
            // A listed mutant that was too slow to run this time proves nothing either way (a busy machine); one that
            // is killed, declared equivalent or no longer generated must leave the list.
            var inconclusive = report.Outcomes.Where(o => o.Fate == MutantFate.DoesNotRun).Select(o => $"{id} [{engine.Key}]: {o.Mutant.Label}").ToHashSet(StringComparer.Ordinal);
            failures.AddRange(Ledger.Value.Where(l => l.StartsWith($"{id} [{engine.Key}]: ", StringComparison.Ordinal) && !survivors.Contains(l) && !inconclusive.Contains(l))
                .Select(l => $"is listed as surviving but is now killed or gone; remove it from mutant-survivors.txt: {l}"));
            failures.AddRange(report.KilledEquivalents.Select(l => $"{id} [{engine.Key}]: declared or proved equivalent but rejected: {l}"));
            unknown.Add(report.UnknownEquivalents);
        }
        failures.AddRange(unknown.Aggregate((a, b) => [.. a.Intersect(b)]).Select(l => $"{id}: declared equivalent mutant matches no mutant: {l}"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_ledger_of_survivors_only_names_problems_of_the_bank()
    {
        var ids = Problems.Value.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(ids);
        Assert.All(Ledger.Value, l => Assert.Contains(l[..l.IndexOf(' ', StringComparison.Ordinal)], ids));
    }
}

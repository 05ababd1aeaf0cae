using DsLoop.Content;
using DsLoop.Content.Sql;
using DsLoop.Sql.Bank;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Sql.Tests.Bank;

/// <summary>Every problem of the shipped SQL bank, proven on three seeds and both engines.</summary>
public sealed class SqlBankTests(BankDatasets datasets) : IClassFixture<BankDatasets>
{
    private static IReadOnlyList<SqlProblem> Bank()
    {
        var result = ContentLoader.Load(RepoPaths.Content);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Bank!.SqlProblems;
    }

    public static TheoryData<string> Ids() => [.. Bank().Select(p => p.Id)];

    [SkippableTheory]
    [MemberData(nameof(Ids))]
    public async Task Reference_passes_results_are_not_trivial_and_every_trap_fails(string id)
    {
        var problem = Bank().Single(p => p.Id == id);
        var failures = new List<string>();
        foreach (var (label, sandbox) in await datasets.SandboxesAsync())
        {
            failures.AddRange(await SqlBankChecker.CheckAsync(problem.ForEngine(sandbox.Engine), sandbox, label));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_bank_has_sixty_problems_across_difficulties_each_with_hints_and_a_trap()
    {
        var bank = Bank();
        Assert.True(bank.Count >= 60, $"{bank.Count} problems; the bank needs at least 60");
        Assert.True(bank.Count(p => p.Difficulty == Difficulty.Easy) >= 15, "too few easy problems");
        Assert.True(bank.Count(p => p.Difficulty == Difficulty.Medium) >= 20, "too few medium problems");
        Assert.True(bank.Count(p => p.Difficulty == Difficulty.Hard) >= 12, "too few hard problems");
        Assert.All(bank, p => Assert.True(p.Traps.Count >= 1 && p.Hints.Count >= 2, p.Id));
    }
}

using DsLoop.Testing;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class SqlBankCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-check-bank-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Check_bank_proves_a_shipped_problem_on_a_fresh_dataset()
    {
        var result = await Cli.RunAsync("sql", "check-bank", Path.Combine(RepoPaths.Content, "sql"),
            "--only", "daily-active-users", "--seeds", "1", "--data-dir", Path.Combine(_folder, "data"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("All sound: 1 problem(s) (1 easy, 0 medium, 0 hard), 2 trap(s), seeds 1, SQLite.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_bank_reports_a_wrong_problem_file_with_its_line_and_checks_nothing()
    {
        var bank = Directory.CreateDirectory(Path.Combine(_folder, "sql")).FullName;
        File.WriteAllText(Path.Combine(bank, "p.yaml"), "id: q\n");
        var result = await Cli.RunAsync("sql", "check-bank", bank, "--data-dir", Path.Combine(_folder, "data"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.Combine(bank, "p.yaml")}:1: id 'q' must match the file name 'p'.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("All sound", result.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")), "no dataset is built for an invalid bank");
    }

    [Fact]
    public async Task Mutants_that_the_data_cannot_kill_are_printed_and_fail_the_check()
    {
        var result = await Cli.RunAsync("sql", "check-bank", Path.Combine(RepoPaths.Content, "sql"),
            "--only", "dq-srm-chi-square", "--seeds", "1", "--mutants", "--data-dir", Path.Combine(_folder, "data"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("dq-srm-chi-square [sqlite]: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("  SURVIVED: `3.841` → `3.457` in `case when chi_square > 3.841 then 1 else 0 end as srm_flag`", result.Out, StringComparison.Ordinal);
        Assert.Contains("  equivalent: `join` → `left join` in `join users u on u.user_id = a.user_id` — assignments.user_id is a NOT NULL foreign key", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"Mutants: \d+ over 1 problem\(s\) and 1 engine\(s\); \d+ of \d+ non-equivalent mutants killed", result.Out);
        Assert.Contains("the mutant `3.841` → `3.457` in `case when chi_square > 3.841 then 1 else 0 end as srm_flag` passes on every dataset", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutant_declared_equivalent_is_reported_as_such_and_a_false_declaration_fails()
    {
        var bank = Directory.CreateDirectory(Path.Combine(_folder, "sql")).FullName;
        // The shipped file ends with its own equivalent_mutants list; two more entries go at its end.
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.Content, "sql", "dq-srm-chi-square.yaml"));
        Assert.Contains("\nequivalent_mutants:\n", shipped, StringComparison.Ordinal);
        var text = shipped + """
              - mutant: "`>` → `>=` in `case when chi_square > 3.841 then 1 else 0 end as srm_flag`"
                why: No pair of whole arm sizes on a tiny dataset gives a statistic of exactly 3.841.
              - mutant: "`<>` → `=` in `nowhere`"
                why: Names no mutant.
            """;
        File.WriteAllText(Path.Combine(bank, "dq-srm-chi-square.yaml"), text);
        var result = await Cli.RunAsync("sql", "check-bank", bank, "--seeds", "1", "--mutants", "--data-dir", Path.Combine(_folder, "data"));
        Assert.Contains("  equivalent: `>` → `>=` in `case when chi_square > 3.841 then 1 else 0 end as srm_flag` — No pair of whole arm sizes", result.Out, StringComparison.Ordinal);
        Assert.Contains("dq-srm-chi-square: the declared equivalent mutant `<>` → `=` in `nowhere` is not a mutant of the reference on any engine", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }
}

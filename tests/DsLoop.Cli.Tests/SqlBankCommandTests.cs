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
}

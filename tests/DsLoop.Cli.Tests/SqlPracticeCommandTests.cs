using System.Text.Json;
using DsLoop.Content;
using DsLoop.Content.Sql;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class SqlPracticeCommandTests : IDisposable
{
    private const string Problem = "daily-active-users";
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-sql-practice-").FullName;
    private static readonly string Bank = Path.Combine(RepoPaths.Content, "sql");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SqlProblem Load() => ContentLoader.LoadSqlProblems(Bank).Bank!.SqlProblemsById[Problem];

    [Fact]
    public async Task List_filters_by_difficulty_and_skill()
    {
        var result = await Cli.RunAsync("sql", "list", "--bank", Bank, "--difficulty", "easy", "--skill", "dau", "--json");
        Assert.Equal(0, result.ExitCode);
        var items = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("id").GetString() == Problem);
        Assert.All(items, i => Assert.Equal("easy", i.GetProperty("difficulty").GetString()));
        Assert.Equal(2, (await Cli.RunAsync("sql", "list", "--bank", Bank, "--difficulty", "brutal")).ExitCode);
    }

    [Fact]
    public async Task Skill_tags_are_shown_only_when_asked_for()
    {
        var problem = Load();
        var tag = problem.Skills[0];
        Assert.DoesNotContain(tag, (await Cli.RunAsync("sql", "show", Problem, "--bank", Bank)).Out.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(tag, (await Cli.RunAsync("sql", "show", Problem, "--bank", Bank, "--skills")).Out.Split('\n')[0], StringComparison.Ordinal);
        var hidden = JsonDocument.Parse((await Cli.RunAsync("sql", "list", "--bank", Bank, "--json")).Out).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(hidden);
        Assert.All(hidden, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("skills").ValueKind));
        var shown = JsonDocument.Parse((await Cli.RunAsync("sql", "list", "--bank", Bank, "--skills", "--json")).Out).RootElement.EnumerateArray();
        Assert.Contains(shown, i => i.GetProperty("id").GetString() == Problem && i.GetProperty("skills").EnumerateArray().Any(s => s.GetString() == tag));
        var text = (await Cli.RunAsync("sql", "list", "--bank", Bank)).Out;
        Assert.DoesNotContain("[", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_gives_the_task_and_hints_on_request_but_never_the_solution()
    {
        var problem = Load();
        var result = await Cli.RunAsync("sql", "show", Problem, "--bank", Bank, "--hints", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(problem.Hints[0], result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(problem.Hints[1], result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("count(distinct e.user_id)", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, (await Cli.RunAsync("sql", "show", "no-such-problem", "--bank", Bank)).ExitCode);
    }

    [Fact]
    public async Task Show_states_the_tolerance_of_a_problem_with_non_integer_results()
    {
        const string Ratio = "ret-dau-mau-stickiness";
        var statement = ContentLoader.LoadSqlProblems(Bank).Bank!.SqlProblemsById[Ratio].Spec.ToleranceStatement();
        Assert.NotNull(statement);
        var text = await Cli.RunAsync("sql", "show", Ratio, "--bank", Bank);
        Assert.Contains($"Precision: {statement}", text.Out, StringComparison.Ordinal);
        var json = JsonDocument.Parse((await Cli.RunAsync("sql", "show", Ratio, "--bank", Bank, "--json")).Out).RootElement;
        Assert.Equal(statement, json.GetProperty("precision").GetString());
        Assert.DoesNotContain("Precision:", (await Cli.RunAsync("sql", "show", Problem, "--bank", Bank)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_grades_on_fresh_data_and_the_trap_gets_precise_feedback()
    {
        var problem = Load();
        var right = Path.Combine(_folder, "right.sql");
        var trap = Path.Combine(_folder, "trap.sql");
        await File.WriteAllTextAsync(right, problem.ReferenceFor("sqlite"));
        await File.WriteAllTextAsync(trap, problem.Traps[0].For("sqlite"));
        var passed = await Cli.RunAsync("sql", "submit", Problem, "--bank", Bank, "--file", right, "--data-dir", _folder, "--json");
        Assert.True(passed.ExitCode == 0, passed.Error + passed.Out);
        var json = JsonDocument.Parse(passed.Out).RootElement;
        Assert.True(json.GetProperty("passed").GetBoolean());
        Assert.Equal(problem.Explanation, json.GetProperty("explanation").GetString());
        var seed = json.GetProperty("seed").GetUInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var failed = await Cli.RunAsync("sql", "submit", Problem, "--bank", Bank, "--file", trap, "--data-dir", _folder, "--seed", seed);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains($"INCORRECT on seed {seed}", failed.Out, StringComparison.Ordinal);
        Assert.Contains("column `dau` differs", failed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(problem.Explanation, failed.Out, StringComparison.Ordinal);
    }
}

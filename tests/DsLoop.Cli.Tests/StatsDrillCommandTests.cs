using System.Globalization;
using System.Text.Json;
using DsLoop.Drills;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class StatsDrillCommandTests
{
    private static async Task<Cli.Result> RunWithInputAsync(string input, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await DsLoopCli.RunAsync(args, new StringReader(input), stdout, stderr, TimeProvider.System);
        return new Cli.Result(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task List_names_every_family_by_area()
    {
        var result = await Cli.RunAsync("stats", "drill", "--list");
        Assert.Equal(0, result.ExitCode);
        Assert.All(DrillCatalog.Families, f => Assert.Contains(f.Id, result.Out, StringComparison.Ordinal));
        var json = JsonDocument.Parse((await Cli.RunAsync("stats", "drill", "--list", "--json")).Out).RootElement;
        Assert.Equal(DrillCatalog.Families.Count, json.GetArrayLength());
    }

    [Fact]
    public async Task A_drill_without_an_answer_shows_the_prompt_but_not_the_answer()
    {
        var drill = DrillCatalog.Generate("bayes", 12);
        var result = await Cli.RunAsync("stats", "drill", "--family", "bayes", "--seed", "12");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(drill.Prompt, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(drill.Solution, result.Out, StringComparison.Ordinal);
        var json = JsonDocument.Parse((await Cli.RunAsync("stats", "drill", "--family", "bayes", "--seed", "12", "--json")).Out).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("answer").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("solution").ValueKind);
    }

    [Fact]
    public async Task The_right_answer_exits_zero_and_shows_the_worked_solution()
    {
        var drill = DrillCatalog.Generate("cuped", 3);
        var result = await Cli.RunAsync("stats", "drill", "--family", "cuped", "--seed", "3", "--answer", drill.Answer.ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Correct", result.Out, StringComparison.Ordinal);
        Assert.Contains(drill.Solution, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_mistake_exits_one_and_is_named_in_json()
    {
        var drill = DrillCatalog.Generate("sample-size", 8);
        var total = (drill.Answer * 2).ToString(CultureInfo.InvariantCulture);
        var result = await Cli.RunAsync("stats", "drill", "--family", "sample-size", "--seed", "8", "--answer", total, "--json");
        Assert.Equal(1, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("wrong", json.GetProperty("verdict").GetString());
        Assert.Equal("per-arm versus total", json.GetProperty("mistake").GetString());
        Assert.Equal(drill.AnswerText, json.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task The_answer_can_come_from_stdin()
    {
        var drill = DrillCatalog.Generate("simpson", 2);
        var result = await RunWithInputAsync(drill.AnswerText + "\n", "stats", "drill", "--family", "simpson", "--seed", "2", "--answer", "-");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Correct", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--answer", "lots", "'lots' is not a number")]
    [InlineData("--answer", "1/4", "is a fraction, which this drill does not take")]
    public async Task An_unreadable_answer_exits_two_and_says_why(string option, string value, string message)
    {
        var result = await Cli.RunAsync("stats", "drill", "--family", "duration", "--seed", "1", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task An_unknown_family_or_negative_seed_is_a_usage_error()
    {
        var family = await Cli.RunAsync("stats", "drill", "--family", "astrology");
        Assert.Equal(2, family.ExitCode);
        Assert.Contains("no family 'astrology'", family.Error, StringComparison.Ordinal);
        var seed = await Cli.RunAsync("stats", "drill", "--family", "bayes", "--seed", "-3");
        Assert.Equal(2, seed.ExitCode);
        Assert.Contains("--seed: -3 is negative", seed.Error, StringComparison.Ordinal);
    }
}

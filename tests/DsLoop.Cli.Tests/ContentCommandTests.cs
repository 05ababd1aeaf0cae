using System.Text.Json;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class ContentCommandTests : IDisposable
{
    private readonly string _bad = Directory.CreateTempSubdirectory("dsloop-badcontent-").FullName;

    public ContentCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_bad, "frameworks"));
        Directory.CreateDirectory(Path.Combine(_bad, "questions"));
        File.WriteAllText(Path.Combine(_bad, "frameworks", "f.yaml"), "id: f\nname: F\nsummary: s\nsteps:\n  - id: a\n    name: A\n    description: d\n    cues: []\n");
    }

    public void Dispose() => Directory.Delete(_bad, recursive: true);

    [Fact]
    public async Task Validate_accepts_the_bundled_content()
    {
        var result = await Cli.RunAsync("content", "validate", RepoPaths.Content);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches("Content is valid: .* and [1-9][0-9]* SQL problems", result.Out);
    }

    [Fact]
    public async Task Validate_lists_each_problem_with_file_and_line_and_exits_one()
    {
        var result = await Cli.RunAsync("content", "validate", _bad);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.Combine(_bad, "frameworks/f.yaml")}:8: 'cues' must not be empty.", result.Error, StringComparison.Ordinal);
        Assert.Contains("framework 'f' needs at least 2 steps, found 1", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was loaded", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reports_a_wrong_sql_problem_with_file_and_line()
    {
        var content = Directory.CreateTempSubdirectory("dsloop-badsql-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(content, "sql"));
            File.WriteAllText(Path.Combine(content, "sql", "p.yaml"), "id: p\ntitle: T\ndifficulty: trivial\n");
            var result = await Cli.RunAsync("content", "validate", content);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"{Path.Combine(content, "sql/p.yaml")}:3: difficulty 'trivial' is not easy, medium or hard.", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task Validate_json_reports_errors_as_data()
    {
        var result = await Cli.RunAsync("content", "validate", _bad, "--json");
        Assert.Equal(1, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.False(json.GetProperty("valid").GetBoolean());
        var errors = json.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("frameworks/f.yaml", e.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task Stats_counts_items_by_dimension_round_and_level()
    {
        var result = await Cli.RunAsync("content", "stats", RepoPaths.Content, "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var items = json.GetProperty("items").GetInt32();
        Assert.True(items > 0);
        Assert.Equal(7, json.GetProperty("byDimension").EnumerateObject().Count());
        Assert.Equal(items, json.GetProperty("byLevel").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.True(json.GetProperty("byRound").GetProperty("behavioral").GetInt32() >= 1);
    }

    [Fact]
    public async Task Stats_on_invalid_content_fails_with_a_pointer_to_validate()
    {
        var result = await Cli.RunAsync("content", "stats", _bad);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("run 'dsloop content validate'", result.Error, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class CliShellTests
{
    [Fact]
    public async Task Version_flag_prints_the_version_and_exits_zero()
    {
        var result = await Cli.RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(DsLoopCli.Version, result.Out.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", DsLoopCli.Version);
    }

    [Fact]
    public async Task Version_command_prints_json_on_request()
    {
        var result = await Cli.RunAsync("version", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(DsLoopCli.Version, json.GetProperty("version").GetString());
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("content", "validate", "--nope")]
    [InlineData("serve", "--port", "abc")]
    [InlineData("frobnicate")]
    public async Task Unknown_or_malformed_arguments_print_usage_on_stderr_and_exit_two(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("dsloop: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_available_on_every_command()
    {
        foreach (var args in new[] { new[] { "--help" }, ["serve", "--help"], ["content", "--help"], ["content", "validate", "--help"], ["content", "stats", "--help"], ["version", "--help"] })
        {
            var result = await Cli.RunAsync(args);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Real_process_returns_two_for_an_unknown_option_with_no_stack_trace()
    {
        var result = await Cli.RunProcessAsync(["--definitely-not-an-option"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unrecognized command or argument '--definitely-not-an-option'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}

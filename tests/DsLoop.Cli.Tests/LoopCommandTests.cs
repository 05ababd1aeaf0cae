using System.Text.Json;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class LoopCommandTests
{
    [Fact]
    public async Task Templates_list_one_loop_per_level_and_company_variant_with_time_boxes()
    {
        var result = await Cli.RunAsync("loop", "templates", "--content", RepoPaths.Content, "--json");
        Assert.Equal(0, result.ExitCode);
        var templates = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        var pairs = templates.Select(t => (t.GetProperty("level").GetString(), t.GetProperty("variant").GetString())).ToHashSet();
        foreach (var level in new[] { "ds", "senior" })
        {
            foreach (var variant in new[] { "b2b-saas", "consumer", "trust-and-safety" })
            {
                Assert.Contains((level, variant), pairs);
            }
        }
        Assert.All(templates, t =>
        {
            var rounds = t.GetProperty("rounds").EnumerateArray().ToList();
            Assert.Equal("recruiter-screen", rounds[0].GetProperty("round").GetString());
            Assert.All(rounds, r => Assert.True(r.GetProperty("minutes").GetInt32() > 0));
        });
    }

    [Fact]
    public async Task Templates_in_text_show_each_rounds_minutes_and_mix()
    {
        var result = await Cli.RunAsync("loop", "templates", "--content", RepoPaths.Content);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"\d+ min  Recruiter screen: \d+ open", result.Out);
        Assert.Contains("6 template(s).", result.Out, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using DsLoop.Stats.Design;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class StatsCommandTests
{
    [Fact]
    public async Task Power_json_is_the_engines_plan_with_duration()
    {
        var result = await Cli.RunAsync("stats", "power", "--baseline", "0.10", "--mde", "0.02", "--daily-traffic", "1000", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var plan = SampleSize.ForProportions(0.10, 0.02);
        Assert.Equal(plan.ControlPerArm, json.GetProperty("controlPerArm").GetInt64());
        Assert.Equal(plan.DurationDays(1000), json.GetProperty("durationDays").GetInt32());
    }

    [Fact]
    public async Task Relative_mde_on_the_command_line_equals_the_absolute_one()
    {
        var relative = JsonDocument.Parse((await Cli.RunAsync("stats", "power", "--baseline", "0.10", "--mde", "0.2", "--relative", "--json")).Out).RootElement;
        var absolute = JsonDocument.Parse((await Cli.RunAsync("stats", "power", "--baseline", "0.10", "--mde", "0.02", "--json")).Out).RootElement;
        Assert.Equal(absolute.GetProperty("total").GetInt64(), relative.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Readout_reports_lift_interval_and_statsmodels_wald_z()
    {
        var result = await Cli.RunAsync("stats", "readout", "--control", "120/1000", "--treatment", "150/1000", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(0.03, json.GetProperty("absoluteLift").GetDouble(), 12);
        Assert.Equal(0.25, json.GetProperty("relativeLift").GetDouble(), 12);
        // statsmodels test_proportions_2indep(150, 1000, 120, 1000, method="wald"): z = 1.964943729729648
        Assert.Equal(1.964943729729648, json.GetProperty("z").GetDouble(), 9);
        Assert.True(json.GetProperty("ciLow").GetDouble() > 0);
    }

    [Fact]
    public async Task Sequential_readout_is_wider_than_the_fixed_interval()
    {
        var json = JsonDocument.Parse((await Cli.RunAsync("stats", "readout", "--control", "1200/10000", "--treatment", "1350/10000", "--sequential", "--tuning", "0.0001", "--json")).Out).RootElement;
        Assert.True(json.GetProperty("sequentialLow").GetDouble() < json.GetProperty("ciLow").GetDouble());
        Assert.True(json.GetProperty("sequentialHigh").GetDouble() > json.GetProperty("ciHigh").GetDouble());
        Assert.True(json.GetProperty("sequentialP").GetDouble() > json.GetProperty("p").GetDouble());
        var bad = await Cli.RunAsync("stats", "readout", "--control", "1/10", "--treatment", "2/10", "--sequential", "--tuning", "0");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--tuning: 0 must be a positive variance", bad.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--control", "12x/1000", "'12x/1000' is not COUNT/TOTAL")]
    [InlineData("--control", "1200/1000", "1200 conversions is more than its 1000 units")]
    [InlineData("--treatment", "150", "'150' is not COUNT/TOTAL")]
    public async Task Malformed_fractions_name_the_option_and_exit_two(string option, string value, string message)
    {
        var args = option == "--control"
            ? new[] { "stats", "readout", "--control", value, "--treatment", "15/100" }
            : ["stats", "readout", "--control", "12/100", "--treatment", value];
        var result = await Cli.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option}: {message}", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "stats", "power", "--baseline", "1.5", "--mde", "0.01" }, "--baseline: 1.5 is not a probability")]
    [InlineData(new[] { "stats", "power", "--baseline", "0.1", "--mde", "0.01", "--power", "2" }, "--power: 2 is not a probability")]
    [InlineData(new[] { "stats", "power", "--mde", "0.01" }, "exactly one of --baseline")]
    [InlineData(new[] { "stats", "adjust", "--method", "holm", "--p", "0.2,1.4" }, "--p item 2: 1.4 is not a probability")]
    [InlineData(new[] { "stats", "srm", "--counts", "10,abc" }, "--counts: item 2 ('abc') is not a number")]
    [InlineData(new[] { "stats", "srm", "--counts", "10,20", "--weights", "1" }, "--weights: 2 counts but 1 weights")]
    public async Task Bad_input_names_the_argument_and_exits_two(string[] args, string message)
    {
        var result = await Cli.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Srm_flags_a_broken_split()
    {
        var json = JsonDocument.Parse((await Cli.RunAsync("stats", "srm", "--counts", "50000,51500", "--json")).Out).RootElement;
        Assert.True(json.GetProperty("mismatch").GetBoolean());
        var fair = JsonDocument.Parse((await Cli.RunAsync("stats", "srm", "--counts", "10000,20050", "--weights", "1,2", "--json")).Out).RootElement;
        Assert.False(fair.GetProperty("mismatch").GetBoolean());
    }

    [Fact]
    public async Task Adjust_keeps_the_input_order()
    {
        var json = JsonDocument.Parse((await Cli.RunAsync("stats", "adjust", "--method", "holm", "--p", "0.01,0.04,0.03,0.005", "--json")).Out).RootElement;
        Assert.Equal([0.03, 0.06, 0.06, 0.02], json.GetProperty("adjusted").EnumerateArray().Select(e => Math.Round(e.GetDouble(), 12)));
    }

    [Fact]
    public async Task Classify_reads_a_predictions_file_and_matches_the_engine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dsloop-preds-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(path, "id,label,score\n1,0,0.1\n2,1,0.8\n3,1,0.35\n4,0,0.4\n5,1,0.9\n6,0,0.05\n");
            var result = await Cli.RunAsync("stats", "classify", "--file", path, "--json");
            Assert.Equal(0, result.ExitCode);
            var json = JsonDocument.Parse(result.Out).RootElement;
            var expected = DsLoop.Stats.Classification.ClassifierMetrics.RocAuc([0, 1, 1, 0, 1, 0], [0.1, 0.8, 0.35, 0.4, 0.9, 0.05]).Value;
            Assert.Equal(expected, json.GetProperty("metrics").GetProperty("rocAuc").GetDouble(), 12);
            Assert.Equal(6, json.GetProperty("rows").GetInt32());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("label,prob\n1,0.5\n", "line 1 must be a header with 'label' and 'score' columns")]
    [InlineData("label,score\n1,0.5\n2,0.4\n", "line 3: label '2' is not 0 or 1")]
    [InlineData("label,score\n1,0.5\n0,1.7\n", "line 3: score '1.7' is not a probability")]
    [InlineData("label,score\n1\n", "line 2 has 1 columns; the header has 2")]
    [InlineData("label,score\n", "no rows after the header")]
    public async Task Classify_names_the_line_of_a_bad_row_and_exits_two(string csv, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dsloop-bad-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(path, csv);
            var result = await Cli.RunAsync("stats", "classify", "--file", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(message, result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

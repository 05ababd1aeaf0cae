using System.Globalization;
using System.Text;
using System.Text.Json;
using DsLoop.Stats.Classification;
using DsLoop.Stats.Design;
using DsLoop.Stats.Readout;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class StatsReadoutAndThresholdTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-stats-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static string ExperimentCsv(int rows, double lift)
    {
        var random = new Random(5);
        var csv = new StringBuilder("arm,value,covariate\n");
        foreach (var (arm, shift) in new[] { ("control", 0.0), ("treatment", lift) })
        {
            for (var i = 0; i < rows; i++)
            {
                var x = 10 + (2 * (random.NextDouble() - 0.5));
                var y = 5 + shift + (0.9 * (x - 10)) + (0.3 * (random.NextDouble() - 0.5));
                csv.Append(CultureInfo.InvariantCulture, $"{arm},{y:R},{x:R}\n");
            }
        }
        return csv.ToString();
    }

    [Theory]
    [InlineData("pooled", ProportionSizing.PooledNull)]
    [InlineData("unpooled", ProportionSizing.Unpooled)]
    [InlineData("evan-miller", ProportionSizing.EvanMiller)]
    public async Task Power_method_selects_the_sizing_convention(string method, ProportionSizing sizing)
    {
        var result = await Cli.RunAsync("stats", "power", "--baseline", "0.2", "--mde", "0.05", "--method", method, "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(SampleSize.ForProportions(0.2, 0.05, sizing: sizing).ControlPerArm, json.GetProperty("controlPerArm").GetInt64());
        var bad = await Cli.RunAsync("stats", "power", "--baseline", "0.2", "--mde", "0.05", "--method", "magic");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--method: 'magic'", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Power_with_a_fixed_sample_reports_the_mde_or_the_power()
    {
        var mde = JsonDocument.Parse((await Cli.RunAsync("stats", "power", "--baseline", "0.1", "--n", "5000", "--json")).Out).RootElement;
        var expected = DetectableEffects.ForProportions(0.1, 5000);
        Assert.Equal(expected.Absolute, mde.GetProperty("absoluteMde").GetDouble(), 12);
        var power = JsonDocument.Parse((await Cli.RunAsync("stats", "power", "--baseline", "0.1", "--n", "5000", "--mde", expected.Absolute.ToString("R", CultureInfo.InvariantCulture), "--json")).Out).RootElement;
        Assert.Equal(0.8, power.GetProperty("power").GetDouble(), 9);
        var missing = await Cli.RunAsync("stats", "power", "--baseline", "0.1");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--mde is required", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readout_reports_delta_and_fieller_intervals_of_the_relative_lift()
    {
        var json = JsonDocument.Parse((await Cli.RunAsync("stats", "readout", "--control", "120/1000", "--treatment", "150/1000", "--json")).Out).RootElement;
        var delta = RelativeLift.Delta(0.15, 0.15 * 0.85 / 1000, 0.12, 0.12 * 0.88 / 1000);
        Assert.Equal(delta.Low, json.GetProperty("relativeDelta").GetProperty("low").GetDouble(), 12);
        Assert.True(json.GetProperty("relativeFieller").GetProperty("low").GetDouble() > delta.Low);
        var unbounded = JsonDocument.Parse((await Cli.RunAsync("stats", "readout", "--control", "1/1000", "--treatment", "3/1000", "--json")).Out).RootElement;
        Assert.Contains("unbounded", unbounded.GetProperty("relativeFieller").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, unbounded.GetProperty("relativeFieller").GetProperty("low").ValueKind);
    }

    [Fact]
    public async Task Mean_readout_from_summary_numbers_is_welch()
    {
        var result = await Cli.RunAsync("stats", "readout", "--control-mean", "10", "--control-sd", "2", "--control-n", "50",
            "--treatment-mean", "10.5", "--treatment-sd", "2.5", "--treatment-n", "60", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        // scipy.stats.ttest_ind_from_stats(10.5, 2.5, 60, 10, 2, 50, equal_var=False): the first welch.json fixture.
        var welch = WelchTest.FromStats(10, 2, 50, 10.5, 2.5, 60);
        Assert.Equal(welch.Test.Statistic, json.GetProperty("t").GetDouble(), 12);
        Assert.Equal(welch.DegreesOfFreedom, json.GetProperty("df").GetDouble(), 9);
    }

    [Fact]
    public async Task File_readout_runs_welch_and_cuped_and_cuped_is_narrower()
    {
        var path = await WriteAsync("experiment.csv", ExperimentCsv(800, 0.05));
        var result = await Cli.RunAsync("stats", "readout", "--file", path, "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var plainWidth = json.GetProperty("ciHigh").GetDouble() - json.GetProperty("ciLow").GetDouble();
        var cuped = json.GetProperty("cuped");
        var cupedWidth = cuped.GetProperty("ciHigh").GetDouble() - cuped.GetProperty("ciLow").GetDouble();
        Assert.True(cupedWidth < plainWidth / 2, $"CUPED width {cupedWidth} vs plain {plainWidth}");
        Assert.InRange(cuped.GetProperty("theta").GetDouble(), 0.8, 1.0);
        Assert.True(cuped.GetProperty("ciLow").GetDouble() > 0, "CUPED should detect the 0.05 lift");
    }

    [Fact]
    public async Task File_readout_bootstrap_is_reproducible_from_its_seed()
    {
        var path = await WriteAsync("experiment.csv", ExperimentCsv(200, 0.1));
        var first = await Cli.RunAsync("stats", "readout", "--file", path, "--bootstrap", "bca", "--resamples", "500", "--seed", "9", "--json");
        var again = await Cli.RunAsync("stats", "readout", "--file", path, "--bootstrap", "bca", "--resamples", "500", "--seed", "9", "--json");
        Assert.Equal(0, first.ExitCode);
        var a = JsonDocument.Parse(first.Out).RootElement.GetProperty("bootstrap");
        var b = JsonDocument.Parse(again.Out).RootElement.GetProperty("bootstrap");
        Assert.Equal(a.GetProperty("low").GetDouble(), b.GetProperty("low").GetDouble());
        Assert.Equal("bca", a.GetProperty("method").GetString());
        Assert.True(a.GetProperty("low").GetDouble() < a.GetProperty("high").GetDouble());
    }

    [Theory]
    [InlineData("arm,metric\ncontrol,1\n", "line 1 must be a header with 'arm' and 'value'")]
    [InlineData("arm,value\ncontrol,1\ntreatment,abc\n", "line 3: value 'abc' is not a number")]
    [InlineData("arm,value\ncontrol,1\nb,2\nc,3\n", "line 4: arm 'c' is neither the control arm 'control' nor the treatment arm 'b'")]
    [InlineData("arm,value\nA,1\nB,2\n", "line 3: arm 'B' is neither")]
    [InlineData("arm,value\nA,1\nA,2\n", "need rows for both 'control'")]
    public async Task Bad_experiment_files_name_the_line_and_exit_two(string csv, string message)
    {
        var path = await WriteAsync("bad.csv", csv);
        var result = await Cli.RunAsync("stats", "readout", "--file", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_reports_the_capacity_and_cost_thresholds_of_the_engine()
    {
        var random = new Random(8);
        var labels = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() < 0.05 ? 1 : 0).ToArray();
        var scores = labels.Select(y => Math.Round(Math.Clamp((0.5 * y) + (0.5 * random.NextDouble()), 0, 1), 3)).ToArray();
        var path = await WriteAsync("preds.csv", "label,score\n" + string.Concat(labels.Select((y, i) => string.Create(CultureInfo.InvariantCulture, $"{y},{scores[i]}\n"))));
        var result = await Cli.RunAsync("stats", "classify", "--file", path, "--cases-per-day", "10000", "--capacity", "400", "--cost-fp", "1", "--cost-fn", "20", "--json");
        Assert.Equal(0, result.ExitCode);
        var thresholds = JsonDocument.Parse(result.Out).RootElement.GetProperty("thresholds");
        var capacity = OperatingPoints.ForCapacity(scores, 10000, 400, labels);
        Assert.Equal(capacity.Threshold, thresholds.GetProperty("capacity").GetProperty("threshold").GetDouble());
        Assert.True(thresholds.GetProperty("capacity").GetProperty("flaggedPerDay").GetDouble() <= 400);
        var cost = OperatingPoints.MinimumCost(labels, scores, new CostMatrix(1, 20));
        Assert.Equal(cost.Threshold, thresholds.GetProperty("minimumCost").GetProperty("threshold").GetDouble());
        var half = await Cli.RunAsync("stats", "classify", "--file", path, "--capacity", "400");
        Assert.Equal(2, half.ExitCode);
        Assert.Contains("--cases-per-day and --capacity go together", half.Error, StringComparison.Ordinal);
    }
}

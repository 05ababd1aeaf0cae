using System.Text.Json;
using DsLoop.Cases;
using DsLoop.Cases.Experiment;
using DsLoop.Cases.Modeling;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class CaseCommandTests
{
    [Fact]
    public async Task Case_new_writes_the_files_and_prints_the_brief_but_never_the_truth()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-case-cli-").FullName;
        try
        {
            var result = await Cli.RunAsync("case", "new", "experiment", "--seed", "5", "--out", folder, "--json");
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Out);
            Assert.Equal("experiment-5", json.RootElement.GetProperty("id").GetString());
            Assert.True(File.Exists(Path.Combine(folder, "users.csv")));
            var brief = File.ReadAllText(Path.Combine(folder, "brief.md"));
            Assert.Equal(brief, json.RootElement.GetProperty("brief").GetString());
            var plan = ExperimentScenarios.Readout(5);
            Assert.DoesNotContain(plan.Twist.ToString(), result.Out, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("planted", result.Out, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Case_new_kpi_drop_writes_the_warehouse_and_its_csv_files_and_caches_the_warehouse_in_the_shared_dataset_folder()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-case-cli-").FullName;
        try
        {
            var data = Path.Combine(folder, "data");
            var output = Path.Combine(folder, "case");
            var result = await Cli.RunAsync("case", "new", "kpi-drop", "--seed", "12", "--out", output, "--data-dir", data, "--json");
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Out);
            var files = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
            var tables = new[] { "users", "sessions", "events", "subscriptions", "payments", "support_tickets" };
            Assert.Equal(["warehouse.sqlite", .. tables.Select(t => $"csv/{t}.csv").Append("csv/SCHEMA.md").Order(StringComparer.Ordinal), "brief.md"], files);
            Assert.All(files, f => Assert.True(File.Exists(Path.Combine(output, f)), f));
            Assert.StartsWith("user_id,", File.ReadLines(Path.Combine(output, "csv", "users.csv")).First(), StringComparison.Ordinal);
            Assert.Equal(6_001, File.ReadLines(Path.Combine(output, "csv", "users.csv")).Count());
            Assert.Contains("days of it, from 2025-", json.RootElement.GetProperty("brief").GetString(), StringComparison.Ordinal);
            // The warehouse is cached where the web app caches it and where `dsloop sql` keeps its datasets.
            Assert.Single(Directory.GetFiles(Path.Combine(data, "datasets"), "case-kpi-*-12-g*.sqlite"));
            Assert.False(Directory.Exists(Path.Combine(data, "datasets", "cases")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Case_submit_grades_an_answer_file_and_names_the_mistake()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-case-cli-").FullName;
        try
        {
            var design = ExperimentScenarios.Design(5);
            var (lo, hi) = DesignGrader.AcceptedRange(design);
            var answer = Path.Combine(folder, "answer.json");
            File.WriteAllText(answer, new ExperimentAnswer(new DesignAnswer(lo + hi, null, null, "user"), null).ToJson());
            var result = await Cli.RunAsync("case", "submit", "experiment-5", "--file", answer);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("[miss] Sample size per arm", result.Out, StringComparison.Ordinal);
            Assert.Contains("total for both arms", result.Out, StringComparison.Ordinal);
            Assert.Contains("[ok] Randomisation unit", result.Out, StringComparison.Ordinal);
            Assert.Contains("The engine's analysis:", result.Out, StringComparison.Ordinal);

            var json = await Cli.RunAsync("case", "submit", "experiment-5", "--file", answer, "--json");
            using var doc = JsonDocument.Parse(json.Out);
            Assert.Equal(9, doc.RootElement.GetProperty("parts").GetArrayLength());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Invalid_predictions_are_refused_with_the_line_and_a_bad_case_id_is_a_usage_error()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-case-cli-").FullName;
        try
        {
            var file = Path.Combine(folder, "predictions.csv");
            File.WriteAllText(file, "id,probability\n1,0.5\n");
            var result = await Cli.RunAsync("case", "submit", "modeling-3", "--file", file);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("Line 2: id 1 is not in holdout_features.csv", result.Error, StringComparison.Ordinal);

            var usage = await Cli.RunAsync("case", "submit", "survey-3", "--file", file);
            Assert.Equal(2, usage.ExitCode);
            Assert.Equal(2, (await Cli.RunAsync("case", "new", "survey")).ExitCode);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Modeling_submit_takes_the_error_analysis_options_and_prints_the_slice_report()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-case-cli-").FullName;
        try
        {
            var data = ModelingData.Generate(9, CaseScale.Tiny);
            var file = Path.Combine(folder, "predictions.csv");
            File.WriteAllText(file, "id,probability\n" + string.Concat(data.Holdout.Select((r, i) => $"{r.Id},{(i % 10) / 20.0:0.00}\n")));
            var segment = data.Weakness.SegmentName(data.Scenario);
            var result = await Cli.RunAsync("case", "submit", "modeling-9", "--file", file, "--weak-segment", segment, "--weak-segment-error", PlantedWeakness.Slug(data.Weakness.Error));
            Assert.Equal(0, result.ExitCode);
            Assert.Contains($"[ok] Error analysis (1/1): Right: the baseline", result.Out, StringComparison.Ordinal);
            Assert.Contains("Error analysis on the holdout", result.Out, StringComparison.Ordinal);
            Assert.Contains($"  {data.Scenario.Segment.Column} {segment} ", result.Out, StringComparison.Ordinal);
            Assert.Contains("Most missed positives", result.Out, StringComparison.Ordinal);

            var without = await Cli.RunAsync("case", "submit", "modeling-9", "--file", file, "--json");
            using var json = JsonDocument.Parse(without.Out);
            var part = json.RootElement.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("part").GetString() == "Error analysis");
            Assert.Equal(0, part.GetProperty("points").GetDouble());
            Assert.True(json.RootElement.GetProperty("slices").GetProperty("slices").GetArrayLength() > 5);

            var typo = await Cli.RunAsync("case", "submit", "modeling-9", "--file", file, "--weak-segment", "nowhere");
            Assert.Equal(1, typo.ExitCode);
            Assert.Contains("'nowhere' is not a value of", typo.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Case_ids_printed_by_new_parse_back()
    {
        var id = new CaseId(CaseKind.KpiDrop, 77);
        Assert.Equal(id, CaseId.TryParse(id.ToString()));
    }
}

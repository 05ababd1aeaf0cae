using System.CommandLine;
using System.Globalization;
using DsLoop.Cases;
using DsLoop.Cases.Modeling;
using DsLoop.Content;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop case new|submit</c>: case exercises regenerated from a seed for every attempt; the truth stays in the grader.</summary>
internal static class CaseCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("case", "Case exercises: experiment design and readout, a modeling take-home, a KPI-drop deep dive.");
        command.Subcommands.Add(New(console));
        command.Subcommands.Add(Submit(console));
        return command;
    }

    private static Option<string?> DataDir() => new("--data-dir") { Description = "Folder holding the dataset cache (default ./.dsloop, or DSLOOP_DATA_DIR)." };

    private static Command New(CliConsole console)
    {
        var kind = new Argument<string>("kind") { Description = "experiment, modeling or kpi-drop." };
        var seed = new Option<ulong?>("--seed") { Description = "The seed (default: a fresh random one, so every attempt has new numbers)." };
        var scale = new Option<string>("--scale") { Description = "tiny or standard.", DefaultValueFactory = _ => "tiny" };
        var output = new Option<string?>("--out") { Description = "Folder for the case's files (default ./CASE-ID)." };
        var dataDir = DataDir();
        var json = CliJson.Option();
        var command = new Command("new", "Start a case: write its files and print the brief (never the answer).") { kind, seed, scale, output, dataDir, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = CaseId.KindFromSlug(parse.GetValue(kind)!)
                ?? throw new CliException($"'{parse.GetValue(kind)}' is not one of {string.Join(", ", CaseId.KindSlugs)}.", DsLoopCli.Usage);
            var s = parse.GetValue(scale) switch
            {
                "tiny" => CaseScale.Tiny,
                "standard" => CaseScale.Standard,
                var other => throw new CliException($"--scale: '{other}' is not tiny or standard.", DsLoopCli.Usage),
            };
            var id = new CaseId(k, parse.GetValue(seed) ?? CaseId.NewSeed(), s);
            var folder = Path.GetFullPath(parse.GetValue(output) ?? id.ToString());
            Directory.CreateDirectory(folder);
            var service = Service(parse.GetValue(dataDir));
            var brief = service.Brief(id);
            var written = new List<string>();
            foreach (var file in service.Files(id))
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, file.Name), file.Content, cancellationToken);
                written.Add(file.Name);
            }
            if (k == CaseKind.KpiDrop)
            {
                if (!parse.GetValue(json))
                {
                    await console.Error.WriteLineAsync("Generating the case's warehouse (first use only)…");
                }
                using (var lease = await service.KpiDatasetAsync(id, cancellationToken))
                {
                    File.Copy(lease.Path, Path.Combine(folder, CaseService.KpiSqliteFile), overwrite: true);
                }
                written.Add(CaseService.KpiSqliteFile);
                // The same rows as CSV files, for pandas, R or a spreadsheet.
                var csv = Path.Combine(folder, "csv");
                await Task.Run(() => service.WriteKpiCsv(id, csv, cancellationToken), cancellationToken);
                written.AddRange(Directory.GetFiles(csv).Select(f => "csv/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));
            }
            await File.WriteAllTextAsync(Path.Combine(folder, "brief.md"), brief, cancellationToken);
            written.Add("brief.md");
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new { id = id.ToString(), kind = CaseId.Slug(k), seed = id.Seed, folder, files = written, brief });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync(brief);
            await console.Out.WriteLineAsync($"Case {id}: files in {folder} ({string.Join(", ", written)}).");
            await console.Out.WriteLineAsync(k == CaseKind.Modeling
                ? $"Submit with: dsloop case submit {id} --file predictions.csv [--validation-auc X] [--plan plan.md] [--weak-segment VALUE --weak-segment-error over-predicts|under-predicts|ranks-poorly]"
                : $"Submit with: dsloop case submit {id} --file answer.json");
            return DsLoopCli.Ok;
        });
        return command;
    }

    private static CaseService Service(string? dataDir) => new(SeededDatasets.OpenCache(dataDir), PlanFramework());

    private static Framework? PlanFramework() =>
        ContentLoader.Load(ContentCommand.ResolveFolder(null)).Bank?.Frameworks.GetValueOrDefault(ModelingCase.PlanFrameworkId);

    private static Command Submit(CliConsole console)
    {
        var id = new Argument<string>("case-id") { Description = "The case id printed by 'dsloop case new', e.g. experiment-42." };
        var file = new Option<FileInfo>("--file") { Description = "answer.json (experiment, kpi-drop) or predictions.csv (modeling).", Required = true };
        var auc = new Option<double?>("--validation-auc") { Description = "Modeling: your own validation ROC-AUC." };
        var plan = new Option<FileInfo?>("--plan") { Description = "Modeling: your deployment and monitoring plan (text)." };
        var weakSegment = new Option<string?>("--weak-segment") { Description = "Modeling error analysis: the segment value where the platform baseline is worst." };
        var weakError = new Option<string?>("--weak-segment-error") { Description = $"Modeling error analysis: the baseline's error there ({string.Join(", ", PlantedWeakness.ErrorSlugs)})." };
        var dataDir = DataDir();
        var json = CliJson.Option();
        var command = new Command("submit", "Grade an answer to a case and show the engine's own analysis.") { id, file, auc, plan, weakSegment, weakError, dataDir, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var caseId = CaseId.TryParse(parse.GetValue(id))
                ?? throw new CliException($"'{parse.GetValue(id)}' is not a case id (like experiment-42 or kpi-drop-7).", DsLoopCli.Usage);
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"--file: {path.FullName} does not exist.");
            }
            if (path.Length > PredictionUpload.MaxBytes)
            {
                throw new CliException($"--file: {path.Length:N0} bytes is over the {PredictionUpload.MaxBytes:N0}-byte limit.");
            }
            var bytes = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
            var planFile = parse.GetValue(plan);
            var submission = caseId.Kind == CaseKind.Modeling
                ? new CaseSubmission(null, bytes, parse.GetValue(auc), planFile is null ? null : await File.ReadAllTextAsync(planFile.FullName, cancellationToken),
                    new ErrorAnalysisAnswer(parse.GetValue(weakSegment), parse.GetValue(weakError)))
                : new CaseSubmission(System.Text.Encoding.UTF8.GetString(bytes));
            CaseResult result;
            try
            {
                result = await Service(parse.GetValue(dataDir)).GradeAsync(caseId, submission, cancellationToken);
            }
            catch (CaseAnswerException e)
            {
                throw new CliException($"the answer was not graded:\n{e.Message}");
            }
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, result);
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync($"Case {result.Case}: {result.Points.ToString("0.##", CultureInfo.InvariantCulture)} / {result.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)} ({result.Score * 100:0}%)\n");
            foreach (var part in result.Parts)
            {
                await console.Out.WriteLineAsync($"[{(part.Passed ? "ok" : part.Points > 0 ? "part" : "miss")}] {part.Part} ({part.Points.ToString("0.##", CultureInfo.InvariantCulture)}/{part.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)}): {part.Feedback}");
            }
            await console.Out.WriteLineAsync("\nThe engine's analysis:");
            foreach (var line in result.Reference)
            {
                await console.Out.WriteLineAsync($"  {line}");
            }
            if (result.Slices is { } slices)
            {
                await console.Out.WriteLineAsync();
                await console.Out.WriteLineAsync(SliceText(slices));
            }
            await console.Out.WriteLineAsync($"\nWhat was planted: {result.Explanation}");
            return DsLoopCli.Ok;
        });
        return command;
    }

    /// <summary>The holdout slice report and top errors as fixed-width text.</summary>
    internal static string SliceText(SliceReport report)
    {
        static string F(double? x) => x is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
        static string G(double x) => x.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Error analysis on the holdout (gap = mean predicted - observed; recall at your threshold {F(report.Threshold)}, baseline {F(report.BaselineThreshold)}):");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  {"slice",-36} {"rows",7} {"pos",6} {"obs",6} {"mean",6} {"gap",7} {"auc",6} {"recall",6} | {"base",6} {"gap",7} {"auc",6}");
        foreach (var r in report.Slices)
        {
            var (y, b) = (r.Yours, r.Baseline);
            var name = r.Dimension == "all" ? r.Slice : $"{r.Dimension} {r.Slice}";
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {name,-36} {y.Rows,7} {y.Positives,6} {F(y.ObservedRate),6} {F(y.MeanScore),6} {G(y.Gap()),7} {F(y.RocAuc),6} {F(y.Recall),6} | {F(b.MeanScore),6} {G(b.Gap()),7} {F(b.RocAuc),6}");
        }
        foreach (var (title, rows) in new[] { ("Most confident false positives", report.FalsePositives), ("Most missed positives", report.FalseNegatives) })
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{title} (id, probability, {report.SegmentColumn}, {string.Join(", ", report.FeatureNames)}):");
            foreach (var e in rows)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {e.Id} {F(e.Score)} {e.Segment} {string.Join(" ", e.Features.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))}");
            }
            if (rows.Count == 0)
            {
                sb.AppendLine("  none");
            }
        }
        return sb.ToString().TrimEnd();
    }
}

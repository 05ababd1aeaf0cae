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
                await Task.Run(() => CaseService.WriteKpiCsv(id, csv, cancellationToken), cancellationToken);
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
                ? $"Submit with: dsloop case submit {id} --file predictions.csv [--validation-auc X] [--plan plan.md]"
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
        var dataDir = DataDir();
        var json = CliJson.Option();
        var command = new Command("submit", "Grade an answer to a case and show the engine's own analysis.") { id, file, auc, plan, dataDir, json };
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
                ? new CaseSubmission(null, bytes, parse.GetValue(auc), planFile is null ? null : await File.ReadAllTextAsync(planFile.FullName, cancellationToken))
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
            await console.Out.WriteLineAsync($"\nWhat was planted: {result.Explanation}");
            return DsLoopCli.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DsLoop.Sql;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop sql</c>: run a query in the SQL sandbox, or grade a candidate query against a reference.</summary>
internal static class SqlCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("sql", "Run queries in the hardened SQL sandbox and grade answers against a reference.");
        command.Subcommands.Add(Run(console));
        command.Subcommands.Add(Grade(console));
        command.Subcommands.Add(SqlBankCommand.Build(console));
        foreach (var practice in SqlPracticeCommand.Build(console))
        {
            command.Subcommands.Add(practice);
        }
        return command;
    }

    private static Command Run(CliConsole console)
    {
        var dataset = new SeededDatasets();
        var query = new Argument<string>("query") { Description = "The query, e.g. \"select * from users limit 5\"." };
        var json = CliJson.Option();
        var maxRows = new Option<int>("--max-rows") { DefaultValueFactory = _ => 100, Description = "Rows to print." };
        var timeout = new Option<int>("--timeout-ms") { DefaultValueFactory = _ => 5000, Description = "Time limit in milliseconds." };
        var command = new Command("run", "Run one read-only query in the sandbox and print the rows.") { query, json, maxRows, timeout };
        foreach (var option in dataset.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var limits = Limits(parse.GetValue(maxRows), parse.GetValue(timeout));
            var (sandbox, lease) = await dataset.OpenAsync(parse, limits, console, cancellationToken);
            using var _ = lease;
            var result = await sandbox.RunAsync(parse.GetValue(query)!, limits, cancellationToken);
            if (!result.Succeeded)
            {
                var what = result.Status switch
                {
                    SqlRunStatus.Refused => "refused",
                    SqlRunStatus.TimedOut => "timed out",
                    SqlRunStatus.Cancelled => "cancelled",
                    SqlRunStatus.LimitExceeded => "limit exceeded",
                    _ => "error",
                };
                await console.Error.WriteLineAsync($"dsloop: {what}: {result.Message}");
                return DsLoopCli.Failed;
            }
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new
                {
                    columns = result.Columns,
                    rows = result.Rows.Select(r => r.Select(JsonValue)),
                    totalRows = result.TotalRowCount,
                    rowsTruncated = result.RowsTruncated,
                    bytesTruncated = result.BytesTruncated,
                    elapsedMs = Math.Round(result.Elapsed.TotalMilliseconds, 1),
                });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteAsync(Table(result));
            var total = result.TotalRowCount is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "more than " + result.Rows.Count.ToString(CultureInfo.InvariantCulture);
            await console.Out.WriteLineAsync($"({result.Rows.Count} of {total} rows, {result.Elapsed.TotalMilliseconds:0} ms{(result.BytesTruncated ? ", output limit reached" : "")})");
            return DsLoopCli.Ok;
        });
        return command;
    }

    private static Command Grade(CliConsole console)
    {
        var dataset = new SeededDatasets();
        var reference = new Option<string>("--reference") { Description = "File with the reference query.", Required = true };
        var candidate = new Option<string>("--candidate") { Description = "File with the candidate's query.", Required = true };
        var spec = new Option<string?>("--spec") { Description = "Grading spec JSON file (default: any order, exact numbers, names must match)." };
        var json = CliJson.Option();
        var timeout = new Option<int>("--timeout-ms") { DefaultValueFactory = _ => 10000, Description = "Time limit per query in milliseconds." };
        var command = new Command("grade", "Grade a candidate query against a reference query under a grading spec.") { reference, candidate, spec, json, timeout };
        foreach (var option in dataset.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var limits = Limits(1, parse.GetValue(timeout));
            var (sandbox, lease) = await dataset.OpenAsync(parse, limits, console, cancellationToken);
            using var _ = lease;
            GradingSpec gradingSpec;
            try
            {
                gradingSpec = parse.GetValue(spec) is { } specPath ? GradingSpec.FromJson(await File.ReadAllTextAsync(specPath, cancellationToken)) : new GradingSpec();
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                throw new CliException($"--spec: {e.Message}", DsLoopCli.Usage);
            }
            var result = await new ResultGrader().GradeAsync(
                sandbox, await ReadQueryAsync(parse.GetValue(reference)!, cancellationToken), await ReadQueryAsync(parse.GetValue(candidate)!, cancellationToken),
                gradingSpec, limits, cancellationToken);
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new { verdict = result.Verdict, passed = result.Passed, feedback = result.Feedback, referenceRows = result.ReferenceRows, candidateRows = result.CandidateRows });
            }
            else
            {
                await console.Out.WriteLineAsync(result.Verdict switch
                {
                    GradeVerdict.Correct => "CORRECT",
                    GradeVerdict.Incorrect => "INCORRECT",
                    GradeVerdict.CandidateFailed => "DID NOT RUN",
                    _ => "REFERENCE FAILED",
                });
                foreach (var line in result.Feedback.Where(f => f != "correct"))
                {
                    await console.Out.WriteLineAsync($"- {line}");
                }
            }
            return result.Passed ? DsLoopCli.Ok : DsLoopCli.Failed;
        });
        return command;
    }

    private static async Task<string> ReadQueryAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : throw new CliException($"the query file {Path.GetFullPath(path)} does not exist.");

    private static SandboxLimits Limits(int maxRows, int timeoutMs)
    {
        if (maxRows < 0)
        {
            throw new CliException("--max-rows must be 0 or more.", DsLoopCli.Usage);
        }
        if (timeoutMs <= 0)
        {
            throw new CliException("--timeout-ms must be positive.", DsLoopCli.Usage);
        }
        return SandboxLimits.Default with { MaxRows = maxRows, Timeout = TimeSpan.FromMilliseconds(timeoutMs) };
    }

    private static object? JsonValue(object? value) => value switch
    {
        byte[] blob => "x'" + Convert.ToHexString(blob) + "'",
        double d when !double.IsFinite(d) => d.ToString(CultureInfo.InvariantCulture),
        _ => value,
    };

    internal static string Text(object? value) => value switch
    {
        null => "NULL",
        byte[] blob => "x'" + Convert.ToHexString(blob) + "'",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    internal static string Table(SqlRunResult result)
    {
        var cells = result.Rows.Select(r => r.Select(v => Text(v).ReplaceLineEndings(" ")).ToArray()).ToList();
        var widths = result.Columns.Select((c, i) => Math.Min(60, Math.Max(c.Name.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length)))).ToArray();
        var numeric = result.Columns.Select((_, i) => result.Rows.Count > 0 && result.Rows.All(r => r[i] is null or long or int or double or decimal)).ToArray();
        var builder = new StringBuilder();
        string Fit(string text, int i)
        {
            var cut = text.Length > widths[i] ? text[..(widths[i] - 1)] + "…" : text;
            return numeric[i] ? cut.PadLeft(widths[i]) : cut.PadRight(widths[i]);
        }
        builder.AppendLine(string.Join("  ", result.Columns.Select((c, i) => c.Name.PadRight(widths[i]))).TrimEnd());
        builder.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            builder.AppendLine(string.Join("  ", row.Select(Fit)).TrimEnd());
        }
        return builder.ToString();
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DsLoop.Data;
using DsLoop.Data.Output;
using DsLoop.Data.Scenarios;
using DsLoop.Data.Schema;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop data</c>: generate the practice product-analytics dataset and describe its schema.</summary>
internal static class DataCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The environment variable with a PostgreSQL connection string for the sandbox database.</summary>
    public const string SandboxVariable = "DSLOOP_SANDBOX_DB";

    public static Command Build(CliConsole console)
    {
        var command = new Command("data", "Generate the deterministic practice dataset (users, sessions, events, billing, experiments) and show its schema.");
        command.Subcommands.Add(Generate(console));
        command.Subcommands.Add(Schema(console));
        return command;
    }

    private static readonly Dictionary<string, KpiDropCause> Causes = Enum.GetValues<KpiDropCause>()
        .Where(c => c != KpiDropCause.None)
        .ToDictionary(Kebab, c => c);

    private static string Kebab(KpiDropCause cause) =>
        string.Concat(cause.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    private static Command Generate(CliConsole console)
    {
        var scale = new Option<string?>("--scale") { Description = "Preset size: tiny (~2k users), standard (~50k users, ~2M events) or large (~1M users, ~39M events)." };
        var users = new Option<int?>("--users") { Description = "A custom number of users instead of --scale." };
        var seed = new Option<ulong>("--seed") { Description = "Seed; the same seed and size always give byte-identical data.", DefaultValueFactory = _ => 42 };
        var engine = new Option<string>("--engine") { Description = "sqlite (a fresh file) or postgres (one schema).", DefaultValueFactory = _ => "sqlite" };
        var output = new Option<string?>("--out") { Description = "SQLite file to create (default: dsloop-data-<size>-<seed>.sqlite)." };
        var schema = new Option<string?>("--schema") { Description = "PostgreSQL schema to (re)create (default: ds_<size>_<seed>)." };
        var connection = new Option<string?>("--connection") { Description = $"PostgreSQL connection string (default: ${SandboxVariable})." };
        var csv = new Option<string?>("--csv") { Description = "Also export one CSV file per table into this folder." };
        var kpiDrop = new Option<string?>("--kpi-drop") { Description = $"Plant a KPI drop with one root cause: {string.Join(", ", Causes.Keys)}." };
        var lift = new Option<double?>("--experiment-lift") { Description = "Plant a true relative lift in the checkout_redesign experiment (0.1 = +10%)." };
        var srm = new Option<bool>("--srm") { Description = "Plant a sample-ratio mismatch (lost Android treatment logs) in the experiment." };
        var novelty = new Option<double>("--novelty") { Description = "Extra relative lift at first exposure, halving every 5 days.", DefaultValueFactory = _ => 0 };
        var guardrail = new Option<double>("--guardrail") { Description = "Relative change of treatment's support-ticket rate.", DefaultValueFactory = _ => 0 };
        var leakage = new Option<bool>("--leakage") { Description = "Fill the churn_features modeling table (which has leaky columns)." };
        var truth = new Option<string?>("--truth") { Description = "Write the answer key of planted scenarios (JSON) to this file; keep it away from candidates." };
        var json = CliJson.Option();
        var command = new Command("generate", "Generate a dataset into SQLite or PostgreSQL (and optionally CSV); progress goes to stderr.")
        {
            scale, users, seed, engine, output, schema, connection, csv, kpiDrop, lift, srm, novelty, guardrail, leakage, truth, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var size = (parse.GetValue(scale), parse.GetValue(users)) switch
            {
                ({ } name, null) => DataScale.Preset(name)
                    ?? throw new CliException($"--scale: '{name}' is not one of {string.Join(", ", DataScale.PresetNames)}.", DsLoopCli.Usage),
                (null, { } n) => n is >= 1 and <= 10_000_000 ? DataScale.Custom(n)
                    : throw new CliException($"--users: {n} is not between 1 and 10,000,000.", DsLoopCli.Usage),
                (null, null) => throw new CliException("give --scale (tiny, standard or large) or --users N.", DsLoopCli.Usage),
                _ => throw new CliException("give either --scale or --users, not both.", DsLoopCli.Usage),
            };
            var engineName = parse.GetValue(engine)!.ToLowerInvariant();
            if (engineName is not ("sqlite" or "postgres"))
            {
                throw new CliException($"--engine: '{parse.GetValue(engine)}' is not sqlite or postgres.", DsLoopCli.Usage);
            }
            var scenarios = Scenarios(parse.GetValue(kpiDrop), parse.GetValue(lift), parse.GetValue(srm), parse.GetValue(novelty), parse.GetValue(guardrail), parse.GetValue(leakage));
            var seedValue = parse.GetValue(seed);
            var sizeName = size.Name == "custom" ? size.Users.ToString(Inv) : size.Name;
            var generator = new DatasetGenerator(new GenerationOptions(seedValue, size, scenarios));
            var progress = new StderrProgress(console.Error);
            var watch = Stopwatch.StartNew();
            IReadOnlyDictionary<string, long> counts;
            string location;
            var csvFolder = parse.GetValue(csv);
            CsvDatasetWriter? csvWriter;
            try
            {
                csvWriter = csvFolder is null ? null : new CsvDatasetWriter(csvFolder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--csv: cannot write to {csvFolder}: {e.Message}");
            }
            using var csvCleanup = csvWriter;
            if (engineName == "sqlite")
            {
                if (parse.GetValue(connection) is not null || parse.GetValue(schema) is not null)
                {
                    throw new CliException("--connection and --schema need --engine postgres.", DsLoopCli.Usage);
                }
                var path = parse.GetValue(output) ?? $"dsloop-data-{sizeName}-{seedValue.ToString(Inv)}.sqlite";
                try
                {
                    using var writer = new SqliteDatasetWriter(path);
                    counts = generator.Generate(csvWriter is null ? writer : new TeeSink(writer, csvWriter), progress, cancellationToken);
                    writer.Complete();
                    location = writer.Path;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
                {
                    throw new CliException($"--out: cannot write {Path.GetFullPath(path)}: {e.Message}");
                }
            }
            else
            {
                if (parse.GetValue(output) is not null)
                {
                    throw new CliException("--out is for --engine sqlite; use --schema for postgres.", DsLoopCli.Usage);
                }
                var connectionString = parse.GetValue(connection) ?? Environment.GetEnvironmentVariable(SandboxVariable);
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new CliException($"--connection: give a PostgreSQL connection string or set {SandboxVariable}.", DsLoopCli.Usage);
                }
                var schemaName = parse.GetValue(schema) ?? $"ds_{sizeName}_{seedValue.ToString(Inv)}";
                try
                {
                    using var writer = new PostgresDatasetWriter(connectionString, schemaName);
                    counts = generator.Generate(csvWriter is null ? writer : new TeeSink(writer, csvWriter), progress, cancellationToken);
                    writer.Complete();
                }
                catch (ArgumentException e) when (e.ParamName == "schema")
                {
                    throw new CliException($"--schema: {e.Message.Split(" (Parameter", 2)[0]}", DsLoopCli.Usage);
                }
                catch (Npgsql.NpgsqlException e)
                {
                    throw new CliException($"PostgreSQL: {e.Message}");
                }
                location = $"postgres schema {schemaName}";
            }
            csvWriter?.Complete();
            watch.Stop();
            progress.Finish();
            string? truthPath = null;
            if (parse.GetValue(truth) is { } file)
            {
                truthPath = Path.GetFullPath(file);
                await File.WriteAllTextAsync(truthPath, generator.Truth.ToJson() + "\n", cancellationToken);
            }
            else if (scenarios != ScenarioOptions.None)
            {
                await console.Error.WriteLineAsync("dsloop: scenarios were planted but --truth was not given, so the answer key was not saved.");
            }
            var total = counts.Values.Sum();
            var rate = total / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new
                {
                    engine = engineName,
                    location,
                    csv = csvWriter?.Directory,
                    truth = truthPath,
                    scale = size.Name,
                    users = size.Users,
                    seed = seedValue,
                    rows = total,
                    seconds = Math.Round(watch.Elapsed.TotalSeconds, 3),
                    rowsPerSecond = Math.Round(rate),
                    tables = counts,
                });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync($"Generated {size} (seed {seedValue}) into {location}: {total:N0} rows in {watch.Elapsed.TotalSeconds:0.0} s ({rate:N0} rows/s).");
            if (csvWriter is not null)
            {
                await console.Out.WriteLineAsync($"CSV files in {csvWriter.Directory}.");
            }
            if (truthPath is not null)
            {
                await console.Out.WriteLineAsync($"Answer key in {truthPath}.");
            }
            foreach (var (table, count) in counts)
            {
                await console.Out.WriteLineAsync($"  {table,-18} {count,12:N0}");
            }
            return DsLoopCli.Ok;
        });
        return command;
    }

    private static ScenarioOptions Scenarios(string? kpiDrop, double? lift, bool srm, double novelty, double guardrail, bool leakage)
    {
        var cause = KpiDropCause.None;
        if (kpiDrop is not null && !Causes.TryGetValue(kpiDrop.ToLowerInvariant(), out cause))
        {
            throw new CliException($"--kpi-drop: '{kpiDrop}' is not one of {string.Join(", ", Causes.Keys)}.", DsLoopCli.Usage);
        }
        if (lift is { } l && (double.IsNaN(l) || l is <= -0.9 or > 5))
        {
            throw new CliException($"--experiment-lift: {l.ToString(Inv)} must be between -0.9 and 5.", DsLoopCli.Usage);
        }
        if (double.IsNaN(novelty) || novelty is < 0 or > 5)
        {
            throw new CliException($"--novelty: {novelty.ToString(Inv)} must be between 0 and 5.", DsLoopCli.Usage);
        }
        if (double.IsNaN(guardrail) || guardrail is <= -1 or > 10)
        {
            throw new CliException($"--guardrail: {guardrail.ToString(Inv)} must be above -1 and at most 10.", DsLoopCli.Usage);
        }
        var experiment = lift is not null || srm || novelty != 0 || guardrail != 0
            ? new ExperimentPlan(lift ?? 0, srm, novelty, GuardrailRelativeChange: guardrail)
            : null;
        return cause == KpiDropCause.None && experiment is null && !leakage ? ScenarioOptions.None : new ScenarioOptions(cause, experiment, leakage);
    }

    private static Command Schema(CliConsole console)
    {
        var json = CliJson.Option();
        var command = new Command("schema", "Print the dataset's tables, columns, types and descriptions.") { json };
        command.SetAction(async (parse, _) =>
        {
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, DatasetSchema.Tables.Select(t => new
                {
                    table = t.Name,
                    description = t.Description,
                    primaryKey = t.PrimaryKey,
                    columns = t.Columns.Select(c => new
                    {
                        name = c.Name,
                        type = c.Type.ToString().ToLowerInvariant(),
                        sqlite = c.SqliteType,
                        postgres = c.PostgresType,
                        nullable = c.Nullable,
                        description = c.Description,
                    }),
                }));
                return DsLoopCli.Ok;
            }
            foreach (var table in DatasetSchema.Tables)
            {
                await console.Out.WriteLineAsync($"{table.Name} — {table.Description} (key: {string.Join(", ", table.PrimaryKey)})");
                foreach (var column in table.Columns)
                {
                    var type = column.Type.ToString().ToLowerInvariant() + (column.Nullable ? "?" : "");
                    await console.Out.WriteLineAsync($"  {column.Name,-26} {type,-11} {column.Description}");
                }
                await console.Out.WriteLineAsync();
            }
            return DsLoopCli.Ok;
        });
        return command;
    }

    /// <summary>Progress on stderr, at most every 5% of users.</summary>
    private sealed class StderrProgress(TextWriter error) : IProgress<GenerationProgress>
    {
        private long _lastPercent = -1;

        public void Report(GenerationProgress value)
        {
            var percent = value.UsersTotal == 0 ? 100 : value.UsersDone * 100 / value.UsersTotal;
            if (percent == _lastPercent || (percent / 5 == _lastPercent / 5 && percent != 100))
            {
                return;
            }
            _lastPercent = percent;
            error.WriteLine($"generating: {percent,3}% users {value.UsersDone:N0}/{value.UsersTotal:N0}, {value.RowsWritten:N0} rows");
        }

        public void Finish() => error.Flush();
    }
}

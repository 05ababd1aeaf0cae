using System.Globalization;
using System.Text;
using DsLoop.Data;
using DsLoop.Data.Output;
using DsLoop.Data.Scenarios;
using DsLoop.Data.Schema;
using DsLoop.Sql;
using Microsoft.Data.Sqlite;

namespace DsLoop.Cases.KpiDrop;

/// <summary>
/// Case C: a KPI drop planted by the data generator (one cause from its catalogue, starting on a day drawn from the
/// seed). The candidate queries the seed's warehouse, which holds the last weeks of logs; the truth is the generator's
/// <see cref="KpiDropTruth"/>, kept on the server.
/// </summary>
public sealed class KpiDropCase
{
    /// <summary>Days of clean logs at least before the start: the 28-day baseline plus a week to see the trend.</summary>
    public const int CleanDaysBefore = 35;

    /// <summary>
    /// Days of logs in the warehouse: 35 to 39 before the start and the rest (21 to 25) after it. A fixed length means the
    /// two ends of the logs give away no more than the first day does (a five-day bracket), and a short window keeps a
    /// standard warehouse quick to generate.
    /// </summary>
    public const int LogDays = 60;

    /// <summary>How many days earlier than <see cref="CleanDaysBefore"/> the logs may start (drawn from the seed).</summary>
    private const int LogsFromJitter = 5;

    /// <summary>Bumped whenever the same id would give different data, so cached warehouses of the old kind are not reused.</summary>
    private const int DataVersion = 5;

    /// <summary>
    /// How many start days a seed can draw: three weeks and a day, ending on the generator's latest start. Later starts
    /// need fewer weeks of logs, which keeps a standard warehouse quick to generate.
    /// </summary>
    private const int StartDays = 22;

    private readonly DateOnly _windowStart;
    private readonly DateOnly _windowEnd;

    /// <summary>The case of an id.</summary>
    public KpiDropCase(CaseId id, KpiDropCause? cause = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        Cause = cause ?? CauseFor(id.Seed);
        var planted = new GenerationOptions(id.Seed, ScaleFor(id.Scale), new ScenarioOptions(Cause, KpiDropStart: StartFor(id.Seed)));
        var truth = new DatasetGenerator(planted).Truth;
        Truth = truth.KpiDrop!;
        (_windowStart, _windowEnd) = (Date(truth.WindowStart), Date(truth.WindowEnd));
        LogsFrom = Date(Truth.ChangeStart).AddDays(-CleanDaysBefore - CaseRng.For(id.Seed, "kpi-logs").Next(LogsFromJitter));
        LogsUntil = Min(LogsFrom.AddDays(LogDays), _windowEnd);
        Options = planted with { LogsFrom = LogsFrom, LogsUntil = LogsUntil };
    }

    /// <summary>The case id.</summary>
    public CaseId Id { get; }

    /// <summary>The planted cause (server side only).</summary>
    internal KpiDropCause Cause { get; }

    /// <summary>The generator options of the dataset.</summary>
    public GenerationOptions Options { get; }

    /// <summary>The first day of sessions and events in the warehouse, 35 to 39 days before the start.</summary>
    public DateOnly LogsFrom { get; }

    /// <summary>The day after the last day of sessions and events: <see cref="LogDays"/> after <see cref="LogsFrom"/>, or the window's end.</summary>
    public DateOnly LogsUntil { get; }

    /// <summary>The answer key (server side only).</summary>
    internal KpiDropTruth Truth { get; }

    /// <summary>The tables of the warehouse: what a KPI investigation needs (no experiment or marketing tables).</summary>
    public static IReadOnlyList<TableSchema> Tables { get; } =
        [DatasetSchema.Users, DatasetSchema.Sessions, DatasetSchema.Events, DatasetSchema.Subscriptions, DatasetSchema.Payments, DatasetSchema.SupportTickets];

    /// <summary>The dataset's cache key (the cause and start are functions of the seed, so the key need not name them).</summary>
    public string CacheKey => string.Create(CultureInfo.InvariantCulture, $"case-kpi-v{DataVersion}-{Options.Scale.Users}-{Id.Seed}-{DatasetGenerator.CacheTag}");

    /// <summary>The cause a seed plants.</summary>
    public static KpiDropCause CauseFor(ulong seed) => KpiDropAnswer.Causes[CaseRng.For(seed, "kpi-cause").Next(KpiDropAnswer.Causes.Count)].Cause;

    /// <summary>
    /// The day a seed's drop starts: one of the 22 days up to the generator's latest start (2025-11-17 to 2025-12-08), so
    /// two candidates rarely share a date. A holiday ignores it (Thanksgiving is a calendar fact).
    /// </summary>
    public static DateOnly StartFor(ulong seed) =>
        ScenarioOptions.LatestKpiDropStart.AddDays(CaseRng.For(seed, "kpi-start").Next(StartDays) - (StartDays - 1));

    /// <summary>Users per scale: the tiny case uses 6,000 users, the smallest size at which every cause shows clearly.</summary>
    public static DataScale ScaleFor(CaseScale scale) => scale == CaseScale.Standard ? DataScale.Standard : DataScale.Custom(6_000);

    /// <summary>Writes the seed's warehouse to a SQLite file: the case's tables only, logs from <see cref="LogsFrom"/> until <see cref="LogsUntil"/>.</summary>
    public void BuildDataset(string path, CancellationToken cancellationToken = default)
    {
        using (var writer = new SqliteDatasetWriter(path))
        {
            new DatasetGenerator(Options).Generate(new TableFilterSink(writer, Tables), null, cancellationToken);
            writer.Complete();
        }
        // The writer creates every table of the schema; drop the ones this case leaves empty.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = string.Concat(DatasetSchema.Tables.Except(Tables).Select(t => $"DROP TABLE {t.Name};"));
        drop.ExecuteNonQuery();
    }

    /// <summary>Writes the same rows as <see cref="BuildDataset"/> as one CSV per table plus SCHEMA.md into <paramref name="folder"/>.</summary>
    public void WriteCsv(string folder, CancellationToken cancellationToken = default)
    {
        using var writer = new CsvDatasetWriter(folder, Tables);
        new DatasetGenerator(Options).Generate(writer, null, cancellationToken);
        writer.Complete();
        writer.WriteSchemaNote($"DsLoop KPI-drop case {Id}", DataNote, "The same rows as the case's warehouse.sqlite, so your own tools see exactly what the grader saw.");
    }

    /// <summary>What the warehouse holds, in two sentences of the brief.</summary>
    private string DataNote => string.Create(CultureInfo.InvariantCulture,
        $"Users, subscriptions, payments and support tickets cover the whole window, {_windowStart:yyyy-MM-dd} to {_windowEnd.AddDays(-1):yyyy-MM-dd}. The logs (sessions and their events) cover {LogsUntil.DayNumber - LogsFrom.DayNumber} days of it, from {LogsFrom:yyyy-MM-dd} to {LogsUntil.AddDays(-1):yyyy-MM-dd}.");

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The brief in Markdown (the KPI and the task; never the cause).</summary>
    public string Brief()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# KPI-drop case {Id}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"The weekly dashboard shows **{Truth.Kpi}** falling in the last weeks of the data. Definition: {Truth.KpiDefinition}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"You have the product's warehouse ({Options.Scale.Users:N0} users): the tables {string.Join(", ", Tables.Select(t => $"`{t.Name}`"))}. {DataNote} Logs are messy, as in real life.");
        sb.AppendLine();
        sb.AppendLine("Find the root cause and submit:");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"* `cause`: one of {string.Join(", ", KpiDropAnswer.Causes.Select(c => $"`{c.Slug}`"))};");
        sb.AppendLine(CultureInfo.InvariantCulture, $"* `segment`: one of {string.Join(", ", KpiDropAnswer.Segments.Select(c => $"`{c.Slug}`"))};");
        sb.AppendLine("* `startDate`: the first affected day (YYYY-MM-DD);");
        sb.AppendLine("* `impact`: the relative change of the KPI over all sessions from the start date to the end of the effect (or of the logs), against the 28 days before the start (a drop is negative, e.g. -0.12);");
        sb.AppendLine("* `evidenceSql`: one SQLite query that isolates the drop, returning the columns `segment, period, sessions, conversion` with `segment` = `affected` or `rest` (for traffic that dilutes the KPI: `all` or `human`) and `period` = `before` (the 28 days before the start) or `after`.");
        sb.AppendLine();
        sb.AppendLine("```json");
        sb.AppendLine(new KpiDropAnswer("CAUSE", "SEGMENT", "YYYY-MM-DD", -0.1, "SELECT segment, period, sessions, conversion FROM ...").ToJson());
        sb.AppendLine("```");
        return sb.ToString();
    }

    /// <summary>Grades an answer on the seed's dataset.</summary>
    public Task<CaseResult> GradeAsync(string datasetPath, string answerJson, CancellationToken cancellationToken = default) =>
        GradeAsync(datasetPath, KpiDropAnswer.Parse(answerJson), cancellationToken);

    /// <summary>Grades an answer already read on the seed's dataset.</summary>
    public async Task<CaseResult> GradeAsync(string datasetPath, KpiDropAnswer answer, CancellationToken cancellationToken = default)
    {
        var sandbox = new SqliteSandbox(datasetPath, SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(20) });
        return await new KpiDropGrader(this, sandbox).GradeAsync(answer, cancellationToken);
    }
}

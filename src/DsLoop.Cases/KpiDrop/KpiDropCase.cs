using System.Globalization;
using System.Text;
using DsLoop.Data;
using DsLoop.Data.Output;
using DsLoop.Data.Scenarios;
using DsLoop.Sql;

namespace DsLoop.Cases.KpiDrop;

/// <summary>
/// Case C: a KPI drop planted by the data generator (one cause from its catalogue). The candidate queries the
/// seed's warehouse; the truth is the generator's <see cref="KpiDropTruth"/>, kept on the server.
/// </summary>
public sealed class KpiDropCase
{
    /// <summary>The case of an id.</summary>
    public KpiDropCase(CaseId id, KpiDropCause? cause = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        Cause = cause ?? CauseFor(id.Seed);
        Options = new GenerationOptions(id.Seed, ScaleFor(id.Scale), new ScenarioOptions(Cause));
        Truth = new DatasetGenerator(Options).Truth.KpiDrop!;
    }

    /// <summary>The case id.</summary>
    public CaseId Id { get; }

    /// <summary>The planted cause (server side only).</summary>
    internal KpiDropCause Cause { get; }

    /// <summary>The generator options of the dataset.</summary>
    public GenerationOptions Options { get; }

    /// <summary>The answer key (server side only).</summary>
    internal KpiDropTruth Truth { get; }

    /// <summary>The dataset's cache key (the cause is a function of the seed, so the key need not name it).</summary>
    public string CacheKey => string.Create(CultureInfo.InvariantCulture, $"case-kpi-{Options.Scale.Users}-{Id.Seed}");

    /// <summary>The cause a seed plants.</summary>
    public static KpiDropCause CauseFor(ulong seed) => KpiDropAnswer.Causes[CaseRng.For(seed, "kpi-cause").Next(KpiDropAnswer.Causes.Count)].Cause;

    /// <summary>Users per scale: the tiny case uses 6,000 users, the smallest size at which every cause shows clearly.</summary>
    public static DataScale ScaleFor(CaseScale scale) => scale == CaseScale.Standard ? DataScale.Standard : DataScale.Custom(6_000);

    /// <summary>Writes the seed's warehouse to a SQLite file.</summary>
    public void BuildDataset(string path, CancellationToken cancellationToken = default)
    {
        using var writer = new SqliteDatasetWriter(path);
        new DatasetGenerator(Options).Generate(writer, null, cancellationToken);
        writer.Complete();
    }

    /// <summary>The brief in Markdown (the KPI and the task; never the cause).</summary>
    public string Brief()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# KPI-drop case {Id}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"The weekly dashboard shows **{Truth.Kpi}** falling in November 2025. Definition: {Truth.KpiDefinition}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"You have the product's warehouse ({Options.Scale.Users:N0} users, data from 2025-08-04 to 2025-12-28): users, sessions, events, payments, subscriptions, support tickets and more. Logs are partial and messy, as in real life.");
        sb.AppendLine();
        sb.AppendLine("Find the root cause and submit:");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"* `cause`: one of {string.Join(", ", KpiDropAnswer.Causes.Select(c => $"`{c.Slug}`"))};");
        sb.AppendLine(CultureInfo.InvariantCulture, $"* `segment`: one of {string.Join(", ", KpiDropAnswer.Segments.Select(c => $"`{c.Slug}`"))};");
        sb.AppendLine("* `startDate`: the first affected day (YYYY-MM-DD);");
        sb.AppendLine("* `impact`: the relative change of the KPI over all sessions from the start date to the end of the effect (or of the data), against the 28 days before the start (a drop is negative, e.g. -0.12);");
        sb.AppendLine("* `evidenceSql`: one SQLite query that isolates the drop, returning the columns `segment, period, sessions, conversion` with `segment` = `affected` or `rest` (for traffic that dilutes the KPI: `all` or `human`) and `period` = `before` (the 28 days before the start) or `after`.");
        sb.AppendLine();
        sb.AppendLine("```json");
        sb.AppendLine(new KpiDropAnswer("CAUSE", "SEGMENT", "YYYY-MM-DD", -0.1, "SELECT segment, period, sessions, conversion FROM ...").ToJson());
        sb.AppendLine("```");
        return sb.ToString();
    }

    /// <summary>The overall KPI change over the truth's window: the reference for the impact.</summary>
    internal string ImpactSql => $"""
        WITH x AS (
          SELECT CASE WHEN s.started_at >= '{Truth.ChangeStart}' AND s.started_at < '{Truth.ChangeEnd}' THEN 'after'
                      WHEN s.started_at >= date('{Truth.ChangeStart}', '-28 days') AND s.started_at < '{Truth.ChangeStart}' THEN 'before' END AS period,
                 EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_name = 'purchase'
                         AND e.event_time BETWEEN s.started_at AND s.ended_at) AS converted
          FROM sessions s JOIN users u ON u.user_id = s.user_id
          WHERE u.is_test_account = 0)
        SELECT period, COUNT(*) AS sessions, AVG(converted) AS conversion FROM x WHERE period IS NOT NULL GROUP BY period
        """;

    /// <summary>Grades an answer on the seed's dataset.</summary>
    public async Task<CaseResult> GradeAsync(string datasetPath, string answerJson, CancellationToken cancellationToken = default)
    {
        var answer = KpiDropAnswer.Parse(answerJson);
        var sandbox = new SqliteSandbox(datasetPath, SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(20) });
        return await new KpiDropGrader(this, sandbox).GradeAsync(answer, cancellationToken);
    }
}

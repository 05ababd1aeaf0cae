using System.Text.Json;
using System.Text.Json.Serialization;

namespace DsLoop.Data.Scenarios;

/// <summary>
/// The answer key of a generated dataset, for graders only: it is never written into the dataset's tables.
/// </summary>
/// <param name="Seed">The seed.</param>
/// <param name="Users">Users generated.</param>
/// <param name="WindowStart">First day of the data window, 'YYYY-MM-DD'.</param>
/// <param name="WindowEnd">Day after the last day of the window, 'YYYY-MM-DD'.</param>
/// <param name="KpiDrop">The planted KPI drop, or null.</param>
/// <param name="Experiment">The planted experiment, or null.</param>
/// <param name="Leakage">The planted modeling leakage, or null.</param>
public sealed record ScenarioTruth(
    ulong Seed,
    int Users,
    string WindowStart,
    string WindowEnd,
    KpiDropTruth? KpiDrop,
    ExperimentTruth? Experiment,
    LeakageTruth? Leakage)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Serialises the truth as indented camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Reads a truth record written by <see cref="ToJson"/>.</summary>
    public static ScenarioTruth FromJson(string json) =>
        JsonSerializer.Deserialize<ScenarioTruth>(json, s_json) ?? throw new JsonException("Empty truth record.");
}

/// <summary>A planted KPI drop.</summary>
/// <param name="Cause">The one root cause.</param>
/// <param name="Kpi">The KPI that drops.</param>
/// <param name="KpiDefinition">How the KPI is computed.</param>
/// <param name="ChangeStart">First affected day, 'YYYY-MM-DD'.</param>
/// <param name="ChangeEnd">Day after the last affected day, 'YYYY-MM-DD' (the window end when it persists).</param>
/// <param name="AffectedSegment">Who is affected, in words.</param>
/// <param name="SegmentPredicate">SQL predicate over sessions s joined to users u that selects the affected segment.</param>
/// <param name="Explanation">What actually happened, and how to tell it from the other causes.</param>
/// <param name="EvidenceSql">
/// A SQLite query that isolates the drop: rows (segment, period, sessions, conversion) with segment
/// 'affected' or 'rest' (for a bot surge: 'all' or 'human') and period 'before' or 'after'.
/// </param>
/// <param name="IsRealChange">True when user behaviour changed (not just measurement).</param>
public sealed record KpiDropTruth(
    KpiDropCause Cause,
    string Kpi,
    string KpiDefinition,
    string ChangeStart,
    string ChangeEnd,
    string AffectedSegment,
    string SegmentPredicate,
    string Explanation,
    string EvidenceSql,
    bool IsRealChange);

/// <summary>The planted checkout_redesign experiment.</summary>
/// <param name="ExperimentId">experiments.experiment_id.</param>
/// <param name="Name">Experiment name.</param>
/// <param name="Metric">Primary metric and its unit.</param>
/// <param name="TrueRelativeLift">Long-run relative lift on the primary metric.</param>
/// <param name="NoveltyBoost">Extra relative lift at first exposure.</param>
/// <param name="NoveltyHalfLifeDays">Half-life of the novelty boost.</param>
/// <param name="SampleRatioMismatch">Whether assignment logs were lost (SRM).</param>
/// <param name="LostTreatmentLogShare">Share of Android treatment users whose assignment and exposure were not logged.</param>
/// <param name="Guardrail">The guardrail metric.</param>
/// <param name="GuardrailRelativeChange">True relative change of the guardrail in treatment.</param>
/// <param name="LiftEvidenceSql">SQLite query: variant, sessions, conversion over sessions at or after first exposure.</param>
/// <param name="SrmEvidenceSql">SQLite query: variant, users (logged assignments).</param>
public sealed record ExperimentTruth(
    int ExperimentId,
    string Name,
    string Metric,
    double TrueRelativeLift,
    double NoveltyBoost,
    double NoveltyHalfLifeDays,
    bool SampleRatioMismatch,
    double LostTreatmentLogShare,
    string Guardrail,
    double GuardrailRelativeChange,
    string LiftEvidenceSql,
    string SrmEvidenceSql);

/// <summary>The planted leakage in the churn_features modeling table.</summary>
/// <param name="Table">The modeling table.</param>
/// <param name="Label">The label column.</param>
/// <param name="SnapshotDate">Feature snapshot day.</param>
/// <param name="LeakyColumns">Columns computed with information from after the snapshot, with why.</param>
/// <param name="SafeColumns">Columns that only use information up to the snapshot.</param>
public sealed record LeakageTruth(
    string Table,
    string Label,
    string SnapshotDate,
    IReadOnlyDictionary<string, string> LeakyColumns,
    IReadOnlyList<string> SafeColumns);

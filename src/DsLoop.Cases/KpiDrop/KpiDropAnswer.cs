using System.Text.Json;
using DsLoop.Data.Scenarios;

namespace DsLoop.Cases.KpiDrop;

/// <summary>A KPI-drop answer (JSON, camelCase).</summary>
/// <param name="Cause">Cause category slug, e.g. tracking-loss.</param>
/// <param name="Segment">Affected segment slug, e.g. ios.</param>
/// <param name="StartDate">First affected day, YYYY-MM-DD.</param>
/// <param name="Impact">Relative change of the KPI over all sessions, change window vs the 28 days before (a drop is negative).</param>
/// <param name="EvidenceSql">A SQLite query returning segment, period, sessions, conversion.</param>
public sealed record KpiDropAnswer(string? Cause, string? Segment, string? StartDate, double? Impact, string? EvidenceSql)
{
    /// <summary>Cause slugs in catalogue order.</summary>
    public static IReadOnlyList<(KpiDropCause Cause, string Slug, string Label)> Causes { get; } =
    [
        (KpiDropCause.TrackingLoss, "tracking-loss", "Tracking loss or duplication after an app release"),
        (KpiDropCause.LoggingSchemaChange, "logging-schema-change", "Logging schema change"),
        (KpiDropCause.TimezoneBug, "timezone-bug", "Time-zone bug in the pipeline"),
        (KpiDropCause.FunnelRegression, "funnel-regression", "Real funnel regression in one segment"),
        (KpiDropCause.Holiday, "holiday", "Holiday or seasonality"),
        (KpiDropCause.BotSurge, "bot-surge", "Bot surge"),
        (KpiDropCause.PriceChange, "price-change", "Price change"),
    ];

    /// <summary>Segment slugs offered.</summary>
    public static IReadOnlyList<(string Slug, string Label)> Segments { get; } =
    [
        ("ios", "iOS"), ("android", "Android"), ("web", "Web"), ("country-br", "Brazil"), ("country-us", "United States"),
        ("eur", "Euro countries (DE, FR)"), ("bots", "Bot accounts"), ("everyone", "Everyone alike"),
    ];

    /// <summary>The segment slug the truth's cause affects.</summary>
    public static string SegmentOf(KpiDropCause cause) => cause switch
    {
        KpiDropCause.TrackingLoss => "ios",
        KpiDropCause.LoggingSchemaChange => "web",
        KpiDropCause.TimezoneBug => "android",
        KpiDropCause.FunnelRegression => "android",
        KpiDropCause.Holiday => "country-us",
        KpiDropCause.BotSurge => "bots",
        KpiDropCause.PriceChange => "eur",
        _ => "everyone",
    };

    /// <summary>Slug of a cause.</summary>
    public static string Slug(KpiDropCause cause) => Causes.First(c => c.Cause == cause).Slug;

    /// <summary>Reads an answer.</summary>
    public static KpiDropAnswer Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<KpiDropAnswer>(json, CaseJson.Options) ?? throw new CaseAnswerException("The answer is empty.");
        }
        catch (JsonException e)
        {
            throw new CaseAnswerException($"The answer is not valid JSON for a KPI-drop case: {e.Message}");
        }
    }

    /// <summary>As JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, CaseJson.Options);
}

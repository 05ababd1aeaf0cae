using DsLoop.Data.Generation;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Scenarios;

/// <summary>Builds the truth record and the reference SQL of planted scenarios.</summary>
internal static class TruthBuilder
{
    public const string KpiName = "session purchase conversion";

    public const string KpiDefinition =
        "Share of sessions of non-test users with at least one 'purchase' event whose event_time lies between the session's started_at and ended_at.";

    public static ScenarioTruth Build(GenerationOptions options)
    {
        var s = options.EffectiveScenarios;
        return new ScenarioTruth(
            options.Seed,
            options.Scale.Users,
            Clock.FormatDate(WindowStart),
            Clock.FormatDate(WindowEnd),
            s.KpiDrop == KpiDropCause.None ? null : KpiDrop(s.KpiDrop, s.ChangeDay()),
            s.Experiment is { } plan ? Experiment(plan) : null,
            s.ModelingLeakage ? Leakage() : null);
    }

    private static string Day(int day) => Clock.FormatDate(DayStart(day));

    private static KpiDropTruth KpiDrop(KpiDropCause cause, int changeDay)
    {
        var (segment, predicate, start, end, explanation, real) = cause switch
        {
            KpiDropCause.TrackingLoss => ("iOS users (app 5.3.0)", "s.platform = 'ios'", changeDay, WindowDays,
                "iOS release 5.3.0 stopped logging most purchase and add_to_cart events. Payments are unchanged, so revenue per iOS user is flat while logged purchases fall; the drop follows app_version, not the calendar.", false),
            KpiDropCause.LoggingSchemaChange => ("web users", "s.platform = 'web'", changeDay, WindowDays,
                "The web client renamed the 'purchase' event to 'order_completed'. Counting both names restores the KPI; payments are unchanged.", false),
            KpiDropCause.TimezoneBug => ("Android users outside UTC+0", "s.platform = 'android'", changeDay, WindowDays,
                "The pipeline started writing Android event_time in device-local time instead of UTC (shifted by utc_offset_minutes). Purchases fall outside their session; received_at is earlier than event_time for east-of-UTC users. Payments are unchanged.", false),
            KpiDropCause.FunnelRegression => ("Android users", "s.platform = 'android'", changeDay, WindowDays,
                "A real checkout regression in the Android app: add_to_cart is unchanged but far fewer carts become purchases, and Android users' payments fall too, on every app version and in every country.", true),
            KpiDropCause.Holiday => ("US users over Thanksgiving", "u.country = 'US'", HolidayStartDay, HolidayEndDay,
                "US Thanksgiving (Thursday to Sunday): US users have fewer sessions and buy less; it recovers on Monday. Not a bug.", true),
            KpiDropCause.BotSurge => ("bot accounts", BotPredicate, changeDay, WindowDays,
                "A surge of new web bot accounts (many short sessions a day, page views one second apart, never buying) inflates the session count. Human conversion is unchanged.", true),
            KpiDropCause.PriceChange => ("users paying in EUR", "u.country IN ('DE', 'FR')", changeDay, WindowDays,
                "In-app prices rose 30% for EUR users: fewer purchases at higher amounts (revenue per purchase up, conversion down). Real behaviour.", true),
            _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
        };
        var evidence = cause == KpiDropCause.BotSurge ? BotEvidence(Day(start), Day(end)) : SegmentEvidence(predicate, Day(start), Day(end));
        return new KpiDropTruth(cause, KpiName, KpiDefinition, Day(start), Day(end), segment, predicate, explanation, evidence, real);
    }

    private const string BotPredicate =
        "s.user_id IN (SELECT user_id FROM sessions GROUP BY user_id, substr(started_at, 1, 10) HAVING COUNT(*) >= 10)";

    private static string Sessions(string segment, string start, string end) => $"""
        SELECT s.session_id,
               {segment} AS segment,
               CASE WHEN s.started_at >= '{start}' AND s.started_at < '{end}' THEN 'after'
                    WHEN s.started_at >= date('{start}', '-28 days') AND s.started_at < '{start}' THEN 'before' END AS period,
               EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_name = 'purchase'
                       AND e.event_time BETWEEN s.started_at AND s.ended_at) AS converted
        FROM sessions s JOIN users u ON u.user_id = s.user_id
        WHERE u.is_test_account = 0
        """;

    private static string SegmentEvidence(string predicate, string start, string end) => $"""
        WITH x AS (
        {Sessions($"CASE WHEN {predicate} THEN 'affected' ELSE 'rest' END", start, end)}
        )
        SELECT segment, period, COUNT(*) AS sessions, AVG(converted) AS conversion
        FROM x WHERE period IS NOT NULL
        GROUP BY segment, period ORDER BY segment, period
        """;

    private static string BotEvidence(string start, string end) => $"""
        WITH x AS (
        {Sessions($"CASE WHEN {BotPredicate} THEN 'bot' ELSE 'human' END", start, end)}
        )
        SELECT 'all' AS segment, period, COUNT(*) AS sessions, AVG(converted) AS conversion FROM x WHERE period IS NOT NULL GROUP BY period
        UNION ALL
        SELECT 'human', period, COUNT(*), AVG(converted) FROM x WHERE period IS NOT NULL AND segment = 'human' GROUP BY period
        ORDER BY 1, 2
        """;

    private static ExperimentTruth Experiment(ExperimentPlan plan)
    {
        var x = BehaviourConstants.Experiments.All[BehaviourConstants.Experiments.CheckoutIndex];
        var end = Day(x.EndDay);
        var lift = $"""
            SELECT x.variant, COUNT(*) AS sessions,
                   AVG(EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_name = 'purchase')) AS conversion
            FROM exposures x
            JOIN sessions s ON s.user_id = x.user_id AND s.ended_at >= x.first_exposed_at AND s.started_at < '{end}'
            JOIN users u ON u.user_id = s.user_id AND u.is_test_account = 0
            WHERE x.experiment_id = {x.Id}
            GROUP BY x.variant ORDER BY x.variant
            """;
        var srm = $"SELECT variant, COUNT(*) AS users FROM assignments WHERE experiment_id = {x.Id} GROUP BY variant ORDER BY variant";
        return new ExperimentTruth(x.Id, x.Name, KpiName + " over sessions from first exposure to the experiment end",
            plan.RelativeLift, plan.NoveltyBoost, plan.NoveltyHalfLifeDays, plan.SampleRatioMismatch,
            plan.SampleRatioMismatch ? BehaviourConstants.Experiments.LostTreatmentLogShare : 0,
            "support tickets per exposed user", plan.GuardrailRelativeChange, lift, srm);
    }

    private static LeakageTruth Leakage() => new(
        "churn_features",
        "churned",
        Day(SnapshotDay),
        new Dictionary<string, string>
        {
            ["days_since_last_session"] = "Measured from the extraction date, which is the end of the label window: it is at most 28 exactly when the user had a session in the label window, so it encodes the label.",
            ["lifetime_sessions"] = "Counts sessions up to the extraction date, including those in the label window.",
        },
        ["tenure_days", "platform", "plan", "sessions_28d", "active_days_28d", "purchases_28d", "tickets_28d"]);
}

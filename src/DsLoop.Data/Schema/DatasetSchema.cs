using static DsLoop.Data.Schema.ColumnType;

namespace DsLoop.Data.Schema;

/// <summary>
/// The one schema of a generated dataset. Column order here is the storage order in every engine and
/// in the CSV files; docs/DATASET.md describes the same tables.
/// </summary>
public static class DatasetSchema
{
    private static int s_next;

    private static ColumnSchema C(string name, ColumnType type, string description) => new(name, type, false, description);

    private static ColumnSchema N(string name, ColumnType type, string description) => new(name, type, true, description);

    /// <summary>A NOT NULL integer foreign key: every value is the key of one row of the table it names.</summary>
    private static ColumnSchema F(string name, string references) => new(name, Integer, false, references + ".") { References = references };

    private static TableSchema T(string name, string description, ColumnSchema[] columns, string[] key, params string[][] indexes) =>
        new(s_next++, name, description, columns, key, indexes);

    /// <summary>One row per user, including users who never came back, test accounts and bots.</summary>
    public static readonly TableSchema Users = T("users", "One row per signed-up user.",
    [
        C("user_id", Integer, "Primary key."),
        C("signup_at", Timestamp, "Sign-up time, UTC."),
        C("timezone", Text, "IANA time zone of the user's device at sign-up, e.g. America/New_York."),
        C("utc_offset_minutes", Integer, "Standard UTC offset of that zone in minutes (local = UTC + offset); the dataset ignores daylight saving."),
        N("country", Text, "ISO 3166 alpha-2 country; NULL when geo-lookup failed."),
        C("platform", Text, "Sign-up platform: ios, android or web. Sessions use the same platform."),
        C("acquisition_channel", Text, "organic, paid_search, paid_social, affiliate, referral or email."),
        C("plan", Text, "Plan chosen at sign-up: free, basic or pro (later changes are in subscriptions)."),
        C("is_test_account", ColumnType.Boolean, "Internal QA account; exclude from every metric."),
    ], ["user_id"]);

    /// <summary>Sessions.</summary>
    public static readonly TableSchema Sessions = T("sessions", "One row per app or web session (server-side, always UTC).",
    [
        C("session_id", Integer, "Primary key."),
        F("user_id", "users.user_id"),
        C("started_at", Timestamp, "Session start, UTC."),
        C("ended_at", Timestamp, "Session end (last activity plus idle time), UTC."),
        C("platform", Text, "ios, android or web."),
        N("app_version", Text, "App version, e.g. 5.2.0; NULL on web."),
    ], ["session_id"], ["user_id"], ["started_at"]);

    /// <summary>Client events.</summary>
    public static readonly TableSchema Events = T("events", "One row per logged client event (duplicates and late arrivals included).",
    [
        C("event_id", Integer, "Primary key; a double-fired event gets a new event_id."),
        F("user_id", "users.user_id"),
        F("session_id", "sessions.session_id"),
        C("event_time", Timestamp, "When the event happened on the device, UTC (as logged)."),
        C("received_at", Timestamp, "When the pipeline received it, UTC; days later for events sent from offline devices."),
        C("event_name", Text, "screen_view (apps), page_view (web), onboarding_step, feature_use, search, add_to_cart or purchase."),
        N("onboarding_step", Integer, "Step number 1-5 for onboarding_step events, else NULL."),
        N("feature_name", Text, "Feature for feature_use events, else NULL."),
        N("amount_usd", Real, "Cart or purchase value in USD for add_to_cart and purchase, else NULL."),
        C("platform", Text, "ios, android or web."),
        N("app_version", Text, "App version; NULL on web."),
    ], ["event_id"], ["user_id"], ["session_id"]);

    /// <summary>Subscriptions.</summary>
    public static readonly TableSchema Subscriptions = T("subscriptions", "One row per paid-plan period; an upgrade or downgrade ends one row and starts the next.",
    [
        C("subscription_id", Integer, "Primary key."),
        F("user_id", "users.user_id"),
        C("plan", Text, "basic or pro."),
        C("monthly_price_usd", Real, "List price per 30 days in USD."),
        C("started_at", Timestamp, "Start, UTC."),
        N("ended_at", Timestamp, "End, UTC; NULL while active."),
        C("status", Text, "active, upgraded, downgraded or cancelled."),
        N("change_reason", Text, "Why it ended: upgrade, downgrade, voluntary_cancel or payment_failed; NULL while active."),
        N("previous_subscription_id", Integer, "The row this one replaced on an upgrade or downgrade."),
    ], ["subscription_id"], ["user_id"]);

    /// <summary>Payments.</summary>
    public static readonly TableSchema Payments = T("payments", "One row per charge attempt: subscription renewals and in-app purchases.",
    [
        C("payment_id", Integer, "Primary key."),
        F("user_id", "users.user_id"),
        N("subscription_id", Integer, "subscriptions.subscription_id; NULL for in-app purchases."),
        C("kind", Text, "subscription or in_app."),
        C("amount", Real, "Charged amount in the local currency."),
        C("currency", Text, "ISO 4217 currency code."),
        C("amount_usd", Real, "Amount converted at a fixed rate to USD."),
        C("paid_at", Timestamp, "Charge time, UTC."),
        C("status", Text, "succeeded, failed or refunded."),
        N("refunded_at", Timestamp, "Refund time, UTC, for refunded payments."),
    ], ["payment_id"], ["user_id"], ["subscription_id"], ["paid_at"]);

    /// <summary>Marketing campaigns.</summary>
    public static readonly TableSchema Campaigns = T("campaigns", "One row per marketing campaign.",
    [
        C("campaign_id", Integer, "Primary key."),
        C("name", Text, "Campaign name."),
        C("channel", Text, "Marketing channel (matches users.acquisition_channel)."),
        C("start_date", Date, "First day."),
        C("end_date", Date, "Last day."),
    ], ["campaign_id"]);

    /// <summary>Payment-to-campaign attribution (many-to-many).</summary>
    public static readonly TableSchema PaymentCampaigns = T("payment_campaigns",
        "Multi-touch attribution: a payment can map to several campaigns. Joining payments to it repeats each payment once per campaign.",
    [
        F("payment_id", "payments.payment_id"),
        F("campaign_id", "campaigns.campaign_id"),
        C("attribution_weight", Real, "Share of the payment credited to the campaign; weights of one payment sum to 1."),
    ], ["payment_id", "campaign_id"], ["campaign_id"]);

    /// <summary>Experiments.</summary>
    public static readonly TableSchema Experiments = T("experiments", "One row per A/B test.",
    [
        C("experiment_id", Integer, "Primary key."),
        C("name", Text, "Short name."),
        C("description", Text, "What changed for the treatment group."),
        C("primary_metric", Text, "The metric the experiment was designed for."),
        C("started_at", Timestamp, "Start, UTC."),
        C("ended_at", Timestamp, "End, UTC."),
        C("traffic_fraction", Real, "Share of active users eligible."),
        C("treatment_share", Real, "Planned share of eligible users in treatment."),
    ], ["experiment_id"]);

    /// <summary>Assignments.</summary>
    public static readonly TableSchema Assignments = T("assignments", "One row per (user, experiment) assignment as logged.",
    [
        F("user_id", "users.user_id"),
        F("experiment_id", "experiments.experiment_id"),
        C("variant", Text, "control or treatment."),
        C("assigned_at", Timestamp, "Assignment time (first session in the experiment window), UTC."),
    ], ["user_id", "experiment_id"], ["experiment_id"]);

    /// <summary>Exposures.</summary>
    public static readonly TableSchema Exposures = T("exposures", "First time an assigned user actually saw the experiment surface.",
    [
        F("user_id", "users.user_id"),
        F("experiment_id", "experiments.experiment_id"),
        C("variant", Text, "control or treatment."),
        C("first_exposed_at", Timestamp, "First exposure, UTC."),
    ], ["user_id", "experiment_id"], ["experiment_id"]);

    /// <summary>Support tickets.</summary>
    public static readonly TableSchema SupportTickets = T("support_tickets", "One row per support ticket.",
    [
        C("ticket_id", Integer, "Primary key."),
        F("user_id", "users.user_id"),
        C("created_at", Timestamp, "Opened, UTC."),
        C("category", Text, "billing, bug, how_to or account."),
        C("priority", Text, "low, normal or high."),
        C("status", Text, "open or resolved."),
        N("resolved_at", Timestamp, "Resolution time, UTC; NULL while open."),
        N("satisfaction_score", Integer, "CSAT 1-5; NULL when the user did not answer."),
    ], ["ticket_id"], ["user_id"]);

    /// <summary>Marketing spend.</summary>
    public static readonly TableSchema MarketingSpend = T("marketing_spend", "Daily paid-marketing spend per channel.",
    [
        C("day", Date, "Calendar day (UTC)."),
        C("channel", Text, "paid_search, paid_social, affiliate or email."),
        C("spend_usd", Real, "Spend in USD."),
        C("impressions", Integer, "Ad impressions."),
        C("clicks", Integer, "Ad clicks."),
    ], ["day", "channel"]);

    /// <summary>The modeling table (only filled when the leakage scenario is planted).</summary>
    public static readonly TableSchema ChurnFeatures = T("churn_features",
        "A churn-model training table: one row per user active before the snapshot; label = no session in the 28 days after it.",
    [
        F("user_id", "users.user_id"),
        C("snapshot_date", Date, "Feature snapshot day; features use only the 28 days before it (except where noted)."),
        C("tenure_days", Integer, "Days from sign-up to the snapshot."),
        C("platform", Text, "ios, android or web."),
        C("plan", Text, "Plan at the snapshot: free, basic or pro."),
        C("sessions_28d", Integer, "Sessions in the 28 days before the snapshot."),
        C("active_days_28d", Integer, "Distinct active days in the 28 days before the snapshot."),
        C("purchases_28d", Integer, "In-app purchases in the 28 days before the snapshot."),
        C("tickets_28d", Integer, "Support tickets in the 28 days before the snapshot."),
        C("days_since_last_session", Integer, "Days from the last session to the extraction date (the day the table was built, 28 days after the snapshot)."),
        C("lifetime_sessions", Integer, "All sessions of the user up to the extraction date."),
        C("churned", ColumnType.Boolean, "Label: no session in the 28 days after the snapshot."),
    ], ["user_id"]);

    /// <summary>Every table, in load order.</summary>
    public static IReadOnlyList<TableSchema> Tables { get; } =
    [
        Users, Sessions, Events, Subscriptions, Payments, Campaigns, PaymentCampaigns, Experiments, Assignments, Exposures,
        SupportTickets, MarketingSpend, ChurnFeatures,
    ];

    /// <summary>Every NOT NULL foreign key as (table, column, parent table, parent key); every dataset honours them.</summary>
    public static IReadOnlyList<(string Table, string Column, string ParentTable, string ParentKey)> ForeignKeys { get; } =
    [
        .. Tables.SelectMany(t => t.Columns.Where(c => c.References is not null).Select(c =>
        {
            var parent = c.References!.Split('.');
            return (t.Name, c.Name, parent[0], parent[1]);
        })),
    ];

    /// <summary>A table by name.</summary>
    public static TableSchema Get(string name) =>
        Tables.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"No table named '{name}'.", nameof(name));
}

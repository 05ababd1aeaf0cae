namespace DsLoop.Cases.Modeling;

/// <summary>The three modeling take-homes.</summary>
public enum ModelingKind
{
    /// <summary>Churn of B2B SaaS accounts in the next 60 days.</summary>
    Churn,

    /// <summary>Upgrade from the free to a paid plan in the next 30 days.</summary>
    Upgrade,

    /// <summary>Abusive accounts (rare positives) found in the next 14 days.</summary>
    Abuse,
}

/// <summary>A point-in-time feature: a monotone transform of a latent driver.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Description">What it measures, as the data dictionary says.</param>
/// <param name="Weight">Weight of the latent driver in the label's log-odds.</param>
/// <param name="Scale">Spread of the log of the count.</param>
/// <param name="Level">Typical count (median).</param>
public sealed record FeatureSpec(string Name, string Description, double Weight, double Scale, double Level);

/// <summary>
/// A categorical column fixed when the row's account was created (how it was sold, how it signed up), so it is
/// point-in-time at any snapshot. It does not move the label, except in the one segment a seed plants as the
/// baseline's weak spot (<see cref="PlantedWeakness"/>).
/// </summary>
/// <param name="Column">Column name.</param>
/// <param name="Description">What it records, as the data dictionary says.</param>
/// <param name="Values">Its values.</param>
/// <param name="Shares">Share of rows with each value (sums to 1).</param>
public sealed record SegmentSpec(string Column, string Description, IReadOnlyList<string> Values, IReadOnlyList<double> Shares);

/// <summary>A modeling scenario.</summary>
/// <param name="Kind">Which take-home.</param>
/// <param name="Title">Short title.</param>
/// <param name="Story">What the team needs.</param>
/// <param name="BaseRate">Share of positives.</param>
/// <param name="Features">Safe, point-in-time features.</param>
/// <param name="LeakyColumn">The planted leaky column.</param>
/// <param name="LeakyDescription">How the data dictionary describes it (innocently).</param>
/// <param name="LeakWhy">Why it leaks (revealed after grading).</param>
/// <param name="ReviewCapacityShare">Share of scored accounts the team can act on.</param>
/// <param name="MinPrecision">Precision below which acting on a flag does not pay off.</param>
/// <param name="Segment">The categorical segment column.</param>
/// <param name="BucketFeatures">Two features (a tenure and an activity measure) whose quartiles on train slice the holdout report.</param>
public sealed record ModelingScenario(
    ModelingKind Kind, string Title, string Story, double BaseRate, IReadOnlyList<FeatureSpec> Features,
    string LeakyColumn, string LeakyDescription, string LeakWhy, double ReviewCapacityShare, double MinPrecision,
    SegmentSpec Segment, IReadOnlyList<string> BucketFeatures)
{
    private static readonly double[] SegmentShares = [0.30, 0.27, 0.23, 0.20];

    /// <summary>The scenario of a kind.</summary>
    public static ModelingScenario For(ModelingKind kind) => kind switch
    {
        ModelingKind.Churn => new(kind, "Churn of B2B accounts",
            "Customer success can call a limited number of accounts each month. Predict which accounts will cancel in the 60 days after the snapshot.",
            0.18,
            [
                new("seats", "Paid seats at the snapshot", -0.5, 0.8, 12),
                new("logins_28d", "Logins by any seat in the 28 days before the snapshot", -1.0, 0.9, 60),
                new("admin_actions_28d", "Admin actions in the 28 days before the snapshot", -0.4, 1.0, 6),
                new("tickets_28d", "Support tickets in the 28 days before the snapshot", 0.6, 0.7, 1.5),
                new("tenure_months", "Months since the account started paying", -0.5, 0.7, 14),
                new("failed_payments_90d", "Failed card payments per month, averaged over the 90 days before the snapshot", 0.5, 0.8, 0.4),
            ],
            "days_since_last_login", "Days since any seat last logged in",
            "It was measured when the table was exported, after the 60-day outcome window: accounts that cancelled stopped logging in, so it encodes the label. At prediction time it is only days since the last login before the snapshot.",
            0.10, 0.35,
            new("acquisition_channel", "How the account was first sold", ["self_serve", "sales", "partner", "marketplace"], SegmentShares),
            ["tenure_months", "logins_28d"]),
        ModelingKind.Upgrade => new(kind, "Upgrade propensity",
            "Sales wants to offer a guided trial of the paid plan to the free workspaces most likely to upgrade in the next 30 days.",
            0.08,
            [
                new("members", "Workspace members at the snapshot", 0.35, 0.8, 5),
                new("projects_28d", "Projects created in the 28 days before the snapshot", 0.55, 0.9, 4),
                new("limit_hits_28d", "Times a free-plan limit was hit in the 28 days before the snapshot", 0.7, 1.0, 1),
                new("integrations", "Connected integrations at the snapshot", 0.3, 0.8, 1.2),
                new("days_active_28d", "Active days in the 28 days before the snapshot", 0.4, 0.6, 9),
                new("pricing_page_views_28d", "Pricing page views per member, in the 28 days before the snapshot", 0.35, 1.0, 0.8),
            ],
            "billing_contacts", "Billing contacts on file",
            "Billing contacts are added when a workspace upgrades; the export counted them after the outcome window, so upgraded workspaces have them and the rest mostly do not. At prediction time free workspaces have none that mean anything.",
            0.15, 0.25,
            new("signup_source", "Where the workspace's creator came from when signing up", ["organic_search", "paid_ads", "referral", "template_gallery"], SegmentShares),
            ["days_active_28d", "projects_28d"]),
        ModelingKind.Abuse => new(kind, "Abusive accounts",
            "Trust and safety can review a small share of new accounts each day. Rank new accounts by the chance that they are abusive (found within 14 days).",
            0.03,
            [
                new("account_age_hours", "Hours from sign-up to the snapshot", -0.6, 0.9, 30),
                new("messages_24h", "Messages sent in the 24 hours before the snapshot", 0.9, 1.1, 8),
                new("distinct_recipients_24h", "Distinct recipients in the 24 hours before the snapshot", 1.0, 1.1, 4),
                new("failed_logins_24h", "Failed logins per hour of activity, in the 24 hours before the snapshot", 0.5, 1.0, 0.5),
                new("profile_fields_filled", "Profile fields filled in at the snapshot", -0.7, 0.6, 4),
                new("links_per_message", "Links per message in the 24 hours before the snapshot", 0.8, 0.8, 0.3),
            ],
            "review_flags", "Flags on the account",
            "Flags are set by reviewers after they look at an account, which happens after the outcome: the export copied them into the training table. New accounts at prediction time have not been reviewed, so the column carries no information there.",
            0.04, 0.30,
            new("signup_method", "How the account signed up", ["email", "google", "apple", "phone"], SegmentShares),
            ["account_age_hours", "messages_24h"]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a seed draws.</summary>
    public static ModelingKind KindFor(ulong seed) => (ModelingKind)CaseRng.For(seed, "modeling-kind").Next(3);
}

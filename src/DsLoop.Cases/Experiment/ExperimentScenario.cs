namespace DsLoop.Cases.Experiment;

/// <summary>The edge case a readout seed plants (one per case).</summary>
public enum ReadoutTwist
{
    /// <summary>A clean test with a real lift.</summary>
    CleanLift,

    /// <summary>A clean test with no effect at all.</summary>
    NoEffect,

    /// <summary>Treatment assignment logs are lost on Android, so the logged split is off.</summary>
    SampleRatioMismatch,

    /// <summary>The lift is large at launch and fades day by day.</summary>
    Novelty,

    /// <summary>Conversion improves but a guardrail (latency or support tickets) regresses.</summary>
    GuardrailRegression,

    /// <summary>A rollout bug gives each platform a different treatment share; pooling reverses the sign.</summary>
    Simpson,

    /// <summary>No effect, but the team stopped the first day the daily dashboard showed p &lt; 0.05.</summary>
    Peeking,
}

/// <summary>A candidate guardrail metric offered in the design.</summary>
/// <param name="Id">Machine id used in answers.</param>
/// <param name="Label">Shown to the candidate.</param>
/// <param name="IsGuardrail">Whether it is a sound guardrail for this change.</param>
/// <param name="Why">Why it is or is not one.</param>
public sealed record GuardrailOption(string Id, string Label, bool IsGuardrail, string Why);

/// <summary>The design half of the experiment case.</summary>
/// <param name="Change">The product change.</param>
/// <param name="Baseline">Baseline conversion of the primary metric.</param>
/// <param name="Mde">Minimum detectable effect as stated in the brief.</param>
/// <param name="MdeIsRelative">Whether <paramref name="Mde"/> is relative to the baseline (else absolute).</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="Power">Target power.</param>
/// <param name="DailyEligible">Eligible users per day.</param>
/// <param name="TrafficShare">Share of eligible users that enter the test (split 50/50).</param>
/// <param name="Guardrails">Candidate metrics to choose guardrails from.</param>
/// <param name="Units">Randomisation units to choose from.</param>
public sealed record DesignScenario(
    string Change, double Baseline, double Mde, bool MdeIsRelative, double Alpha, double Power, int DailyEligible, double TrafficShare,
    IReadOnlyList<GuardrailOption> Guardrails, IReadOnlyList<string> Units)
{
    /// <summary>The randomisation unit the grader expects.</summary>
    public const string ExpectedUnit = "user";
}

/// <summary>What the readout data plants.</summary>
/// <param name="Twist">The edge case.</param>
/// <param name="RelativeLift">True long-run relative lift on conversion (within every platform).</param>
/// <param name="NoveltyBoost">Extra relative lift on launch day, halving every <paramref name="NoveltyHalfLifeDays"/>.</param>
/// <param name="NoveltyHalfLifeDays">Half-life of the novelty boost in days.</param>
/// <param name="LostAndroidTreatmentShare">Share of Android treatment users whose logs are lost (SRM).</param>
/// <param name="LatencyChange">Relative change of treatment latency.</param>
/// <param name="TicketChange">Relative change of treatment support tickets.</param>
/// <param name="IosTreatmentShare">Treatment share on iOS (web gets one minus it; 0.5 means a correct rollout).</param>
/// <param name="PlannedDays">Days the test was planned to enrol.</param>
public sealed record ReadoutPlan(
    ReadoutTwist Twist, double RelativeLift, double NoveltyBoost, double NoveltyHalfLifeDays, double LostAndroidTreatmentShare,
    double LatencyChange, double TicketChange, double IosTreatmentShare, int PlannedDays)
{
    /// <summary>The relative MDE the readout's test was sized for.</summary>
    public const double PlannedRelativeMde = 0.10;

    /// <summary>Relative latency regression tolerated.</summary>
    public const double LatencyTolerance = 0.02;

    /// <summary>Relative support-ticket regression tolerated.</summary>
    public const double TicketTolerance = 0.15;

    /// <summary>The treatment effect (relative) for users enrolled on day <paramref name="day"/> (1-based).</summary>
    public double EffectOnDay(int day) => RelativeLift + (NoveltyBoost * Math.Pow(0.5, (day - 1) / NoveltyHalfLifeDays));
}

/// <summary>Draws the design scenario and the readout plan from a seed.</summary>
public static class ExperimentScenarios
{
    private static readonly string[] s_changes =
    [
        "a one-page checkout that replaces the three-step flow",
        "saved payment methods offered at checkout",
        "a shipping-cost estimate shown on the product page",
        "a redesigned cart with cross-sell suggestions",
        "express checkout buttons for mobile wallets",
    ];

    /// <summary>The randomisation units offered.</summary>
    public static IReadOnlyList<string> Units { get; } = ["user", "session", "page view", "day"];

    /// <summary>The candidate metrics offered as guardrails.</summary>
    public static IReadOnlyList<GuardrailOption> GuardrailOptions { get; } =
    [
        new("latency_ms", "Checkout page latency (ms)", true, "a heavier page can slow every user down, which hurts conversion and experience elsewhere"),
        new("support_tickets", "Support tickets per user", true, "a confusing checkout shows up as contacts to support, a cost the primary metric does not see"),
        new("refund_rate", "Refund rate", true, "buying more by mistake shows up later as refunds"),
        new("checkout_clicks", "Clicks on the new checkout button", false, "it moves because of the change by design, so it says nothing about harm"),
        new("page_views", "Page views per session", false, "its good direction is ambiguous (more views can mean more friction), so it cannot protect anything"),
    ];

    /// <summary>The design scenario of a seed.</summary>
    public static DesignScenario Design(ulong seed)
    {
        var rng = CaseRng.For(seed, "experiment-design");
        var baseline = Math.Round(rng.Uniform(0.03, 0.12), 3);
        var relative = rng.Pick([0.05, 0.08, 0.10, 0.12, 0.15]);
        var mdeIsRelative = rng.Bernoulli(0.6);
        var mde = mdeIsRelative ? relative : Math.Round(baseline * relative, 4);
        return new DesignScenario(
            rng.Pick(s_changes), baseline, mde, mdeIsRelative,
            rng.Pick([0.05, 0.05, 0.01]), rng.Pick([0.8, 0.9]),
            (int)(Math.Round(rng.Uniform(20, 250)) * 100), rng.Pick([0.5, 1.0]),
            GuardrailOptions, Units);
    }

    /// <summary>The readout plan of a seed; <paramref name="twist"/> forces an edge case (tests and previews).</summary>
    public static ReadoutPlan Readout(ulong seed, ReadoutTwist? twist = null)
    {
        var rng = CaseRng.For(seed, "experiment-readout");
        var drawn = (ReadoutTwist)rng.Next(7);
        var t = twist ?? drawn;
        var lift = rng.Uniform(0.10, 0.18);
        return t switch
        {
            ReadoutTwist.CleanLift => new ReadoutPlan(t, lift, 0, 3, 0, 0, 0, 0.5, 14),
            ReadoutTwist.NoEffect => new ReadoutPlan(t, 0, 0, 3, 0, 0, 0, 0.5, 14),
            ReadoutTwist.SampleRatioMismatch => new ReadoutPlan(t, lift, 0, 3, rng.Uniform(0.15, 0.3), 0, 0, 0.5, 14),
            ReadoutTwist.Novelty => new ReadoutPlan(t, rng.Uniform(0, 0.05), rng.Uniform(0.6, 1.0), rng.Uniform(2, 4), 0, 0, 0, 0.5, 14),
            ReadoutTwist.GuardrailRegression => rng.Bernoulli(0.5)
                ? new ReadoutPlan(t, lift, 0, 3, 0, rng.Uniform(0.06, 0.12), 0, 0.5, 14)
                : new ReadoutPlan(t, lift, 0, 3, 0, 0, rng.Uniform(0.4, 0.8), 0.5, 14),
            ReadoutTwist.Simpson => new ReadoutPlan(t, -rng.Uniform(0.03, 0.08), 0, 3, 0, 0, 0, rng.Uniform(0.75, 0.85), 14),
            ReadoutTwist.Peeking => new ReadoutPlan(t, 0, 0, 3, 0, 0, 0, 0.5, 21),
            _ => throw new ArgumentOutOfRangeException(nameof(twist), t, null),
        };
    }
}

using DsLoop.Data.Generation;

namespace DsLoop.Data.Scenarios;

/// <summary>The root causes a planted KPI drop can have (exactly one per dataset).</summary>
public enum KpiDropCause
{
    /// <summary>No KPI drop planted.</summary>
    None,

    /// <summary>An iOS release stops logging most purchase and add_to_cart events (payments are unaffected).</summary>
    TrackingLoss,

    /// <summary>The web client renames the purchase event to order_completed.</summary>
    LoggingSchemaChange,

    /// <summary>The pipeline starts writing Android event times in device-local time instead of UTC.</summary>
    TimezoneBug,

    /// <summary>A real checkout regression for Android users (payments drop too).</summary>
    FunnelRegression,

    /// <summary>A public holiday in the US: fewer sessions and fewer purchases for US users.</summary>
    Holiday,

    /// <summary>A surge of bot accounts floods sessions with traffic that never converts.</summary>
    BotSurge,

    /// <summary>In-app prices rise in one currency, so fewer purchases (at higher amounts).</summary>
    PriceChange,
}

/// <summary>The experiment to plant in the checkout_redesign A/B test.</summary>
/// <param name="RelativeLift">Long-run relative lift of treatment on session purchase conversion (0.10 = +10%).</param>
/// <param name="SampleRatioMismatch">Lose a share of Android treatment assignment logs, so the logged split is off.</param>
/// <param name="NoveltyBoost">Extra relative lift at first exposure that halves every <paramref name="NoveltyHalfLifeDays"/>.</param>
/// <param name="NoveltyHalfLifeDays">Half-life of the novelty effect in days.</param>
/// <param name="GuardrailRelativeChange">Relative change of treatment's support-ticket rate (0.3 = +30%).</param>
public sealed record ExperimentPlan(
    double RelativeLift = 0.10,
    bool SampleRatioMismatch = false,
    double NoveltyBoost = 0,
    double NoveltyHalfLifeDays = 5,
    double GuardrailRelativeChange = 0);

/// <summary>What to plant in a dataset for graders; every planted scenario yields a truth record.</summary>
/// <param name="KpiDrop">The root cause of a KPI drop, or <see cref="KpiDropCause.None"/>.</param>
/// <param name="Experiment">The checkout_redesign experiment's planted effects, or null for no effect.</param>
/// <param name="ModelingLeakage">Fill the churn_features table, which contains leaky columns.</param>
/// <param name="KpiDropStart">
/// First day of the planted KPI drop, from <see cref="EarliestKpiDropStart"/> to <see cref="LatestKpiDropStart"/>
/// (null: Monday 2025-11-10). A tracking loss ships iOS 5.3.0 on that day. A holiday ignores it: Thanksgiving is a calendar fact.
/// </param>
public sealed record ScenarioOptions(
    KpiDropCause KpiDrop = KpiDropCause.None, ExperimentPlan? Experiment = null, bool ModelingLeakage = false, DateOnly? KpiDropStart = null)
{
    /// <summary>No planted scenario.</summary>
    public static ScenarioOptions None { get; } = new();

    /// <summary>The earliest start of a KPI drop: 35 days of clean data come before it.</summary>
    public static DateOnly EarliestKpiDropStart { get; } = Catalog.DateOf(Catalog.EarliestChangeDay);

    /// <summary>The latest start of a KPI drop: 21 days of data come after it.</summary>
    public static DateOnly LatestKpiDropStart { get; } = Catalog.DateOf(Catalog.LatestChangeDay);

    /// <summary>The window day on which the KPI drop begins (holidays aside).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="KpiDropStart"/> is outside the allowed range.</exception>
    internal int ChangeDay()
    {
        if (KpiDropStart is not { } start)
        {
            return Catalog.DefaultChangeDay;
        }
        var day = Catalog.DayOf(start);
        return day is >= Catalog.EarliestChangeDay and <= Catalog.LatestChangeDay
            ? day
            : throw new ArgumentOutOfRangeException(nameof(KpiDropStart), start,
                $"A KPI drop starts between {EarliestKpiDropStart:yyyy-MM-dd} and {LatestKpiDropStart:yyyy-MM-dd}.");
    }
}

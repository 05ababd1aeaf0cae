using DsLoop.Data.Scenarios;

namespace DsLoop.Data.Tests.Scenarios;

/// <summary>Each planted root cause produces a KPI drop that the truth record's EvidenceSql isolates.</summary>
public sealed class KpiDropTests
{
    private const int Users = 6_000;

    private static Dictionary<(string Segment, string Period), double> Evidence(Db db, KpiDropTruth truth) =>
        db.Rows(truth.EvidenceSql).ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => Convert.ToDouble(r[3], System.Globalization.CultureInfo.InvariantCulture));

    private static double Change(Dictionary<(string, string), double> evidence, string segment) =>
        (evidence[(segment, "after")] / evidence[(segment, "before")]) - 1;

    [Theory]
    [InlineData(KpiDropCause.TrackingLoss)]
    [InlineData(KpiDropCause.LoggingSchemaChange)]
    [InlineData(KpiDropCause.TimezoneBug)]
    [InlineData(KpiDropCause.FunnelRegression)]
    [InlineData(KpiDropCause.Holiday)]
    [InlineData(KpiDropCause.PriceChange)]
    public void Planted_cause_drops_the_kpi_only_in_the_affected_segment(KpiDropCause cause)
    {
        using var db = Db.Generate(new GenerationOptions(7, DataScale.Custom(Users), new ScenarioOptions(cause)));
        var truth = db.Generator.Truth.KpiDrop!;
        Assert.Equal(cause, truth.Cause);
        var evidence = Evidence(db, truth);
        var affected = Change(evidence, "affected");
        var rest = Change(evidence, "rest");
        Assert.True(affected < -0.3, $"{cause}: affected segment changed {affected:P0}");
        Assert.True(Math.Abs(rest) < 0.2, $"{cause}: the rest changed {rest:P0}");
    }

    [Fact]
    public void Without_a_planted_cause_the_same_query_shows_no_drop()
    {
        using var db = Db.Generate(new GenerationOptions(7, DataScale.Custom(Users)));
        var probe = new DatasetGenerator(new GenerationOptions(7, DataScale.Custom(Users), new ScenarioOptions(KpiDropCause.TrackingLoss))).Truth.KpiDrop!;
        var evidence = Evidence(db, probe);
        Assert.True(Math.Abs(Change(evidence, "affected")) < 0.2);
        Assert.Null(db.Generator.Truth.KpiDrop);
    }

    [Fact]
    public void Bot_surge_drops_overall_conversion_but_not_human_conversion()
    {
        using var db = Db.Generate(new GenerationOptions(7, DataScale.Custom(Users), new ScenarioOptions(KpiDropCause.BotSurge)));
        var evidence = Evidence(db, db.Generator.Truth.KpiDrop!);
        Assert.True(Change(evidence, "all") < -0.3);
        Assert.True(Math.Abs(Change(evidence, "human")) < 0.15);
        Assert.True(db.Counts["users"] > Users);
    }

    [Fact]
    public void Measurement_faults_leave_payments_unchanged_while_real_changes_move_them()
    {
        double PaymentsAfterPerBefore(Db db, string predicate) => db.Scalar($"""
            SELECT 1.0 * SUM(p.paid_at >= '2025-11-10') / SUM(p.paid_at >= '2025-10-13' AND p.paid_at < '2025-11-10')
            FROM payments p JOIN users u ON u.user_id = p.user_id JOIN sessions s ON s.session_id = (SELECT MIN(session_id) FROM sessions WHERE user_id = u.user_id)
            WHERE p.kind = 'in_app' AND {predicate}
            """);
        using var baseline = Db.Generate(new GenerationOptions(7, DataScale.Custom(Users)));
        using var loss = Db.Generate(new GenerationOptions(7, DataScale.Custom(Users), new ScenarioOptions(KpiDropCause.TrackingLoss)));
        using var regression = Db.Generate(new GenerationOptions(7, DataScale.Custom(Users), new ScenarioOptions(KpiDropCause.FunnelRegression)));
        Assert.Equal(PaymentsAfterPerBefore(baseline, "s.platform = 'ios'"), PaymentsAfterPerBefore(loss, "s.platform = 'ios'"), 6);
        Assert.True(PaymentsAfterPerBefore(regression, "s.platform = 'android'") < PaymentsAfterPerBefore(baseline, "s.platform = 'android'") * 0.7);
        Assert.True(loss.Counts["events"] < baseline.Counts["events"]);
    }

    [Theory]
    [InlineData(KpiDropCause.TrackingLoss, "2025-12-01")]
    [InlineData(KpiDropCause.PriceChange, "2025-09-08")]
    public void A_chosen_start_day_moves_the_drop_and_the_truth_and_a_tracking_loss_rides_on_that_days_ios_release(KpiDropCause cause, string day)
    {
        var start = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        using var db = Db.Generate(new GenerationOptions(7, DataScale.Custom(Users), new ScenarioOptions(cause, KpiDropStart: start)));
        var truth = db.Generator.Truth.KpiDrop!;
        Assert.Equal(day, truth.ChangeStart);
        var evidence = Evidence(db, truth);
        Assert.True(Change(evidence, "affected") < -0.3, $"{cause} from {day}: affected changed {Change(evidence, "affected"):P0}");
        Assert.True(Math.Abs(Change(evidence, "rest")) < 0.2, $"{cause} from {day}: the rest changed {Change(evidence, "rest"):P0}");
        var firstIos530 = db.Rows("SELECT MIN(started_at) FROM sessions WHERE platform = 'ios' AND app_version = '5.3.0'").Single()[0] as string;
        if (cause == KpiDropCause.TrackingLoss)
        {
            Assert.StartsWith(day, firstIos530, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("2025-11-10", firstIos530, StringComparison.Ordinal); // the release keeps its own date
        }
    }

    [Fact]
    public void A_start_day_too_close_to_either_end_of_the_window_is_refused()
    {
        Assert.Equal(new DateOnly(2025, 9, 8), ScenarioOptions.EarliestKpiDropStart);
        Assert.Equal(new DateOnly(2025, 12, 8), ScenarioOptions.LatestKpiDropStart);
        foreach (var start in new[] { new DateOnly(2025, 9, 7), new DateOnly(2025, 12, 9) })
        {
            var options = new GenerationOptions(1, DataScale.Custom(100), new ScenarioOptions(KpiDropCause.BotSurge, KpiDropStart: start));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetGenerator(options));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetGenerator(new GenerationOptions(1, DataScale.Custom(100), LogsFrom: new DateOnly(2025, 12, 29))));
    }

    [Fact]
    public void Truth_round_trips_through_json_and_is_not_in_any_table()
    {
        using var db = Db.Generate(new GenerationOptions(3, DataScale.Custom(500), new ScenarioOptions(KpiDropCause.TimezoneBug, new ExperimentPlan(0.2, true), true)));
        var json = db.Generator.Truth.ToJson();
        var back = ScenarioTruth.FromJson(json);
        Assert.Equal(db.Generator.Truth.KpiDrop, back.KpiDrop);
        Assert.Equal(db.Generator.Truth.Experiment, back.Experiment);
        Assert.Contains("\"cause\": \"timezone-bug\"", json, StringComparison.Ordinal);
        var tables = db.Rows("SELECT name FROM sqlite_master WHERE type = 'table'").Select(r => (string)r[0]!).ToList();
        Assert.DoesNotContain(tables, t => t.Contains("truth", StringComparison.OrdinalIgnoreCase) || t.Contains("scenario", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM experiments WHERE description LIKE '%lift%' OR description LIKE '%SRM%'"));
    }
}

using DsLoop.Data.Scenarios;

namespace DsLoop.Data.Tests.Scenarios;

/// <summary>The planted checkout_redesign experiment: lift, SRM, novelty and guardrail are recoverable from the tables.</summary>
public sealed class ExperimentTests
{
    private static double ChiSquare(Db db, string sql)
    {
        var counts = db.Rows(sql).Select(r => (double)(long)r[1]!).ToArray();
        var expected = counts.Sum() / counts.Length;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }

    private static Dictionary<string, double> ConversionByVariant(Db db, string sql) =>
        db.Rows(sql).ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[2], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Planted_lift_is_recovered_and_srm_shows_in_the_assignment_counts()
    {
        var plan = new ExperimentPlan(RelativeLift: 0.25, SampleRatioMismatch: true, NoveltyBoost: 0.6, NoveltyHalfLifeDays: 3, GuardrailRelativeChange: 0.8);
        using var db = Db.Generate(new GenerationOptions(21, DataScale.Custom(15_000), new ScenarioOptions(Experiment: plan)));
        var truth = db.Generator.Truth.Experiment!;

        // SRM: chi-square on the logged split, 1 df; p < 0.001 needs chi2 > 10.83.
        Assert.True(ChiSquare(db, truth.SrmEvidenceSql) > 10.83);

        // Long-run lift: sessions at least 20 days (about 7 half-lives) after first exposure.
        var late = ConversionByVariant(db, truth.LiftEvidenceSql.Replace("s.ended_at >= x.first_exposed_at", "julianday(s.started_at) >= julianday(x.first_exposed_at) + 20", StringComparison.Ordinal));
        var lateLift = (late["treatment"] / late["control"]) - 1;
        Assert.InRange(lateLift, 0.1, 0.4);

        // Novelty: the first two days after exposure show a larger lift than the long run.
        var early = ConversionByVariant(db, truth.LiftEvidenceSql.Replace("s.ended_at >= x.first_exposed_at", "s.ended_at >= x.first_exposed_at AND julianday(s.started_at) < julianday(x.first_exposed_at) + 2", StringComparison.Ordinal));
        var earlyLift = (early["treatment"] / early["control"]) - 1;
        Assert.True(earlyLift > lateLift + 0.15, $"early {earlyLift:P0} vs late {lateLift:P0}");

        // Guardrail: support tickets per exposed user during the experiment rise in treatment.
        var tickets = db.Rows("""
            SELECT x.variant, 1.0 * COUNT(t.ticket_id) / COUNT(DISTINCT x.user_id)
            FROM exposures x LEFT JOIN support_tickets t ON t.user_id = x.user_id AND t.created_at >= x.first_exposed_at AND t.created_at < '2025-12-08'
            WHERE x.experiment_id = 2 GROUP BY x.variant
            """).ToDictionary(r => (string)r[0]!, r => (double)r[1]!);
        Assert.True(tickets["treatment"] > tickets["control"] * 1.3);
    }

    [Fact]
    public void Without_planted_effects_there_is_no_srm_and_no_lift()
    {
        using var db = Db.Generate(new GenerationOptions(21, DataScale.Custom(8_000), new ScenarioOptions(Experiment: new ExperimentPlan(RelativeLift: 0))));
        var truth = db.Generator.Truth.Experiment!;
        Assert.False(truth.SampleRatioMismatch);
        Assert.True(ChiSquare(db, truth.SrmEvidenceSql) < 10.83);
        var conversion = ConversionByVariant(db, truth.LiftEvidenceSql);
        Assert.InRange((conversion["treatment"] / conversion["control"]) - 1, -0.12, 0.12);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void The_other_experiments_carry_their_planted_boundaries_a_real_srm_and_a_marginal_one_on_an_unequal_split(ulong seed)
    {
        using var db = Db.Generate(new GenerationOptions(seed, DataScale.Tiny));
        Assert.Equal(0.5, db.Scalar("SELECT treatment_share FROM experiments WHERE experiment_id = 1"));
        Assert.Equal(0.3, db.Scalar("SELECT treatment_share FROM experiments WHERE experiment_id = 3"));
        // onboarding_checklist lost treatment logs: far past the 1% cut-off.
        Assert.True(PearsonChiSquare(db, 1) > 6.635 * 1.2);
        // search_ranking_v2 misses its 30/70 design just past the 5% cut-off and short of the 1% one.
        Assert.InRange(PearsonChiSquare(db, 3), 3.841 + 0.01, 6.635);
    }

    /// <summary>Pearson's statistic of the non-test assignments against the experiment's own treatment share.</summary>
    private static double PearsonChiSquare(Db db, int experiment)
    {
        var share = db.Scalar($"SELECT treatment_share FROM experiments WHERE experiment_id = {experiment}");
        var rows = db.Rows($"""
            SELECT a.variant, COUNT(*) FROM assignments a JOIN users u ON u.user_id = a.user_id
            WHERE a.experiment_id = {experiment} AND NOT u.is_test_account GROUP BY a.variant
            """).ToDictionary(r => (string)r[0]!, r => (double)(long)r[1]!);
        var total = rows["control"] + rows["treatment"];
        return (Math.Pow(rows["control"] - (total * (1 - share)), 2) / (total * (1 - share)))
            + (Math.Pow(rows["treatment"] - (total * share), 2) / (total * share));
    }

    [Fact]
    public void Exposure_never_precedes_assignment()
    {
        using var db = Db.Generate(new GenerationOptions(2, DataScale.Tiny));
        Assert.Equal(0, db.Scalar("""
            SELECT COUNT(*) FROM exposures x LEFT JOIN assignments a ON a.user_id = x.user_id AND a.experiment_id = x.experiment_id
            WHERE a.user_id IS NULL OR x.first_exposed_at < a.assigned_at OR x.variant <> a.variant
            """));
        Assert.True(db.Scalar("SELECT COUNT(*) FROM assignments") > db.Scalar("SELECT COUNT(*) FROM exposures"));
    }
}

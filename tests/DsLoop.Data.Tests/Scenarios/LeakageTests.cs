namespace DsLoop.Data.Tests.Scenarios;

/// <summary>The churn_features table leaks the label through the columns the truth names, and only through them.</summary>
[Collection(TinyCollection.Name)]
public sealed class LeakageTests(TinyDataset tiny)
{
    private Db Db => tiny.Db;

    /// <summary>Best accuracy of a one-column threshold rule "churned when column >= c" (or &lt;=).</summary>
    private double BestThresholdAccuracy(string column)
    {
        var rows = Db.Rows($"SELECT {column}, churned FROM churn_features").Select(r => ((long)r[0]!, (long)r[1]! == 1)).ToList();
        var best = 0.0;
        foreach (var c in rows.Select(r => r.Item1).Distinct())
        {
            var above = rows.Count(r => (r.Item1 >= c) == r.Item2) / (double)rows.Count;
            best = Math.Max(best, Math.Max(above, 1 - above));
        }
        return best;
    }

    [Fact]
    public void Leaky_column_predicts_the_label_almost_perfectly_while_honest_features_do_not()
    {
        var leakage = Db.Generator.Truth.Leakage!;
        Assert.Contains("days_since_last_session", leakage.LeakyColumns.Keys);
        Assert.InRange(Db.Scalar("SELECT AVG(churned) FROM churn_features"), 0.2, 0.9);
        var leaky = BestThresholdAccuracy("days_since_last_session");
        Assert.True(leaky > 0.97, $"leaky accuracy {leaky}");
        foreach (var honest in leakage.SafeColumns.Where(c => c is "sessions_28d" or "active_days_28d" or "tenure_days"))
        {
            Assert.True(BestThresholdAccuracy(honest) < leaky - 0.1, honest);
        }
    }

    [Fact]
    public void Leakage_table_is_empty_unless_planted()
    {
        using var db = Db.Generate(new GenerationOptions(42, DataScale.Custom(300)));
        Assert.Equal(0, db.Counts["churn_features"]);
        Assert.Null(db.Generator.Truth.Leakage);
    }
}

namespace DsLoop.Data.Tests.Generation;

/// <summary>Each planted data-quality problem is present and measurable by a query.</summary>
[Collection(TinyCollection.Name)]
public sealed class MessyRealityTests(TinyDataset tiny)
{
    private Db Db => tiny.Db;

    [Fact]
    public void Duplicate_events_come_only_from_android_5_2_0()
    {
        var groups = Db.Rows("""
            SELECT platform, app_version, COUNT(*) FROM (
                SELECT platform, app_version FROM events
                GROUP BY user_id, session_id, event_name, event_time, onboarding_step, platform, app_version HAVING COUNT(*) > 1)
            GROUP BY platform, app_version
            """);
        var group = Assert.Single(groups);
        Assert.Equal("android", group[0]);
        Assert.Equal("5.2.0", group[1]);
        Assert.True((long)group[2]! > 100);
    }

    [Fact]
    public void Some_events_arrive_days_late_and_ties_in_time_exist()
    {
        Assert.True(Db.Scalar("SELECT COUNT(*) FROM events WHERE julianday(received_at) - julianday(event_time) > 1") > 300);
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM events WHERE received_at < event_time"));
        Assert.True(Db.Scalar("SELECT COUNT(*) FROM (SELECT session_id, event_time FROM events GROUP BY 1, 2 HAVING COUNT(DISTINCT event_name) > 1)") > 1000);
    }

    [Fact]
    public void Nulls_appear_where_documented()
    {
        Assert.InRange(Db.Scalar("SELECT AVG(country IS NULL) FROM users"), 0.01, 0.06);
        Assert.Equal(1, Db.Scalar("SELECT MIN(app_version IS NULL) FROM sessions WHERE platform = 'web'"));
        Assert.Equal(0, Db.Scalar("SELECT MAX(app_version IS NULL) FROM sessions WHERE platform <> 'web'"));
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM events WHERE (event_name = 'onboarding_step') <> (onboarding_step IS NOT NULL)"));
    }

    [Fact]
    public void Many_events_fall_on_a_different_day_in_the_users_time_zone()
    {
        var share = Db.Scalar("""
            SELECT AVG(date(e.event_time) <> date(e.event_time, u.utc_offset_minutes || ' minutes'))
            FROM events e JOIN users u ON u.user_id = e.user_id
            """);
        Assert.InRange(share, 0.05, 0.6);
        Assert.True(Db.Scalar("SELECT COUNT(DISTINCT strftime('%m', started_at)) FROM sessions") >= 5);
    }

    [Fact]
    public void Inactive_users_and_test_accounts_exist()
    {
        Assert.InRange(Db.Scalar("SELECT COUNT(*) FROM users WHERE user_id NOT IN (SELECT user_id FROM sessions)"), 60, 300);
        Assert.InRange(Db.Scalar("SELECT COUNT(*) FROM users WHERE is_test_account = 1"), 5, 20);
    }

    [Fact]
    public void Bots_have_huge_event_counts_at_inhuman_rates()
    {
        var bots = Db.Rows("""
            SELECT user_id, COUNT(*) AS n, (julianday(MAX(event_time)) - julianday(MIN(event_time))) * 86400 / COUNT(*) AS seconds_per_event
            FROM events GROUP BY user_id, session_id HAVING COUNT(*) > 100
            """);
        Assert.True(bots.Select(b => b[0]).Distinct().Count() >= 2);
        Assert.All(bots, b => Assert.True((double)b[2]! < 2.0));
        var top = Db.Rows("SELECT user_id, COUNT(*) FROM events GROUP BY user_id ORDER BY 2 DESC LIMIT 3");
        var medianHuman = Db.Scalar("SELECT COUNT(*) FROM events GROUP BY user_id ORDER BY 1 LIMIT 1 OFFSET (SELECT COUNT(DISTINCT user_id) FROM events) / 2");
        Assert.True((long)top[0][1]! > 50 * medianHuman);
    }

    [Fact]
    public void Naive_join_through_campaign_attribution_overstates_revenue()
    {
        var truth = Db.Scalar("SELECT SUM(amount_usd) FROM payments WHERE status = 'succeeded'");
        var naive = Db.Scalar("SELECT SUM(p.amount_usd) FROM payments p JOIN payment_campaigns pc ON pc.payment_id = p.payment_id WHERE p.status = 'succeeded'");
        var weighted = Db.Scalar("""
            SELECT SUM(p.amount_usd * pc.attribution_weight) + (SELECT SUM(amount_usd) FROM payments WHERE status = 'succeeded' AND payment_id NOT IN (SELECT payment_id FROM payment_campaigns))
            FROM payments p JOIN payment_campaigns pc ON pc.payment_id = p.payment_id WHERE p.status = 'succeeded'
            """);
        Assert.True(naive > truth * 1.1, $"naive {naive} vs {truth}");
        Assert.Equal(truth, weighted, 2);
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM (SELECT payment_id FROM payment_campaigns GROUP BY 1 HAVING ABS(SUM(attribution_weight) - 1) > 1e-9)"));
    }
}

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
    public void Ties_in_time_exist_and_nothing_arrives_before_it_happened()
    {
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM events WHERE received_at < event_time"));
        Assert.True(Db.Scalar("SELECT COUNT(*) FROM (SELECT session_id, event_time FROM events GROUP BY 1, 2 HAVING COUNT(DISTINCT event_name) > 1)") > 1000);
    }

    [Fact]
    public void App_arrival_delays_are_continuous_and_heavy_tailed_from_seconds_to_days()
    {
        var delays = Db.Rows("""
            SELECT CAST(floor(log10(1 + (julianday(received_at) - julianday(event_time)) * 86400)) AS INTEGER) AS decade, COUNT(*)
            FROM events WHERE platform <> 'web' GROUP BY 1 ORDER BY 1
            """).ToDictionary(r => (long)r[0]!, r => (long)r[1]!);
        var total = (double)delays.Values.Sum();
        Assert.True(delays[0] / total > 0.6, "most app events arrive within 9 seconds");
        // Every decade from 10 s to 11 days holds events: no gap between "seconds" and "days" as in a two-point mixture.
        for (var decade = 1; decade <= 5; decade++)
        {
            Assert.True(delays.GetValueOrDefault(decade) > 20, $"only {delays.GetValueOrDefault(decade)} delays in [10^{decade}, 10^{decade + 1}) s");
        }
        var lateShare = Db.Scalar("SELECT AVG(julianday(received_at) - julianday(event_time) > 1) FROM events WHERE platform <> 'web'");
        Assert.InRange(lateShare, 0.015, 0.05);
        Assert.True(Db.Scalar("SELECT MAX(julianday(received_at) - julianday(event_time)) FROM events") <= 30);
        Assert.True(Db.Scalar("SELECT MAX(julianday(received_at) - julianday(event_time)) * 86400 FROM events WHERE platform = 'web'") < 60);
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
        Assert.All(bots, b => Assert.True((double)b[2]! < 2.0));
        var top = Db.Rows("SELECT user_id, COUNT(*) FROM events GROUP BY user_id ORDER BY 2 DESC LIMIT 3");
        var medianHuman = Db.Scalar("SELECT COUNT(*) FROM events GROUP BY user_id ORDER BY 1 LIMIT 1 OFFSET (SELECT COUNT(DISTINCT user_id) FROM events) / 2");
        Assert.True((long)top[0][1]! > 50 * medianHuman);
    }

    [Fact]
    public void No_session_or_event_comes_before_its_users_sign_up()
    {
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM sessions s JOIN users u ON u.user_id = s.user_id WHERE s.started_at < u.signup_at"));
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM events e JOIN users u ON u.user_id = e.user_id WHERE e.event_time < u.signup_at"));
    }

    private const string Bots = "SELECT user_id FROM events GROUP BY user_id, session_id HAVING COUNT(*) > 100";

    [Fact]
    public void About_one_user_in_two_hundred_is_a_bot_on_a_schedule()
    {
        var share = Db.Scalar($"SELECT COUNT(DISTINCT user_id) * 1.0 / (SELECT COUNT(*) FROM users) FROM ({Bots})");
        Assert.InRange(share, 0.004, 0.01);
        // Every session of a bot is a long scripted burst, on the web, with no purchase, no onboarding and no ticket.
        Assert.Equal(0, Db.Scalar($"SELECT COUNT(*) FROM (SELECT session_id FROM events WHERE user_id IN ({Bots}) GROUP BY session_id HAVING COUNT(*) <= 100)"));
        Assert.Equal(0, Db.Scalar($"SELECT COUNT(*) FROM events WHERE user_id IN ({Bots}) AND (platform <> 'web' OR event_name NOT IN ('page_view', 'search'))"));
        Assert.Equal(0, Db.Scalar($"SELECT COUNT(*) FROM support_tickets WHERE user_id IN ({Bots})"));
        // After the first, a bot's sessions start at the same minute of the UTC day, whatever its time zone.
        Assert.Equal(1, Db.Scalar($"""
            SELECT MAX(minutes) FROM (
                SELECT user_id, COUNT(DISTINCT substr(started_at, 12, 5)) AS minutes FROM sessions s
                WHERE user_id IN ({Bots}) AND started_at > (SELECT MIN(started_at) FROM sessions f WHERE f.user_id = s.user_id)
                GROUP BY user_id)
            """));
    }

    private const string LocalTime = "datetime(s.started_at, u.utc_offset_minutes || ' minutes')";

    [Fact]
    public void Test_accounts_work_office_hours_in_bursts_and_buy_with_test_cards()
    {
        var officeHours = $"AVG(CAST(strftime('%H', {LocalTime}) AS INTEGER) BETWEEN 9 AND 17 AND strftime('%w', {LocalTime}) NOT IN ('0', '6'))";
        var tests = Db.Scalar($"SELECT {officeHours} FROM sessions s JOIN users u ON u.user_id = s.user_id WHERE u.is_test_account");
        var humans = Db.Scalar($"SELECT {officeHours} FROM sessions s JOIN users u ON u.user_id = s.user_id WHERE NOT u.is_test_account");
        Assert.True(tests > 0.9, $"test accounts: {tests:P0} of sessions in office hours");
        Assert.True(humans < 0.5, $"humans: {humans:P0} of sessions in office hours");
        Assert.True(Db.Scalar("""
            SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM sessions s JOIN users u ON u.user_id = s.user_id
                                WHERE u.is_test_account GROUP BY s.user_id, date(s.started_at))
            """) >= 4, "test accounts come in bursts of sessions on test days");
        var purchases = Db.Rows("""
            SELECT SUM(p.amount_usd = 0), SUM(p.status = 'refunded'), SUM(p.amount_usd > 0 AND p.status = 'succeeded'), COUNT(*)
            FROM payments p JOIN users u ON u.user_id = p.user_id WHERE u.is_test_account AND p.kind = 'in_app'
            """)[0].Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(purchases[0] / purchases[3] > 0.2, "zero-amount test purchases");
        Assert.True(purchases[1] / purchases[3] > 0.3, "refunded test purchases");
        Assert.True(purchases[2] > 0, "some test purchases still count as revenue, so forgetting the flag shows");
        Assert.True(Db.Scalar("SELECT AVG(amount_usd = 0) FROM payments p JOIN users u ON u.user_id = p.user_id WHERE NOT u.is_test_account") < 0.001);
    }

    [Fact]
    public void Naive_join_through_campaign_attribution_roughly_doubles_revenue()
    {
        var truth = Db.Scalar("SELECT SUM(amount_usd) FROM payments WHERE status = 'succeeded'");
        var naive = Db.Scalar("SELECT SUM(p.amount_usd) FROM payments p JOIN payment_campaigns pc ON pc.payment_id = p.payment_id WHERE p.status = 'succeeded'");
        var weighted = Db.Scalar("""
            SELECT SUM(p.amount_usd * pc.attribution_weight) + (SELECT SUM(amount_usd) FROM payments WHERE status = 'succeeded' AND payment_id NOT IN (SELECT payment_id FROM payment_campaigns))
            FROM payments p JOIN payment_campaigns pc ON pc.payment_id = p.payment_id WHERE p.status = 'succeeded'
            """);
        Assert.InRange(naive / truth, 1.8, 2.5);
        Assert.Equal(truth, weighted, 2);
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM (SELECT payment_id FROM payment_campaigns GROUP BY 1 HAVING ABS(SUM(attribution_weight) - 1) > 1e-9)"));
        Assert.Equal(3, Db.Scalar("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM payment_campaigns GROUP BY payment_id)"));
    }
}

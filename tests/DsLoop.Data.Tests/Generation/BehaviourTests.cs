namespace DsLoop.Data.Tests.Generation;

/// <summary>The dataset behaves like a real product: each property is measured by a query an analyst would write.</summary>
[Collection(TinyCollection.Name)]
public sealed class BehaviourTests(TinyDataset tiny)
{
    private Db Db => tiny.Db;

    [Fact]
    public void Weekends_have_visibly_less_activity_than_weekdays()
    {
        var ratio = Db.Scalar("""
            WITH d AS (SELECT date(started_at) AS day, COUNT(*) AS n FROM sessions GROUP BY 1)
            SELECT AVG(CASE WHEN strftime('%w', day) IN ('0', '6') THEN n END) / AVG(CASE WHEN strftime('%w', day) NOT IN ('0', '6') THEN n END) FROM d
            """);
        Assert.InRange(ratio, 0.5, 0.85);
    }

    [Fact]
    public void Onboarding_steps_lose_users_at_every_step()
    {
        var reached = Db.Rows("SELECT onboarding_step, COUNT(DISTINCT user_id) FROM events WHERE event_name = 'onboarding_step' GROUP BY 1 ORDER BY 1")
            .Select(r => (long)r[1]!).ToList();
        Assert.Equal(5, reached.Count);
        for (var i = 1; i < reached.Count; i++)
        {
            Assert.True(reached[i] < reached[i - 1] * 0.95, $"step {i + 1}: {reached[i]} vs {reached[i - 1]}");
        }
        Assert.InRange(reached[^1] / (double)reached[0], 0.15, 0.5);
    }

    [Fact]
    public void Android_onboarding_completes_less_often_than_ios()
    {
        double Completion(string platform) => Db.Scalar($"""
            SELECT 1.0 * COUNT(DISTINCT CASE WHEN onboarding_step = 5 THEN user_id END) / COUNT(DISTINCT user_id)
            FROM events WHERE event_name = 'onboarding_step' AND platform = '{platform}'
            """);
        Assert.True(Completion("android") < Completion("ios") - 0.04);
    }

    [Fact]
    public void Weekly_retention_decays_like_a_power_law()
    {
        var weeks = Db.Rows("""
            WITH s AS (SELECT s.user_id, CAST((julianday(s.started_at) - julianday(u.signup_at)) / 7 AS INTEGER) AS week
                       FROM sessions s JOIN users u ON u.user_id = s.user_id WHERE u.signup_at < '2025-09-01')
            SELECT week, COUNT(DISTINCT user_id) FROM s WHERE week < 10 GROUP BY week ORDER BY week
            """).Select(r => (double)(long)r[1]!).ToList();
        for (var i = 1; i < weeks.Count; i++)
        {
            Assert.True(weeks[i] <= weeks[i - 1] * 1.05, $"week {i} went up");
        }
        // Steep first drop, then a flattening tail: week1/week0 is much lower than week9/week8.
        Assert.True(weeks[1] / weeks[0] < 0.7);
        Assert.True(weeks[9] / weeks[8] > weeks[1] / weeks[0]);
        Assert.True(weeks[9] > 0);
    }

    [Fact]
    public void Revenue_is_heavy_tailed()
    {
        var topShare = Db.Scalar("""
            WITH r AS (SELECT user_id, SUM(amount_usd) AS revenue FROM payments WHERE status = 'succeeded' GROUP BY user_id),
                 ranked AS (SELECT revenue, ROW_NUMBER() OVER (ORDER BY revenue DESC) AS rank FROM r)
            SELECT SUM(CASE WHEN rank <= (SELECT COUNT(*) FROM users) / 100 THEN revenue END) / SUM(revenue) FROM ranked
            """);
        Assert.InRange(topShare, 0.12, 0.8);
        var meanOverMedian = Db.Scalar("""
            WITH p AS (SELECT amount_usd, ROW_NUMBER() OVER (ORDER BY amount_usd) AS k, COUNT(*) OVER () AS n FROM payments WHERE kind = 'in_app')
            SELECT AVG(amount_usd) / (SELECT amount_usd FROM p WHERE k = n / 2) FROM p
            """);
        Assert.True(meanOverMedian > 1.3, $"mean/median {meanOverMedian}");
    }

    [Fact]
    public void Segments_differ_in_conversion_by_platform_and_country()
    {
        double Conversion(string where) => Db.Scalar($"""
            SELECT AVG(EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_name = 'purchase'))
            FROM sessions s JOIN users u ON u.user_id = s.user_id WHERE {where}
            """);
        Assert.True(Conversion("s.platform = 'ios'") > Conversion("s.platform = 'android'") * 1.2);
        Assert.True(Conversion("u.country = 'US'") > Conversion("u.country = 'IN'") * 1.5);
    }

    [Fact]
    public void Subscriptions_upgrade_downgrade_and_cancel_with_linked_rows()
    {
        var statuses = Db.Rows("SELECT status, COUNT(*) FROM subscriptions GROUP BY status").ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
        Assert.All(new[] { "active", "upgraded", "downgraded", "cancelled" }, s => Assert.True(statuses.GetValueOrDefault(s) > 0, s));
        Assert.Equal(0, Db.Scalar("""
            SELECT COUNT(*) FROM subscriptions n JOIN subscriptions o ON o.subscription_id = n.previous_subscription_id
            WHERE o.ended_at <> n.started_at OR o.user_id <> n.user_id
            """));
        Assert.True(Db.Scalar("SELECT COUNT(*) FROM payments WHERE status = 'refunded' AND refunded_at > paid_at") > 0);
        Assert.True(Db.Scalar("SELECT COUNT(DISTINCT currency) FROM payments") >= 8);
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM payments WHERE (status = 'refunded') <> (refunded_at IS NOT NULL)"));
    }

    [Fact]
    public void Marketing_spend_clicks_are_below_impressions_and_weekends_spend_less()
    {
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM marketing_spend WHERE clicks > impressions OR spend_usd <= 0"));
        Assert.True(Db.Scalar("SELECT AVG(CASE WHEN strftime('%w', day) IN ('0','6') THEN spend_usd END) / AVG(CASE WHEN strftime('%w', day) NOT IN ('0','6') THEN spend_usd END) FROM marketing_spend") < 0.85);
    }

    [Fact]
    public void Every_event_belongs_to_a_session_of_the_same_user()
    {
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM events e LEFT JOIN sessions s ON s.session_id = e.session_id WHERE s.user_id IS NULL OR s.user_id <> e.user_id"));
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM sessions WHERE ended_at < started_at"));
    }
}

namespace DsLoop.Data.Tests.Generation;

/// <summary>
/// The rows planted on the boundaries the SQL bank's questions draw (see docs/DATASET.md, "Boundary rows"): each one is
/// in the tiny dataset of every seed the bank is graded on, so an off-by-one query gets a different answer.
/// </summary>
public sealed class BoundaryRowTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Every_boundary_row_is_planted_on_the_tiny_dataset(ulong seed)
    {
        using var db = Db.Generate(new GenerationOptions(seed, DataScale.Tiny));
        const string NonTest = "JOIN users u ON u.user_id = e.user_id AND NOT u.is_test_account";

        // Exactly one day late: received_at = event_time + 24 h.
        Assert.True(db.Scalar($"SELECT COUNT(*) FROM events e {NonTest} WHERE e.received_at = datetime(e.event_time, '+1 day')") >= 1);

        // A purchase at exactly the end of every experiment, by a user assigned to it who bought nothing in the window.
        Assert.Equal(3, db.Scalar($"""
            SELECT COUNT(DISTINCT x.experiment_id) FROM experiments x
            JOIN assignments a ON a.experiment_id = x.experiment_id
            JOIN events e ON e.user_id = a.user_id AND e.event_name = 'purchase' AND e.event_time = x.ended_at
            {NonTest}
            WHERE NOT EXISTS (SELECT 1 FROM events p WHERE p.user_id = a.user_id AND p.event_name = 'purchase'
                              AND p.event_time >= a.assigned_at AND p.event_time < x.ended_at)
            """));

        // A person with a session of exactly 100 events in October (not a bot: a bot has more than 100), and a
        // scraper whose longest session has 101.
        var longest = db.Rows("""
            SELECT user_id, MAX(n) FROM (SELECT user_id, session_id, COUNT(*) AS n FROM events GROUP BY 1, 2) GROUP BY 1
            """).ToDictionary(r => (long)r[0]!, r => (long)r[1]!);
        Assert.Contains(longest, l => l.Value == 100 && l.Key % 199 != 13);
        Assert.Contains(longest, l => l.Value == 101 && l.Key % 199 == 13);
        Assert.True(db.Scalar("""
            SELECT COUNT(*) FROM (SELECT session_id FROM events WHERE event_time >= '2025-10-01' AND event_time < '2025-11-01'
                                  GROUP BY session_id HAVING COUNT(*) = 100)
            """) >= 1);
        Assert.All(longest.Where(l => l.Key % 199 != 13), l => Assert.True(l.Value <= 100));

        // "Buy now": a purchase in a person's first search session with no add_to_cart.
        Assert.True(db.Scalar($"""
            WITH s AS (
              SELECT e.user_id, e.session_id, MIN(e.event_time) AS t,
                     MAX(e.event_name = 'search') AS searched, MAX(e.event_name = 'add_to_cart') AS carted, MAX(e.event_name = 'purchase') AS bought
              FROM events e {NonTest} GROUP BY 1, 2),
            firsts AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY t, session_id) AS rn FROM s WHERE searched)
            SELECT COUNT(*) FROM firsts WHERE rn = 1 AND bought AND NOT carted
            """) >= 1);

        // In-app payments inside an experiment's window whose purchase events never arrived.
        Assert.True(db.Scalar("""
            SELECT COUNT(*) FROM assignments a JOIN experiments x ON x.experiment_id = a.experiment_id
            WHERE EXISTS (SELECT 1 FROM payments p WHERE p.user_id = a.user_id AND p.kind = 'in_app'
                          AND p.paid_at >= a.assigned_at AND p.paid_at < x.ended_at)
              AND NOT EXISTS (SELECT 1 FROM events e WHERE e.user_id = a.user_id AND e.event_name = 'purchase'
                              AND e.event_time >= a.assigned_at AND e.event_time < x.ended_at)
            """) >= 1);
    }
}

using DsLoop.Sql.Bank.Mutation;
using Xunit;

namespace DsLoop.Sql.Tests.Bank.Mutation;

public sealed class SqlMutatorTests
{
    private static readonly SchemaFacts Facts = SchemaFacts.From(
        [("events", "user_id", "users", "user_id"), ("sessions", "user_id", "users", "user_id")],
        [("users", ["user_id"]), ("events", ["event_id"]), ("sessions", ["session_id"])]);

    private static IReadOnlyList<SqlMutant> Mutants(string sql) => SqlMutator.Mutate(sql, Facts);

    private static SqlMutant Only(string sql, string change) =>
        Assert.Single(Mutants(sql), m => m.Label.StartsWith(change, StringComparison.Ordinal));

    [Theory]
    [InlineData("select 'it''s' as a, \"odd name\" from t -- note\nwhere x <= 3.5e2 /* c */ and y::date = '2026-01-01'")]
    [InlineData("select [a], `b`, x || y, -1 from t where z != 0;")]
    public void Tokens_join_back_to_the_exact_query(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        Assert.NotEmpty(tokens);
        Assert.Equal(sql, string.Concat(tokens.Select(t => t.Text)));
    }

    [Fact]
    public void Quoted_text_and_comments_are_never_mutated()
    {
        var mutants = Mutants("select count(*) as n from events where event_name = 'a < b' -- x > 1\n").Where(m => m.Kind != MutationKind.Filter).ToList();
        Assert.NotEmpty(mutants);
        Assert.All(mutants, m => Assert.Contains("'a < b'", m.Sql, StringComparison.Ordinal));
        Assert.All(mutants, m => Assert.Contains("-- x > 1", m.Sql, StringComparison.Ordinal));
    }

    [Fact]
    public void Boundaries_flip_both_ways_and_whole_constants_move_by_one()
    {
        const string sql = "select user_id from events where received_at - event_time > 86400 and amount_usd >= 10";
        Assert.Equal("select user_id from events where received_at - event_time >= 86400 and amount_usd >= 10", Only(sql, "`>` → `>=`").Sql);
        Assert.Contains(Mutants(sql), m => m.Sql.Contains("> 86401", StringComparison.Ordinal));
        Assert.Contains(Mutants(sql), m => m.Sql.Contains("> 86399", StringComparison.Ordinal));
        Assert.Contains(Mutants(sql), m => m.Sql.EndsWith("amount_usd > 10", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_condition_is_removed_in_turn_and_the_and_of_a_between_is_not_a_condition()
    {
        const string sql = "select count(*) from events where not is_bot and day between '2026-01-01' and '2026-01-31' and amount_usd > 0";
        var removed = Mutants(sql).Where(m => m.Kind == MutationKind.Filter && m.Label.Contains("removed", StringComparison.Ordinal)).Select(m => m.Sql).ToList();
        Assert.Contains("select count(*) from events where day between '2026-01-01' and '2026-01-31' and amount_usd > 0", removed);
        Assert.Contains("select count(*) from events where not is_bot and amount_usd > 0", removed);
        Assert.Contains("select count(*) from events where not is_bot and day between '2026-01-01' and '2026-01-31'", removed);
        Assert.DoesNotContain(removed, m => m.Contains("between '2026-01-01' '2026-01-31'", StringComparison.Ordinal));
    }

    [Fact]
    public void Date_modifiers_and_literals_move_by_one_unit_and_time_zones_are_dropped()
    {
        const string sql = "select date(event_time, 'localtime') as d from events where event_time < date('2026-03-01', '+7 days')";
        var texts = Mutants(sql).Select(m => m.Sql).ToList();
        Assert.Contains("select date(event_time) as d from events where event_time < date('2026-03-01', '+7 days')", texts);
        Assert.Contains(texts, t => t.Contains("'+8 days'", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("'+6 days'", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("'2026-02-28'", StringComparison.Ordinal));
    }

    [Fact]
    public void Integer_division_ranking_null_handling_and_join_mutants_are_made()
    {
        const string sql = "select 1.0 * sum(x) / count(*) as r, rank() over (partition by p order by y desc) as k, coalesce(z, 0) as z\n"
            + "from events e left join sessions s on s.session_id = e.session_id";
        var labels = Mutants(sql).Select(m => m.Label).ToList();
        Assert.Contains(labels, l => l.StartsWith("`1.0` → `1`", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("`rank` → `dense_rank`", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("`rank` → `row_number`", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("`coalesce` dropped", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("`left join` → `join`", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("`desc` → `asc`", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("`partition by p` dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void Labels_name_the_change_and_its_line_and_are_unique()
    {
        var mutants = Mutants("select user_id\nfrom events\nwhere amount_usd > 5 and amount_usd > 5");
        Assert.Equal(mutants.Count, mutants.Select(m => m.Label).Distinct().Count());
        Assert.Contains(mutants, m => m.Label == "`>` → `>=` in `where amount_usd > 5 and amount_usd > 5`");
    }

    [Fact]
    public void A_join_to_users_on_a_foreign_key_is_proved_equivalent_as_a_left_join()
    {
        var mutant = Only("select e.user_id from events e join users u on u.user_id = e.user_id where not u.is_test_account", "`join` → `left join`");
        Assert.Contains("foreign key", mutant.Equivalence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select e.user_id from events e join users u on u.user_id = e.session_id")]
    [InlineData("select e.user_id from events e join users u on u.user_id = e.user_id and u.plan = 'pro'")]
    [InlineData("with e as (select user_id from events) select e.user_id from e join users u on u.user_id = e.user_id")]
    [InlineData("select s.user_id from users u left join sessions s on s.user_id = u.user_id join users v on v.user_id = s.user_id")]
    public void A_join_that_can_drop_or_add_rows_is_not_proved_equivalent(string sql)
    {
        var joins = Mutants(sql).Where(m => m.Kind == MutationKind.Join).ToList();
        Assert.NotEmpty(joins);
        Assert.All(joins, m => Assert.Null(m.Equivalence));
    }

    [Theory]
    [InlineData("select platform, count(*) as n from users group by platform")]
    [InlineData("select count(*) as n, sum(x) as s from events")]
    [InlineData("select e.event_id, u.plan from events e join users u on u.user_id = e.user_id")]
    [InlineData("with d as (select user_id, count(*) as n from events group by user_id) select user_id, n from d")]
    public void Distinct_on_rows_that_are_already_unique_is_proved_equivalent(string sql)
    {
        var distincts = Mutants(sql).Where(m => m.Label.StartsWith("`select` → `select distinct`", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(distincts);
        Assert.All(distincts, m => Assert.NotNull(m.Equivalence));
    }

    [Theory]
    [InlineData("select platform from users")]
    [InlineData("select e.user_id, e.event_name from events e")]
    [InlineData("select platform, count(*) as n from users group by platform, plan")]
    [InlineData("select u.user_id from users u join sessions s on s.user_id = u.user_id")]
    public void Distinct_on_rows_that_can_repeat_is_left_for_the_data_to_kill(string sql)
    {
        var mutant = Only(sql, "`select` → `select distinct`");
        Assert.Null(mutant.Equivalence);
    }

    [Fact]
    public void A_sort_key_after_a_unique_prefix_is_proved_irrelevant_and_a_real_tie_breaker_is_not()
    {
        var afterKey = Mutants("select platform, count(*) as n from users group by platform order by platform, n");
        Assert.NotNull(Assert.Single(afterKey, m => m.Label.StartsWith("sort key `n` dropped", StringComparison.Ordinal)).Equivalence);
        Assert.Null(Assert.Single(afterKey, m => m.Label.StartsWith("sort key `platform` dropped", StringComparison.Ordinal)).Equivalence);

        var tieBreaker = Mutants("select platform, count(*) as n from users group by platform order by n desc, platform");
        Assert.Null(Assert.Single(tieBreaker, m => m.Label.StartsWith("sort key `platform` dropped", StringComparison.Ordinal)).Equivalence);
        Assert.Null(Assert.Single(tieBreaker, m => m.Label.StartsWith("`platform` sorted descending", StringComparison.Ordinal)).Equivalence);
    }

    [Fact]
    public void A_window_order_is_never_proved_irrelevant()
    {
        var mutants = Mutants("select user_id, row_number() over (order by user_id, signup_at) as k from users order by user_id");
        Assert.All(mutants.Where(m => m.Label.StartsWith("sort key", StringComparison.Ordinal)), m => Assert.Null(m.Equivalence));
        Assert.Contains(mutants, m => m.Label.StartsWith("sort key `signup_at` dropped", StringComparison.Ordinal));
    }
}

using Xunit;

namespace DsLoop.Sql.Tests;

/// <summary>The sandbox must not get in the way of ordinary analytics SQL.</summary>
[Collection(SandboxCollection.Name)]
public sealed class LegitimateQueryTests(SandboxFixture fixture)
{
    public static TheoryData<string, string> Portable() => new()
    {
        { "window functions", "select id, row_number() over (partition by country order by id) as rn, rank() over (order by signup_date) as r, lag(id) over (order by id) as prev from users" },
        { "ntile and percent_rank", "select ntile(4) over (order by amount) as q, percent_rank() over (order by amount) as pr from payments" },
        { "cte", "with p as (select user_id, sum(amount) as total from payments group by user_id) select u.country, avg(p.total) from p join users u on u.id = p.user_id group by u.country" },
        { "recursive cte", "with recursive days(n) as (select 0 union all select n + 1 from days where n < 30) select n from days" },
        { "case coalesce nullif", "select case when amount > 100 then 'big' else 'small' end, coalesce(null, 1), nullif(1, 1) from payments" },
        { "string functions", "select lower(country), upper(plan), substr(plan, 1, 2), length(plan), replace(plan, 'e', 'E'), trim(' x '), country || '-' || plan from users" },
        { "math", "select abs(-1), round(amount, 1), cast(amount as integer), amount * 1.0 / 3 from payments" },
        { "distinct count", "select count(distinct user_id), count(*), min(amount), max(amount), sum(amount) from payments" },
        { "subquery in where", "select * from users where id in (select user_id from payments where amount > 400)" },
        { "exists", "select count(*) from users u where exists (select 1 from events e where e.user_id = u.id and e.kind = 'purchase')" },
        { "union", "select country from users union select kind from events" },
        { "values", "values (1, 'a'), (2, 'b')" },
        { "having", "select user_id, count(*) as n from events group by user_id having count(*) > 10 order by n desc" },
        { "left join", "select u.id, count(p.id) from users u left join payments p on p.user_id = u.id group by u.id" },
    };

    public static TheoryData<string, string> SqliteOnly() => new()
    {
        { "dates", "select date(signup_date, '+7 days'), strftime('%Y-%m', signup_date), julianday('2025-02-01') - julianday(signup_date), date('now') from users" },
        { "json", "select json_extract('{\"a\": 1}', '$.a'), json_array(1, 2), '{\"b\": 2}' ->> '$.b'" },
        { "group_concat", "select country, group_concat(plan, ',') from users group by country" },
        { "iif and printf", "select iif(active, 'y', 'n'), printf('%.2f', 1.5) from users" },
        { "schema", "select name from sqlite_schema where type = 'table'" },
    };

    public static TheoryData<string, string> PostgresOnly() => new()
    {
        { "dates", "select signup_date + 7, date_trunc('month', signup_date), extract(dow from signup_date), now() from users" },
        { "percentile", "select percentile_cont(0.5) within group (order by amount) from payments" },
        { "string_agg", "select country, string_agg(plan, ',' order by plan) from users group by country" },
        { "filter", "select count(*) filter (where kind = 'purchase') from events" },
        { "generate_series", "select d::date from generate_series('2025-01-01'::date, '2025-01-31'::date, interval '1 day') d" },
        { "information_schema", "select table_name from information_schema.tables where table_schema = 'ds1'" },
        { "pg_sleep within the limit", "select pg_sleep(0.1)" },
        { "parenthesised", "(select 1 as one)" },
    };

    [Theory]
    [MemberData(nameof(Portable))]
    [MemberData(nameof(SqliteOnly))]
    public Task Sqlite_runs(string name, string sql) => Runs("sqlite", name, sql);

    [SkippableTheory]
    [MemberData(nameof(Portable))]
    [MemberData(nameof(PostgresOnly))]
    public Task Postgres_runs(string name, string sql) => Runs("postgres", name, sql);

    private async Task Runs(string engine, string name, string sql)
    {
        fixture.NeedEngine(engine);
        var result = await fixture.Engine(engine).RunAsync(sql);
        Assert.True(result.Succeeded, $"{name}: {result.Status}: {result.Message}");
        Assert.NotEmpty(result.Rows);
    }
}

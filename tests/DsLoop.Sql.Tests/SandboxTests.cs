using System.Globalization;
using Xunit;

namespace DsLoop.Sql.Tests;

[Collection(SandboxCollection.Name)]
public sealed class SandboxTests(SandboxFixture fixture)
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Returns_columns_first_rows_and_the_total(string engine)
    {
        fixture.NeedEngine(engine);
        var result = await fixture.Engine(engine).RunAsync("select id, kind from events order by id", SandboxLimits.Default with { MaxRows = 10 });
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["id", "kind"], result.Columns.Select(c => c.Name));
        Assert.Equal(10, result.Rows.Count);
        Assert.True(result.RowsTruncated);
        Assert.Equal(TestData.Events, result.TotalRowCount);
        Assert.Equal(1L, Convert.ToInt64(result.Rows[0][0], CultureInfo.InvariantCulture));
        Assert.Equal("showing the first 10 rows.", result.Message);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Stops_counting_at_the_counting_cap(string engine)
    {
        fixture.NeedEngine(engine);
        var limits = SandboxLimits.Default with { MaxRows = 5, MaxCountedRows = 1000 };
        var capped = await fixture.Engine(engine).RunAsync("select id from events", limits);
        Assert.True(capped.Succeeded, capped.Message);
        Assert.Null(capped.TotalRowCount);
        Assert.True(capped.RowsTruncated);
        var exact = await fixture.Engine(engine).RunAsync("select id from events where id <= 1000", limits);
        Assert.Equal(1000, exact.TotalRowCount);
        Assert.Equal(5, exact.Rows.Count);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Stops_at_the_output_size_limit(string engine)
    {
        fixture.NeedEngine(engine);
        var result = await fixture.Engine(engine).RunAsync("select * from events", SandboxLimits.Default with { MaxOutputBytes = 2000 });
        Assert.True(result.Succeeded, result.Message);
        Assert.True(result.BytesTruncated);
        Assert.InRange(result.Rows.Count, 1, 100);
        Assert.StartsWith("output stopped at the 2,000-byte limit", result.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Cancellation_stops_a_running_query(string engine)
    {
        fixture.NeedEngine(engine);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var result = await fixture.Engine(engine).RunAsync(
            "select count(*) from events a, events b, events c", SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(30) }, cancel.Token);
        Assert.Equal(SqlRunStatus.Cancelled, result.Status);
        Assert.Equal("the query was cancelled.", result.Message);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(5), result.Elapsed.ToString());
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Syntax_errors_are_the_candidates_own(string engine)
    {
        fixture.NeedEngine(engine);
        var result = await fixture.Engine(engine).RunAsync("select id from userz");
        Assert.Equal(SqlRunStatus.SqlError, result.Status);
        Assert.Contains("userz", result.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_trailing_semicolon_and_comments_are_fine(string engine)
    {
        fixture.NeedEngine(engine);
        var result = await fixture.Engine(engine).RunAsync("-- how many?\nselect count(*) as n from users; -- done\n/* bye */ ;");
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(500L, Convert.ToInt64(result.Rows[0][0], CultureInfo.InvariantCulture));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Describes_tables_columns_and_row_counts(string engine)
    {
        fixture.NeedEngine(engine);
        var tables = await fixture.Engine(engine).DescribeAsync();
        Assert.Equal(["events", "payments", "users"], tables.Select(t => t.Name));
        Assert.Equal([TestData.Events, TestData.Payments, TestData.Users], tables.Select(t => t.RowCount));
        Assert.Equal(["id", "signup_date", "country", "plan", "active"], tables[2].Columns.Select(c => c.Name));
        Assert.Equal(engine == "sqlite" ? "text" : "date", tables[2].Columns[1].Type);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Many_candidates_can_query_at_once(string engine)
    {
        fixture.NeedEngine(engine);
        var sandbox = fixture.Engine(engine);
        var runs = Enumerable.Range(0, 24).Select(i => sandbox.RunAsync(
            i % 3 == 0 ? "select count(*) from events a, events b, events c" : $"select count(*) as n from payments where user_id > {i}",
            SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(i % 3 == 0 ? 0.5 : 20) })).ToArray();
        var results = await Task.WhenAll(runs);
        for (var i = 0; i < results.Length; i++)
        {
            if (i % 3 == 0)
            {
                Assert.Equal(SqlRunStatus.TimedOut, results[i].Status);
            }
            else
            {
                Assert.True(results[i].Succeeded, results[i].Message);
                Assert.Equal((long)TestData.PaymentRows().Count(p => p.UserId > i), Convert.ToInt64(results[i].Rows[0][0], CultureInfo.InvariantCulture));
            }
        }
    }

    [Theory]
    [InlineData("select 1", null)]
    [InlineData("select 1;", null)]
    [InlineData("select ';' ; ", null)]
    [InlineData("select 1; -- x\n", null)]
    [InlineData("select 1;\n\n  select 2", 3)]
    [InlineData("select \"a;b\" from t; /* c */ delete", 1)]
    [InlineData("select $x$ ; $x$; x", 1)]
    [InlineData("select E'\\' ;' ; y", 1)]
    public void Finds_a_second_statement(string sql, int? line)
    {
        var split = StatementText.Split(sql, SqlDialect.Postgres);
        Assert.Equal(line, split.SecondStart is { } s ? StatementText.LineOf(sql, s) : null);
    }
}

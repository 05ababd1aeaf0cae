using System.Text.Json;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class DataAndSqlCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-data-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Generate_writes_a_sqlite_file_and_reports_its_tables_as_json()
    {
        var result = await Cli.RunAsync("data", "generate", "--users", "60", "--seed", "3", "--out", PathOf("small.sqlite"), "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(PathOf("small.sqlite")));
        var json = JsonDocument.Parse(result.Out).RootElement.ToString();
        Assert.Contains("users", json, StringComparison.Ordinal);
        Assert.Contains("events", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--scale", "huge", "--scale")]
    [InlineData("--users", "0", "--users")]
    public async Task Bad_sizes_name_the_option_and_exit_two(string option, string value, string named)
    {
        var result = await Cli.RunAsync("data", "generate", option, value, "--out", PathOf("x.sqlite"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.sqlite")));
    }

    [Fact]
    public async Task Schema_lists_every_table_with_columns()
    {
        var result = await Cli.RunAsync("data", "schema", "--json");
        Assert.Equal(0, result.ExitCode);
        var text = result.Out;
        foreach (var table in new[] { "users", "sessions", "events", "subscriptions", "payments", "assignments", "support_tickets", "marketing_spend" })
        {
            Assert.Contains($"\"{table}\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sql_run_on_a_seed_generates_the_dataset_once_and_queries_it()
    {
        var first = await Cli.RunAsync("sql", "run", "--seed", "11", "--data-dir", _folder, "--json", "select count(*) as n from users");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Generating the tiny dataset for seed 11", first.Error, StringComparison.Ordinal);
        var rows = JsonDocument.Parse(first.Out).RootElement.GetProperty("rows");
        Assert.InRange(rows[0][0].GetInt64(), 1500, 2500);
        var again = await Cli.RunAsync("sql", "run", "--seed", "11", "--data-dir", _folder, "select count(*) from users");
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("Generating", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_run_refuses_a_write_on_stderr_and_exits_one()
    {
        var result = await Cli.RunAsync("sql", "run", "--seed", "11", "--data-dir", _folder, "delete from users");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("dsloop: refused", result.Error, StringComparison.Ordinal);
        var count = await Cli.RunAsync("sql", "run", "--seed", "11", "--data-dir", _folder, "--json", "select count(*) from users");
        Assert.True(JsonDocument.Parse(count.Out).RootElement.GetProperty("rows")[0][0].GetInt64() > 0);
    }

    [Fact]
    public async Task Sql_needs_exactly_one_dataset_source()
    {
        var neither = await Cli.RunAsync("sql", "run", "select 1");
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("give either --db FILE or --seed N", neither.Error, StringComparison.Ordinal);
        var both = await Cli.RunAsync("sql", "run", "--seed", "1", "--db", PathOf("a.sqlite"), "select 1");
        Assert.Equal(2, both.ExitCode);
    }

    [Fact]
    public async Task Sql_grade_on_a_seed_passes_the_right_query_and_explains_the_wrong_one()
    {
        await File.WriteAllTextAsync(PathOf("ref.sql"), "select platform, count(distinct user_id) as users from events group by platform");
        await File.WriteAllTextAsync(PathOf("good.sql"), "select platform, count(*) as users from (select distinct platform, user_id from events) group by platform");
        await File.WriteAllTextAsync(PathOf("bad.sql"), "select platform, count(user_id) as users from events group by platform");
        var good = await Cli.RunAsync("sql", "grade", "--seed", "11", "--data-dir", _folder, "--reference", PathOf("ref.sql"), "--candidate", PathOf("good.sql"), "--json");
        Assert.True(good.ExitCode == 0, good.Error + good.Out);
        Assert.True(JsonDocument.Parse(good.Out).RootElement.GetProperty("passed").GetBoolean());
        var bad = await Cli.RunAsync("sql", "grade", "--seed", "11", "--data-dir", _folder, "--reference", PathOf("ref.sql"), "--candidate", PathOf("bad.sql"));
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("INCORRECT", bad.Out, StringComparison.Ordinal);
        Assert.Contains("users", bad.Out, StringComparison.Ordinal);
    }
}

public sealed class SqlPostgresCommandTests : IDisposable
{
    private readonly DsLoop.Testing.PostgresServer _server = new();

    public void Dispose() => _server.Dispose();

    [SkippableFact]
    public async Task Sql_run_on_postgres_reads_the_seed_through_a_reader_role_and_refuses_file_reads()
    {
        DsLoop.Testing.Requirements.Need(DsLoop.Testing.Requirements.MissingPostgres());
        var admin = _server.CreateDatabase("cli");
        var counted = await Cli.RunAsync("sql", "run", "--seed", "5", "--engine", "postgres", "--connection", admin, "--json", "select count(*) from users");
        Assert.True(counted.ExitCode == 0, counted.Error);
        Assert.InRange(JsonDocument.Parse(counted.Out).RootElement.GetProperty("rows")[0][0].GetInt64(), 1500, 2500);
        var stolen = await Cli.RunAsync("sql", "run", "--seed", "5", "--engine", "postgres", "--connection", admin, "select pg_read_file('/etc/passwd')");
        Assert.Equal(1, stolen.ExitCode);
        Assert.Contains("permission denied for function pg_read_file", stolen.Error, StringComparison.Ordinal);
        var missing = await Cli.RunAsync("sql", "run", "--seed", "5", "--engine", "postgres", "select 1");
        if (Environment.GetEnvironmentVariable("DSLOOP_SANDBOX_DB") is null)
        {
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("--connection", missing.Error, StringComparison.Ordinal);
        }
    }
}

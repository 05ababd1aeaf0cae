using Npgsql;
using Xunit;

namespace DsLoop.Sql.Tests;

/// <summary>Candidates share a reader role; they must not see or disturb each other's sessions.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PostgresIsolationTests(SandboxFixture fixture)
{
    [SkippableFact]
    public async Task A_candidate_cannot_see_or_terminate_another_candidates_session()
    {
        fixture.NeedEngine("postgres");
        var limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(10) };
        var victim = fixture.Postgres.RunAsync("select 'secret-victim-query' as tag, pg_sleep(2) is null as slept", limits);
        await Task.Delay(500);
        int victimPid;
        await using (var admin = new NpgsqlConnection(fixture.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var find = new NpgsqlCommand("select pid from pg_stat_activity where application_name = 'dsloop-sandbox' and state = 'active'", admin);
            victimPid = (int)(await find.ExecuteScalarAsync())!;
        }
        foreach (var attack in new[]
        {
            "select query from pg_stat_activity",
            "select pg_stat_get_backend_activity(s) from pg_stat_get_backend_idset() s",
            $"select pg_terminate_backend({victimPid})",
            $"select pg_cancel_backend({victimPid})",
        })
        {
            var result = await fixture.Postgres.RunAsync(attack, limits);
            Assert.Equal(SqlRunStatus.Refused, result.Status);
            Assert.StartsWith("not allowed in the sandbox: permission denied for ", result.Message, StringComparison.Ordinal);
        }
        var survived = await victim;
        Assert.True(survived.Succeeded, survived.Message);
        Assert.Equal("secret-victim-query", survived.Rows[0][0]);
    }

    [SkippableFact]
    public async Task The_reader_role_is_not_privileged_and_its_limits_hold()
    {
        fixture.NeedEngine("postgres");
        var result = await fixture.Postgres.RunAsync(
            "select current_user as who, r.rolsuper, current_setting('temp_file_limit') as temp_limit, current_setting('transaction_read_only') as ro " +
            "from pg_authid r where r.rolname = current_user");
        // pg_authid itself is superuser-only.
        Assert.Equal(SqlRunStatus.Refused, result.Status);
        var settings = await fixture.Postgres.RunAsync(
            "select current_setting('temp_file_limit') as temp_limit, current_setting('transaction_read_only') as ro, current_setting('is_superuser') as su");
        Assert.True(settings.Succeeded, settings.Message);
        Assert.Equal(["256MB", "on", "off"], settings.Rows[0].Cast<string>());
    }

    [SkippableFact]
    public async Task A_runaway_recursive_cte_hits_the_temp_file_limit_or_the_clock()
    {
        fixture.NeedEngine("postgres");
        var result = await fixture.Postgres.RunAsync(
            "with recursive r(n, pad) as (select 1, repeat('x', 1000) union all select n + 1, pad from r) select count(*) from r",
            SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(3) });
        Assert.Contains(result.Status, new[] { SqlRunStatus.LimitExceeded, SqlRunStatus.TimedOut });
    }

    [SkippableTheory]
    [InlineData("select version()", "version")]
    [InlineData("select pg_stat_get_backend_dbid(1)", "pg_stat_get_backend_dbid")]
    [InlineData("select pg_stat_get_backend_wait_event(s) from generate_series(1, 10) s", "pg_stat_get_backend_wait_event")]
    [InlineData("select pg_backend_pid()", "pg_backend_pid")]
    [InlineData("select pg_postmaster_start_time()", "pg_postmaster_start_time")]
    [InlineData("select inet_server_port()", "inet_server_port")]
    public async Task Server_details_and_backend_slots_are_not_visible(string sql, string function)
    {
        fixture.NeedEngine("postgres");
        var result = await fixture.Postgres.RunAsync(sql);
        Assert.Equal(SqlRunStatus.Refused, result.Status);
        Assert.Equal($"not allowed in the sandbox: permission denied for function {function}.", result.Message);
    }

    [SkippableFact]
    public async Task Other_schemas_data_stays_refused_while_their_names_are_documented_as_visible()
    {
        fixture.NeedEngine("postgres");
        // Names of other schemas' tables stay visible (see docs/SANDBOX.md, "What the reader role can still see").
        var names = await fixture.Postgres.RunAsync("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'ds2'");
        Assert.True(names.Succeeded, names.Message);
        var data = await fixture.Postgres.RunAsync("select * from ds2.users");
        Assert.Equal(SqlRunStatus.Refused, data.Status);
        Assert.Equal("not allowed in the sandbox: permission denied for schema ds2.", data.Message);
    }

    [SkippableTheory]
    [InlineData("timeout", "select length(repeat('x', 200000000)) + count(*) from events a, events b")]
    [InlineData("value cap", "select repeat('x', 200000000) as a")]
    [InlineData("caller cancels", "select count(*) from events a, events b, events c")]
    public async Task The_backend_is_idle_or_gone_as_soon_as_a_stopped_run_returns(string name, string sql)
    {
        fixture.NeedEngine("postgres");
        using var caller = new CancellationTokenSource();
        if (name == "caller cancels")
        {
            caller.CancelAfter(TimeSpan.FromMilliseconds(700));
        }
        var limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(name == "timeout" ? 1 : 20), MaxMemoryBytes = 1L << 40 };
        var result = await fixture.Postgres.RunAsync(sql, limits, caller.Token);
        Assert.False(result.Succeeded, $"{name}: {result.Message}");
        await using var admin = new NpgsqlConnection(fixture.PostgresAdmin);
        await admin.OpenAsync();
        await using var active = new NpgsqlCommand("select count(*) from pg_stat_activity where usename = $1 and state = 'active'", admin)
        {
            Parameters = { new() { Value = SandboxFixture.ReaderRole } },
        };
        Assert.Equal(0L, (long)(await active.ExecuteScalarAsync())!);
    }
}

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
}

using SQLitePCL;
using Xunit;

namespace DsLoop.Sql.Tests;

/// <summary>
/// The value, row, output and memory caps (issue 20): every value of every type is measured as it streams, and a query
/// whose memory keeps growing is stopped with the cap named. Peaks are asserted with generous bounds (a busy 2-core
/// machine) that the unbounded queries still cross by far.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ResourceCapTests(SandboxFixture fixture)
{
    private const long MiB = 1024 * 1024;

    private static readonly SandboxLimits Long = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(20) };

    private static readonly string MemoryCap = "the query used more than the 64 MB memory limit and was stopped.";

    [Fact]
    public async Task Sqlite_json_group_object_over_a_cartesian_product_is_stopped_at_the_memory_cap()
    {
        var before = raw.sqlite3_memory_used();
        raw.sqlite3_memory_highwater(1);
        var result = await fixture.Sqlite.RunAsync(
            "select length(json_group_object(a.id || '-' || b.id || '-' || c.id, a.id)) from users a, users b, users c", Long);
        var peakGrowth = raw.sqlite3_memory_highwater(0) - before;
        Assert.Equal(SqlRunStatus.LimitExceeded, result.Status);
        Assert.Equal(MemoryCap, result.Message);
        // Cap plus what 50,000 VM steps can add, plus other tests' SQLite work in this process.
        Assert.InRange(peakGrowth, 0, 128 * MiB);
    }

    [Fact]
    public async Task Sqlite_window_sort_over_a_cartesian_product_writes_no_temporary_file_and_stops_at_the_memory_cap()
    {
        Skip.IfNot(PeakMemoryProbe.Supported);
        using var stop = new CancellationTokenSource();
        var tempFiles = Task.Run(async () =>
        {
            var seen = new HashSet<string>();
            while (!stop.IsCancellationRequested)
            {
                foreach (var fd in Directory.EnumerateFiles("/proc/self/fd"))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.Contains("etilqs_", StringComparison.Ordinal))
                    {
                        seen.Add(target);
                    }
                }
                await Task.Delay(5, CancellationToken.None);
            }
            return seen;
        }, CancellationToken.None);
        var result = await fixture.Sqlite.RunAsync(
            "select max(r) from (select row_number() over (order by a.kind || b.kind || c.country || a.id desc) as r from events a, events b, users c)", Long);
        await stop.CancelAsync();
        Assert.Empty(await tempFiles);
        Assert.Equal(SqlRunStatus.LimitExceeded, result.Status);
        Assert.Equal(MemoryCap, result.Message);
    }

    [SkippableTheory]
    [InlineData("sqlite", "select randomblob(900000) a, randomblob(900000) b, randomblob(900000) c, randomblob(900000) d, randomblob(900000) e")]
    [InlineData("postgres", "select repeat('x', 900000) a, repeat('x', 900000) b, repeat('x', 900000) c, repeat('x', 900000) d, repeat('x', 900000) e")]
    public async Task A_row_of_many_large_values_is_refused_with_the_output_cap_named(string engine, string sql)
    {
        fixture.NeedEngine(engine);
        var result = await fixture.Engine(engine).RunAsync(sql);
        Assert.Equal(SqlRunStatus.LimitExceeded, result.Status);
        Assert.Equal("a row is larger than the 4,194,304-byte output limit.", result.Message);
    }

    [SkippableTheory]
    [InlineData("array", "select array[repeat('x', 5000000)] as a")]
    [InlineData("array of arrays", "select array[array[repeat('x', 700000)], array[repeat('y', 700000)]] as a")]
    [InlineData("record", "select row(repeat('x', 2000000), 1) as a")]
    [InlineData("jsonb", "select to_jsonb(repeat('x', 2000000)) as a")]
    [InlineData("json", "select json_build_array(repeat('x', 2000000)) as a")]
    [InlineData("xml", "select xmlelement(name x, repeat('x', 2000000)) as a")]
    [InlineData("tsvector", "select to_tsvector('simple', string_agg(md5(i::text), ' ')) as a from generate_series(1, 5000) i")]
    [InlineData("varchar", "select repeat('x', 2000000)::varchar(3000000) as a")]
    [InlineData("name array", "select array_agg(repeat('x', 60)::name) as a from generate_series(1, 40000)")]
    [InlineData("numeric", "select (10::numeric ^ 130000) * 7 as a from generate_series(1, 10)")]
    public async Task Postgres_values_of_every_type_are_measured_and_refused_with_the_value_cap_named(string name, string sql)
    {
        fixture.NeedEngine("postgres");
        var limits = name is "numeric" or "tsvector" ? SandboxLimits.Default with { MaxValueBytes = 100_000 } : SandboxLimits.Default;
        var result = await fixture.Postgres.RunAsync(sql, limits);
        Assert.True(result.Status == SqlRunStatus.LimitExceeded, $"{name}: {result.Status} {result.Message}");
        Assert.Equal($"a value in column a is larger than the {limits.MaxValueBytes:N0}-byte value limit.", result.Message);
    }

    [SkippableFact]
    public async Task Postgres_output_of_large_arrays_stops_at_the_output_cap()
    {
        fixture.NeedEngine("postgres");
        var result = await fixture.Postgres.RunAsync("select array[repeat('x', 900000)] as a from users limit 45");
        Assert.True(result.Succeeded, result.Message);
        Assert.True(result.BytesTruncated);
        Assert.InRange(result.Rows.Count, 1, 4);
    }

    [SkippableFact]
    public async Task Postgres_string_agg_is_stopped_at_the_memory_cap_with_the_backend_peak_bounded()
    {
        fixture.NeedEngine("postgres");
        Skip.IfNot(PeakMemoryProbe.Supported);
        SqlRunResult result;
        await using (var probe = new PeakMemoryProbe("postgres: " + SandboxFixture.ReaderRole))
        {
            result = await fixture.Postgres.RunAsync("select length(string_agg(repeat('x', 1000), ',')) from users a, users b", Long);
            await Task.Delay(100);
            // Unbounded, the aggregate holds 250 MB (and more while it grows); the cap stops it near 64 MB.
            Assert.InRange(probe.PeakGrowth, 0, 160 * MiB);
        }
        Assert.Equal(SqlRunStatus.LimitExceeded, result.Status);
        Assert.Equal(MemoryCap, result.Message);
    }

    [SkippableFact]
    public async Task Postgres_a_value_built_and_dropped_in_the_server_is_stopped_at_the_memory_cap()
    {
        fixture.NeedEngine("postgres");
        Skip.IfNot(PeakMemoryProbe.Supported);
        SqlRunResult result;
        await using (var probe = new PeakMemoryProbe("postgres: " + SandboxFixture.ReaderRole))
        {
            result = await fixture.Postgres.RunAsync("select sum(length(repeat(md5(i::text), 3000000))) from generate_series(1, 100) i", Long);
            await Task.Delay(100);
            Assert.InRange(probe.PeakGrowth, 0, 160 * MiB);
        }
        Assert.Equal(SqlRunStatus.LimitExceeded, result.Status);
        Assert.Equal(MemoryCap, result.Message);
    }

    [SkippableFact]
    public async Task Legitimate_aggregates_stay_well_under_the_memory_cap()
    {
        fixture.NeedEngine("postgres");
        foreach (var engine in new[] { "sqlite", "postgres" })
        {
            var result = await fixture.Engine(engine).RunAsync(
                "select u.country, count(*) as n, count(distinct e.kind) as kinds, sum(p.amount) as revenue from users u " +
                "join events e on e.user_id = u.id join payments p on p.user_id = u.id group by u.country order by 1", Long);
            Assert.True(result.Succeeded, $"{engine}: {result.Message}");
            Assert.Equal(5, result.Rows.Count);
        }
    }
}

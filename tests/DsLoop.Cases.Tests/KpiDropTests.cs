using System.Globalization;
using DsLoop.Cases.KpiDrop;
using DsLoop.Data.Scenarios;
using Microsoft.Data.Sqlite;

namespace DsLoop.Cases.Tests;

/// <summary>The KPI-drop deep dive: every cause's reference evidence query finds it on the seed's data, and wrong answers fail.</summary>
public sealed class KpiDropTests
{
    private static readonly DateOnly Earliest = new(2025, 11, 17);
    private static readonly DateOnly Latest = new(2025, 12, 8);

    /// <summary>Seeds whose drops start on the first and the last day a seed can draw, and seed 7 (somewhere between).</summary>
    private static readonly ulong[] Seeds =
    [
        SeedStartingOn(Earliest),
        7,
        SeedStartingOn(Latest),
    ];

    private static ulong SeedStartingOn(DateOnly day) => Enumerable.Range(1, 10_000).Select(i => (ulong)i).First(s => KpiDropCase.StartFor(s) == day);

    public static TheoryData<KpiDropCause, ulong> CausesAndSeeds()
    {
        var data = new TheoryData<KpiDropCause, ulong>();
        foreach (var cause in KpiDropAnswer.Causes.Select(c => c.Cause))
        {
            foreach (var seed in Seeds)
            {
                data.Add(cause, seed);
            }
        }
        return data;
    }

    private static async Task<(KpiDropCase Case, string Path, string Folder)> BuildAsync(KpiDropCause cause, ulong seed = 7)
    {
        var kase = new KpiDropCase(new CaseId(CaseKind.KpiDrop, seed), cause);
        var folder = Directory.CreateTempSubdirectory("dsloop-case-").FullName;
        var path = Path.Combine(folder, "data.sqlite");
        await Task.Run(() => kase.BuildDataset(path));
        return (kase, path, folder);
    }

    private static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
    }

    /// <summary>The KPI's relative change over all sessions of non-test users, the change window against the 28 days before, asked directly.</summary>
    private static double OverallChange(string path, string start, string end)
    {
        using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = $"""
            WITH x AS (
              SELECT CASE WHEN s.started_at >= '{start}' AND s.started_at < '{end}' THEN 'after'
                          WHEN s.started_at >= date('{start}', '-28 days') AND s.started_at < '{start}' THEN 'before' END AS period,
                     EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.session_id AND e.event_name = 'purchase'
                             AND e.event_time BETWEEN s.started_at AND s.ended_at) AS converted
              FROM sessions s JOIN users u ON u.user_id = s.user_id
              WHERE u.is_test_account = 0)
            SELECT period, AVG(converted) FROM x WHERE period IS NOT NULL GROUP BY period
            """;
        using var reader = command.ExecuteReader();
        var conversion = new Dictionary<string, double>();
        while (reader.Read())
        {
            conversion[reader.GetString(0)] = reader.GetDouble(1);
        }
        return (conversion["after"] / conversion["before"]) - 1;
    }

    private static string Day(string date, int offset) =>
        DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(CausesAndSeeds))]
    public async Task Reference_evidence_query_finds_each_cause_on_each_seeds_own_dates_and_a_wrong_segment_fails(KpiDropCause cause, ulong seed)
    {
        var (kase, path, folder) = await BuildAsync(cause, seed);
        try
        {
            var truth = kase.Truth;
            var probe = await kase.GradeAsync(path, new KpiDropAnswer(null, null, null, null, null).ToJson());
            var impact = probe.Metrics!["impact"];
            Assert.Equal(OverallChange(path, truth.ChangeStart, truth.ChangeEnd), impact, 9);
            Assert.True(impact < 0, $"{cause}, seed {seed} from {truth.ChangeStart}: the KPI should drop overall, changed {impact:P1}");

            var right = new KpiDropAnswer(KpiDropAnswer.Slug(cause), KpiDropAnswer.SegmentOf(cause), truth.ChangeStart, impact, truth.EvidenceSql);
            var result = await kase.GradeAsync(path, right.ToJson());
            Assert.All(result.Parts, p => Assert.True(p.Passed, $"{cause}, seed {seed} from {truth.ChangeStart}, {p.Part}: {p.Feedback}"));

            // Realistic wrong evidence: the right shape, but the segment swapped for another platform or country; and a
            // start date a week late.
            var wrongPredicate = truth.SegmentPredicate.Contains("platform", StringComparison.Ordinal) ? "u.country = 'US'" : "s.platform = 'web'";
            var wrongSql = cause == KpiDropCause.BotSurge
                ? truth.EvidenceSql.Replace("'human'", "'humanx'", StringComparison.Ordinal).Replace("'bot'", "'human'", StringComparison.Ordinal)
                : truth.EvidenceSql.Replace(truth.SegmentPredicate, wrongPredicate, StringComparison.Ordinal);
            var wrong = await kase.GradeAsync(path, (right with { EvidenceSql = wrongSql, Cause = "holiday", StartDate = Day(truth.ChangeStart, 7) }).ToJson());
            Assert.False(wrong.Parts.Single(p => p.Part == "Evidence query").Passed, $"{cause}, seed {seed}: wrong evidence passed");
            Assert.Equal(cause == KpiDropCause.Holiday, wrong.Parts.Single(p => p.Part == "Cause").Passed);
            Assert.False(wrong.Parts.Single(p => p.Part == "Start date").Passed);
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public void Neither_end_of_the_logs_gives_the_start_date_away()
    {
        var cases = Enumerable.Range(1, 200).Select(i => new KpiDropCase(new CaseId(CaseKind.KpiDrop, (ulong)i), KpiDropCause.FunnelRegression)).ToList();
        var start = (KpiDropCase k) => DateOnly.ParseExact(k.Truth.ChangeStart, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
        // The start sits anywhere in a five-day bracket after the first day of logs ...
        Assert.Equal(5, cases.Select(k => start(k) - k.LogsFrom.DayNumber).Distinct().Count());
        // ... and the last day adds nothing: it is a fixed distance from the first (or the data's end).
        Assert.All(cases, k => Assert.True(
            k.LogsUntil.DayNumber - k.LogsFrom.DayNumber == KpiDropCase.LogDays || k.LogsUntil == new DateOnly(2025, 12, 29),
            $"{k.Id}: logs {k.LogsFrom} to {k.LogsUntil}"));
    }

    [Fact]
    public void Seeds_draw_start_dates_over_three_weeks_so_two_seeds_rarely_share_one()
    {
        var starts = Enumerable.Range(1, 300).Select(i => KpiDropCase.StartFor((ulong)i)).ToList();
        Assert.Equal(Earliest, starts.Min());
        Assert.Equal(Latest, starts.Max());
        Assert.Equal(22, starts.Distinct().Count());
        Assert.NotEqual(KpiDropCase.StartFor(Seeds[0]), KpiDropCase.StartFor(Seeds[2]));

        // The truth follows the seed for every cause but the holiday, which is Thanksgiving whatever the seed.
        foreach (var seed in Seeds)
        {
            var start = KpiDropCase.StartFor(seed).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(start, new KpiDropCase(new CaseId(CaseKind.KpiDrop, seed), KpiDropCause.TimezoneBug).Truth.ChangeStart);
            Assert.Equal("2025-11-27", new KpiDropCase(new CaseId(CaseKind.KpiDrop, seed), KpiDropCause.Holiday).Truth.ChangeStart);
        }
    }

    [Fact]
    public async Task Start_date_is_right_within_a_day_of_the_seeds_own_and_wrong_a_week_off_or_on_another_seeds_date()
    {
        var (kase, path, folder) = await BuildAsync(KpiDropCause.FunnelRegression, Seeds[2]);
        try
        {
            var start = kase.Truth.ChangeStart;
            Assert.Equal("2025-12-08", start);
            async Task<bool> Passes(string date) =>
                (await kase.GradeAsync(path, new KpiDropAnswer(null, null, date, null, null).ToJson())).Parts.Single(p => p.Part == "Start date").Passed;
            Assert.True(await Passes(start));
            Assert.True(await Passes(Day(start, -1)));
            Assert.True(await Passes(Day(start, 1)));
            Assert.False(await Passes(Day(start, -7)));
            Assert.False(await Passes(Day(start, 7)));
            Assert.False(await Passes("2025-11-17")); // another seed's start
            Assert.False(await Passes("2025-11-10")); // the old fixed start
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public async Task Warehouse_holds_the_cases_tables_and_the_last_weeks_of_logs_without_orphans_and_the_csv_files_hold_the_same_rows()
    {
        var (kase, path, folder) = await BuildAsync(KpiDropCause.TrackingLoss, Seeds[0]);
        try
        {
            var start = DateOnly.ParseExact(kase.Truth.ChangeStart, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(start.DayNumber - kase.LogsFrom.DayNumber, KpiDropCase.CleanDaysBefore, KpiDropCase.CleanDaysBefore + 4);

            using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            db.Open();
            object? Scalar(string sql)
            {
                using var command = db.CreateCommand();
                command.CommandText = sql;
                return command.ExecuteScalar();
            }
            var tables = new List<string>();
            using (var command = db.CreateCommand())
            {
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            Assert.Equal(KpiDropCase.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), tables);
            var logsFrom = kase.LogsFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.StartsWith(logsFrom, (string)Scalar("SELECT MIN(started_at) FROM sessions")!, StringComparison.Ordinal);
            var lastDay = kase.LogsUntil.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(KpiDropCase.LogDays, kase.LogsUntil.DayNumber - kase.LogsFrom.DayNumber);
            Assert.InRange(kase.LogsUntil.DayNumber - start.DayNumber, 21, 25);
            Assert.StartsWith(lastDay, (string)Scalar("SELECT MAX(started_at) FROM sessions")!, StringComparison.Ordinal);
            Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.session_id = e.session_id)"));
            Assert.True((long)Scalar($"SELECT COUNT(*) FROM payments WHERE paid_at < '{logsFrom}'")! > 100, "payments cover the whole window");
            Assert.Equal(6_000L, Scalar("SELECT COUNT(*) FROM users"));

            Assert.Contains($"from {logsFrom} to {lastDay}", kase.Brief(), StringComparison.Ordinal);

            var csv = Path.Combine(folder, "csv");
            kase.WriteCsv(csv);
            Assert.Equal(KpiDropCase.Tables.Select(t => t.Name + ".csv").Append("SCHEMA.md").Order(StringComparer.Ordinal),
                Directory.GetFiles(csv).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
            foreach (var table in KpiDropCase.Tables)
            {
                var lines = File.ReadLines(Path.Combine(csv, table.Name + ".csv")).Count() - 1;
                var rows = (long)Scalar($"SELECT COUNT(*) FROM {table.Name}")!;
                if (table.Name is "users" or "sessions" or "events" or "payments")
                {
                    Assert.Equal(rows, lines); // no text field of these tables holds a line break
                }
                Assert.True(lines >= rows, table.Name);
            }
            Assert.Contains($"from {logsFrom}", File.ReadAllText(Path.Combine(csv, "SCHEMA.md")), StringComparison.Ordinal);
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public async Task Evidence_that_only_returns_constants_or_breaks_is_refused()
    {
        var (kase, path, folder) = await BuildAsync(KpiDropCause.TrackingLoss);
        try
        {
            const string fake = "SELECT 'affected' AS segment, 'before' AS period, 100 AS sessions, 0.1 AS conversion UNION ALL SELECT 'affected', 'after', 100, 0.02 UNION ALL SELECT 'rest', 'before', 100, 0.1 UNION ALL SELECT 'rest', 'after', 100, 0.1";
            var faked = await kase.GradeAsync(path, new KpiDropAnswer(null, null, null, null, fake).ToJson());
            var part = faked.Parts.Single(p => p.Part == "Evidence query");
            Assert.False(part.Passed);
            Assert.Contains("different segment", part.Feedback, StringComparison.Ordinal);

            var broken = await kase.GradeAsync(path, new KpiDropAnswer(null, null, null, null, "SELECT nope FROM nowhere").ToJson());
            Assert.Contains("did not run", broken.Parts.Single(p => p.Part == "Evidence query").Feedback, StringComparison.Ordinal);

            var write = await kase.GradeAsync(path, new KpiDropAnswer(null, null, null, null, "DELETE FROM users").ToJson());
            Assert.Equal(0, write.Parts.Single(p => p.Part == "Evidence query").Points);
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public void Seeds_spread_over_the_whole_cause_catalogue_and_the_brief_never_names_the_cause_or_the_start()
    {
        var causes = Enumerable.Range(1, 200).Select(i => KpiDropCase.CauseFor((ulong)i)).Distinct().Count();
        Assert.Equal(7, causes);
        foreach (var seed in Enumerable.Range(1, 20).Select(i => (ulong)i))
        {
            var kase = new KpiDropCase(new CaseId(CaseKind.KpiDrop, seed));
            var brief = kase.Brief();
            Assert.DoesNotContain(kase.Truth.Explanation, brief, StringComparison.Ordinal);
            Assert.DoesNotContain(kase.Truth.AffectedSegment, brief, StringComparison.Ordinal);
            Assert.DoesNotContain(kase.Truth.ChangeStart, brief, StringComparison.Ordinal);
        }
    }
}

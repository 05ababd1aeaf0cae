using DsLoop.Core;
using Xunit;

namespace DsLoop.Store.Tests;

// Counts, summaries, chart points, keyset pages and the self-rating column, on each engine.
public abstract partial class AppStoreContract
{
    private static Attempt AttemptOf(string userId, AttemptKind kind, string itemId, DateTimeOffset startedAt,
        DateTimeOffset? submittedAt = null, double? score = null, int? selfRating = null) =>
        new(Ids.New(), userId, kind, itemId, startedAt, submittedAt, score, """{"answer":"a"}""", selfRating);

    private static async Task<(User Ada, User Eve)> TwoUsersAsync(IAppStore store) =>
        ((await store.CreateUserAsync("ada", "h", UserRole.Candidate))!, (await store.CreateUserAsync("eve", "h", UserRole.Candidate))!);

    /// <summary>
    /// Reads every page, passing each cursor through its URL token as a page link would, and checks that every page but
    /// the last is full and the last is not empty (unless the list is).
    /// </summary>
    private static async Task<List<T>> ReadAllPagesAsync<T>(int pageSize, Func<PageCursor?, Task<KeysetPage<T>>> readPage)
    {
        var all = new List<T>();
        PageCursor? cursor = null;
        for (var pages = 1; ; pages++)
        {
            var page = await readPage(cursor);
            Assert.True(page.Items.Count <= pageSize);
            all.AddRange(page.Items);
            if (page.Next is null)
            {
                Assert.True(pages == 1 || page.Items.Count > 0, "A page after a cursor must not be empty.");
                return all;
            }
            Assert.Equal(pageSize, page.Items.Count);
            Assert.True(PageCursor.TryParse(page.Next.ToToken(), out cursor));
            Assert.True(pages < 100, "Paging did not end.");
        }
    }

    [SkippableFact]
    public async Task Reads_of_a_user_without_rows_are_zero_and_empty_even_when_another_user_has_rows()
    {
        await using var store = await OpenFreshAsync();
        var (ada, eve) = await TwoUsersAsync(store);
        await store.AddAttemptAsync(AttemptOf(eve.Id, AttemptKind.OpenQuestion, "q-star", T0, T0, 0.9, 3));
        await store.UpsertScheduleAsync(new ReviewSchedule(eve.Id, "q-star", T0.AddDays(-1), "{}", T0));
        await store.AddLoopAsync(new LoopRun(Ids.New(), eve.Id, "senior-consumer", LoopStatus.Completed, T0, T0, "{}"));

        Assert.Equal(0, await store.CountAttemptsAsync(ada.Id));
        Assert.Equal(0, await store.CountAttemptsAsync(ada.Id, AttemptKind.OpenQuestion));
        Assert.Equal(0, await store.CountDueAsync(ada.Id, DateTimeOffset.MaxValue));
        Assert.Empty(await store.SummarizeAttemptsAsync(ada.Id, AttemptKind.OpenQuestion, 0.5));
        Assert.Empty(await store.ListAttemptPointsAsync(ada.Id, AttemptKind.OpenQuestion));
        var attempts = await store.ListAttemptsPageAsync(ada.Id, new AttemptFilter(10));
        Assert.Empty(attempts.Items);
        Assert.Null(attempts.Next);
        var due = await store.ListDuePageAsync(ada.Id, new DueFilter(DateTimeOffset.MaxValue, 10));
        Assert.Empty(due.Items);
        Assert.Null(due.Next);
        var loops = await store.ListLoopsPageAsync(ada.Id, new LoopFilter(10));
        Assert.Empty(loops.Items);
        Assert.Null(loops.Next);
    }

    [SkippableFact]
    public async Task Attempt_counts_are_per_user_and_per_kind()
    {
        await using var store = await OpenFreshAsync();
        var (ada, eve) = await TwoUsersAsync(store);
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.OpenQuestion, "q-star", T0));
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.OpenQuestion, "q-star", T0.AddHours(1)));
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.Sql, "sql-funnel", T0));
        await store.AddAttemptAsync(AttemptOf(eve.Id, AttemptKind.OpenQuestion, "q-star", T0));
        await store.AddAttemptAsync(AttemptOf(eve.Id, AttemptKind.Case, "kpi-drop-1-tiny", T0));

        Assert.Equal(3, await store.CountAttemptsAsync(ada.Id));
        Assert.Equal(2, await store.CountAttemptsAsync(ada.Id, AttemptKind.OpenQuestion));
        Assert.Equal(1, await store.CountAttemptsAsync(ada.Id, AttemptKind.Sql));
        Assert.Equal(0, await store.CountAttemptsAsync(ada.Id, AttemptKind.Case));
        Assert.Equal(2, await store.CountAttemptsAsync(eve.Id));
    }

    [SkippableFact]
    public async Task Attempt_pages_return_every_row_once_newest_first_when_start_times_tie()
    {
        await using var store = await OpenFreshAsync();
        var (ada, eve) = await TwoUsersAsync(store);
        // Three attempts start at T0 and two at T0+1h, so the id must break ties on both sides of a page boundary.
        DateTimeOffset[] starts = [T0, T0, T0.AddHours(1), T0.AddHours(-1), T0, T0.AddHours(1), T0.AddHours(2)];
        var mine = new List<Attempt>();
        foreach (var start in starts)
        {
            var attempt = AttemptOf(ada.Id, AttemptKind.Sql, "sql-funnel", start);
            mine.Add(attempt);
            await store.AddAttemptAsync(attempt);
            await store.AddAttemptAsync(AttemptOf(eve.Id, AttemptKind.Sql, "sql-funnel", start));
        }
        var expected = mine.OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal).ToList();

        foreach (var size in new[] { 1, 2, 3, 7, 8 })
        {
            var all = await ReadAllPagesAsync(size, before => store.ListAttemptsPageAsync(ada.Id, new AttemptFilter(size) { Before = before }));
            Assert.Equal(expected, all);
        }
    }

    [SkippableFact]
    public async Task Attempt_pages_filter_by_kind_and_by_item()
    {
        await using var store = await OpenFreshAsync();
        var (ada, eve) = await TwoUsersAsync(store);
        var all = new List<Attempt>();
        for (var i = 0; i < 12; i++)
        {
            var kind = i % 3 == 0 ? AttemptKind.Case : AttemptKind.Sql;
            var attempt = AttemptOf(ada.Id, kind, i % 2 == 0 ? "sql-funnel" : "sql-retention-7d", T0.AddMinutes(i / 2));
            all.Add(attempt);
            await store.AddAttemptAsync(attempt);
        }
        await store.AddAttemptAsync(AttemptOf(eve.Id, AttemptKind.Sql, "sql-funnel", T0));
        var newestFirst = all.OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal).ToList();

        var sql = await ReadAllPagesAsync(2, before => store.ListAttemptsPageAsync(ada.Id, new AttemptFilter(2) { Kind = AttemptKind.Sql, Before = before }));
        Assert.Equal(newestFirst.Where(a => a.Kind == AttemptKind.Sql), sql);
        var funnel = await ReadAllPagesAsync(4, before => store.ListAttemptsPageAsync(ada.Id, new AttemptFilter(4) { ItemId = "sql-funnel", Before = before }));
        Assert.Equal(newestFirst.Where(a => a.ItemId == "sql-funnel"), funnel);
        var both = await ReadAllPagesAsync(1, before => store.ListAttemptsPageAsync(ada.Id,
            new AttemptFilter(1) { Kind = AttemptKind.Case, ItemId = "sql-funnel", Before = before }));
        Assert.Equal(newestFirst.Where(a => a.Kind == AttemptKind.Case && a.ItemId == "sql-funnel"), both);
        Assert.NotEmpty(both);
    }

    [SkippableFact]
    public async Task Attempt_summary_has_one_row_per_item_of_the_kind_with_its_counts()
    {
        await using var store = await OpenFreshAsync();
        var (ada, eve) = await TwoUsersAsync(store);
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.Sql, "sql-funnel", T0, T0.AddMinutes(5), 1.0));
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.Sql, "sql-funnel", T0.AddHours(1), T0.AddHours(1.5), 0.5));
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.Sql, "sql-funnel", T0.AddHours(2)));
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.Sql, "sql-cohorts", T0.AddDays(1), T0.AddDays(1).AddMinutes(9), 0.8));
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.Case, "kpi-drop-1-tiny", T0, T0, 1.0));
        await store.AddAttemptAsync(AttemptOf(eve.Id, AttemptKind.Sql, "sql-funnel", T0.AddDays(3), T0.AddDays(3), 1.0));

        var summaries = await store.SummarizeAttemptsAsync(ada.Id, AttemptKind.Sql, passScore: 0.8);

        Assert.Equal(
            [
                new ItemAttemptSummary("sql-cohorts", 1, 1, 1, 1, 0.8, 0.8, T0.AddDays(1), T0.AddDays(1).AddMinutes(9)),
                new ItemAttemptSummary("sql-funnel", 3, 2, 1, 2, 1.5, 1.0, T0, T0.AddHours(2)),
            ],
            summaries);
        Assert.Equal(0.75, summaries[1].MeanScore);
        Assert.Equal(2, (await store.SummarizeAttemptsAsync(ada.Id, AttemptKind.Sql, passScore: 0.5))[1].Passed);
        var eves = Assert.Single(await store.SummarizeAttemptsAsync(eve.Id, AttemptKind.Sql, 1.0));
        Assert.Equal((1, 1), (eves.Attempts, eves.Passed));
    }

    [SkippableFact]
    public async Task Attempt_summary_of_unscored_attempts_has_no_best_or_mean_score()
    {
        await using var store = await OpenFreshAsync();
        var (ada, _) = await TwoUsersAsync(store);
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.Case, "kpi-drop-7-tiny", T0));
        var summary = Assert.Single(await store.SummarizeAttemptsAsync(ada.Id, AttemptKind.Case, 0.8));
        Assert.Equal(new ItemAttemptSummary("kpi-drop-7-tiny", 1, 0, 0, 0, 0, null, T0, T0), summary);
        Assert.Null(summary.MeanScore);
    }

    [SkippableFact]
    public async Task Attempt_points_are_the_users_scored_attempts_of_the_kind_oldest_first()
    {
        await using var store = await OpenFreshAsync();
        var (ada, eve) = await TwoUsersAsync(store);
        var rated = AttemptOf(ada.Id, AttemptKind.OpenQuestion, "q-star", T0.AddHours(1), T0.AddHours(1.25), 0.7, 4);
        var unrated = AttemptOf(ada.Id, AttemptKind.OpenQuestion, "q-metrics", T0, null, 0.4);
        await store.AddAttemptAsync(rated);
        await store.AddAttemptAsync(unrated);
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.OpenQuestion, "q-power", T0.AddHours(2)));
        await store.AddAttemptAsync(AttemptOf(ada.Id, AttemptKind.Sql, "sql-funnel", T0, T0, 1.0));
        await store.AddAttemptAsync(AttemptOf(eve.Id, AttemptKind.OpenQuestion, "q-star", T0, T0, 0.9, 3));

        Assert.Equal(
            [
                new AttemptPoint(unrated.Id, "q-metrics", T0, 0.4, null),
                new AttemptPoint(rated.Id, "q-star", T0.AddHours(1.25), 0.7, 4),
            ],
            await store.ListAttemptPointsAsync(ada.Id, AttemptKind.OpenQuestion));
    }

    [SkippableFact]
    public async Task Self_rating_round_trips_through_add_and_update_and_out_of_range_is_refused()
    {
        await using var store = await OpenFreshAsync();
        var (ada, _) = await TwoUsersAsync(store);
        var attempt = AttemptOf(ada.Id, AttemptKind.OpenQuestion, "q-star", T0, T0, 0.6);
        await store.AddAttemptAsync(attempt);
        Assert.Null((await store.GetAttemptAsync(ada.Id, attempt.Id))!.SelfRating);

        Assert.True(await store.UpdateAttemptAsync(attempt with { SelfRating = 2 }));
        Assert.Equal(2, (await store.GetAttemptAsync(ada.Id, attempt.Id))!.SelfRating);
        var followedUp = (await store.GetAttemptAsync(ada.Id, attempt.Id))! with { PayloadJson = """{"answer":"b"}""" };
        Assert.True(await store.UpdateAttemptAsync(followedUp));
        Assert.Equal(2, Assert.Single((await store.ListAttemptsPageAsync(ada.Id, new AttemptFilter(5))).Items).SelfRating);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.UpdateAttemptAsync(attempt with { SelfRating = 5 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.AddAttemptAsync(attempt with { Id = Ids.New(), SelfRating = 0 }));
        Assert.Equal(1, await store.CountAttemptsAsync(ada.Id));
    }

    [SkippableFact]
    public async Task Due_count_and_pages_cover_the_window_once_soonest_first_when_due_times_tie()
    {
        await using var store = await OpenFreshAsync();
        var (ada, eve) = await TwoUsersAsync(store);
        (string Item, DateTimeOffset Due)[] rows =
        [
            ("q-e", T0.AddDays(-2)), ("q-b", T0.AddDays(-2)), ("q-c", T0), ("q-a", T0), ("q-d", T0.AddDays(-5)),
            ("q-f", T0.AddDays(3)), ("q-h", T0.AddDays(3)), ("q-g", T0.AddDays(40)),
        ];
        foreach (var (item, dueAt) in rows)
        {
            await store.UpsertScheduleAsync(new ReviewSchedule(ada.Id, item, dueAt, "{}", T0));
            await store.UpsertScheduleAsync(new ReviewSchedule(eve.Id, item, dueAt.AddDays(-100), "{}", T0));
        }

        Assert.Equal(5, await store.CountDueAsync(ada.Id, T0));
        Assert.Equal(8, await store.CountDueAsync(ada.Id, DateTimeOffset.MaxValue));
        var due = await ReadAllPagesAsync(2, after => store.ListDuePageAsync(ada.Id, new DueFilter(T0, 2) { After = after }));
        Assert.Equal(["q-d", "q-b", "q-e", "q-a", "q-c"], due.Select(s => s.ItemId));
        Assert.All(due, s => Assert.Equal(ada.Id, s.UserId));
        var upcoming = await ReadAllPagesAsync(1, after => store.ListDuePageAsync(ada.Id, new DueFilter(T0.AddDays(30), 1) { DueAfter = T0, After = after }));
        Assert.Equal(["q-f", "q-h"], upcoming.Select(s => s.ItemId));
    }

    [SkippableFact]
    public async Task Loop_pages_filter_by_status_and_return_every_loop_once_when_start_times_tie()
    {
        await using var store = await OpenFreshAsync();
        var (ada, eve) = await TwoUsersAsync(store);
        var mine = new List<LoopRun>();
        for (var i = 0; i < 7; i++)
        {
            var loop = new LoopRun(Ids.New(), ada.Id, "senior-consumer", i % 2 == 0 ? LoopStatus.Completed : LoopStatus.Abandoned,
                T0.AddDays(i / 3), T0, "{}");
            mine.Add(loop);
            await store.AddLoopAsync(loop);
        }
        await store.AddLoopAsync(new LoopRun(Ids.New(), eve.Id, "senior-consumer", LoopStatus.Completed, T0, T0, "{}"));
        var newestFirst = mine.OrderByDescending(l => l.StartedAt).ThenByDescending(l => l.Id, StringComparer.Ordinal).ToList();

        Assert.Equal(newestFirst, await ReadAllPagesAsync(2, before => store.ListLoopsPageAsync(ada.Id, new LoopFilter(2) { Before = before })));
        var completed = await ReadAllPagesAsync(3, before => store.ListLoopsPageAsync(ada.Id,
            new LoopFilter(3) { Status = LoopStatus.Completed, Before = before }));
        Assert.Equal(newestFirst.Where(l => l.Status == LoopStatus.Completed), completed);
        Assert.Equal(4, completed.Count);
    }

    [SkippableFact]
    public async Task Upgrading_from_version_1_backfills_self_ratings_written_as_numbers_or_names()
    {
        await using (await OpenFreshAtVersionAsync(1))
        {
            static string Rated(string overall) =>
                $$$"""{"answer":"x","seconds":60,"words":1,"rating":{"steps":{"frame":"solid"},"overall":{{{overall}}},"ratedAt":"2026-03-02T09:30:00+00:00"}}""";
            (string Id, string Kind, string Payload)[] rows =
            [
                ("a-number", "OpenQuestion", Rated("3")),
                ("a-name", "OpenQuestion", Rated("\"Easy\"")),
                ("a-lower-name", "OpenQuestion", Rated("\"hard\"")),
                ("a-whole-real", "OpenQuestion", Rated("2.0")),
                ("a-unrated", "OpenQuestion", """{"answer":"x","seconds":60,"words":1}"""),
                ("a-out-of-range", "OpenQuestion", Rated("7")),
                ("a-fraction", "OpenQuestion", Rated("2.5")),
                ("a-unknown-name", "OpenQuestion", Rated("\"Brilliant\"")),
                ("a-malformed", "OpenQuestion", """{"answer":"x","rating":{"overall":3"""),
                ("a-sql", "Sql", """{"sql":"select 1","rating":{"overall":3}}"""),
            ];
            var values = string.Join(",\n", rows.Select((r, i) =>
                $"('{r.Id}', 'u-ada', '{r.Kind}', 'q-{i}', {1000 + i}, {2000 + i}, 0.5, '{r.Payload}')"));
            await ExecuteRawAsync($"""
                INSERT INTO users (id, user_name, user_name_key, password_hash, role, created_at) VALUES ('u-ada', 'ada', 'ADA', 'h', 'Candidate', 0);
                INSERT INTO attempts (id, user_id, kind, item_id, started_at, submitted_at, score, payload) VALUES {values};
                """);
        }

        await using var store = await ReopenAsync();
        Assert.Equal(Migrations.Latest, await store.GetSchemaVersionAsync());
        var ratings = new Dictionary<string, int?>();
        foreach (var id in new[] { "a-number", "a-name", "a-lower-name", "a-whole-real", "a-unrated", "a-out-of-range", "a-fraction", "a-unknown-name", "a-malformed", "a-sql" })
        {
            ratings[id] = (await store.GetAttemptAsync("u-ada", id))!.SelfRating;
        }
        Assert.Equal(new Dictionary<string, int?>
        {
            ["a-number"] = 3,
            ["a-name"] = 4,
            ["a-lower-name"] = 2,
            ["a-whole-real"] = 2,
            ["a-unrated"] = null,
            ["a-out-of-range"] = null,
            ["a-fraction"] = null,
            ["a-unknown-name"] = null,
            ["a-malformed"] = null,
            ["a-sql"] = null,
        }, ratings);
        var points = await store.ListAttemptPointsAsync("u-ada", AttemptKind.OpenQuestion);
        Assert.Equal([3, 4, 2, 2, null, null, null, null, null], points.Select(p => p.SelfRating));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(2000), points[0].At);
    }
}

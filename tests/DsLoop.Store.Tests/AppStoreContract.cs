using DsLoop.Core;
using Xunit;

namespace DsLoop.Store.Tests;

/// <summary>The behaviour every app store must have, run against each real engine.</summary>
public abstract partial class AppStoreContract
{
    /// <summary>Opens a fresh, empty, migrated store.</summary>
    protected abstract Task<IAppStore> OpenFreshAsync();

    /// <summary>Opens a fresh, empty store migrated only up to <paramref name="version"/>, as an older DsLoop left it.</summary>
    protected abstract Task<IAppStore> OpenFreshAtVersionAsync(int version);

    /// <summary>Runs SQL on the store last opened, bypassing the store (to write rows as an older DsLoop did).</summary>
    protected abstract Task ExecuteRawAsync(string sql);

    /// <summary>Opens the same store again, as a restarted app would.</summary>
    protected abstract Task<IAppStore> ReopenAsync();

    private static Attempt NewAttempt(string userId, string itemId, DateTimeOffset startedAt, double? score = null) =>
        new(Ids.New(), userId, AttemptKind.Sql, itemId, startedAt, null, score, """{"sql":"select 1"}""");

    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Fresh_store_is_at_the_latest_schema_version()
    {
        await using var store = await OpenFreshAsync();
        Assert.Equal(Migrations.Latest, await store.GetSchemaVersionAsync());
    }

    [SkippableFact]
    public async Task First_user_becomes_admin_and_later_users_keep_their_role()
    {
        await using var store = await OpenFreshAsync();
        var first = await store.CreateUserAsync("ada", "hash-a", UserRole.Candidate);
        var second = await store.CreateUserAsync("grace", "hash-g", UserRole.Candidate);
        var third = await store.CreateUserAsync("alan", "hash-t", UserRole.Interviewer);
        Assert.Equal(UserRole.Admin, first!.Role);
        Assert.Equal(UserRole.Candidate, second!.Role);
        Assert.Equal(UserRole.Interviewer, third!.Role);
        Assert.Equal(3, await store.CountUsersAsync());
    }

    [SkippableFact]
    public async Task Local_user_does_not_take_the_admin_seat()
    {
        await using var store = await OpenFreshAsync();
        var local = await store.EnsureLocalUserAsync();
        var again = await store.EnsureLocalUserAsync();
        var person = await store.CreateUserAsync("ada", "hash", UserRole.Candidate);
        Assert.Equal(local.Id, again.Id);
        Assert.Equal(UserRole.Candidate, local.Role);
        Assert.Equal(UserRole.Admin, person!.Role);
    }

    [SkippableFact]
    public async Task User_names_are_unique_regardless_of_case()
    {
        await using var store = await OpenFreshAsync();
        Assert.NotNull(await store.CreateUserAsync("Ada", "h", UserRole.Candidate));
        Assert.Null(await store.CreateUserAsync("ADA", "h2", UserRole.Candidate));
        var found = await store.FindUserByNameAsync("ada");
        Assert.Equal("Ada", found!.UserName);
        Assert.Equal("h", found.PasswordHash);
    }

    [SkippableFact]
    public async Task New_users_get_a_session_stamp_that_renewing_replaces()
    {
        await using var store = await OpenFreshAsync();
        var user = (await store.CreateUserAsync("ada", "h", UserRole.Candidate))!;
        var first = (await store.FindUserAsync(user.Id))!.SessionStamp;
        Assert.Equal(user.SessionStamp, first);
        Assert.True(first.Length >= 32);
        var renewed = await store.RenewSessionStampAsync(user.Id);
        Assert.NotNull(renewed);
        Assert.NotEqual(first, renewed);
        Assert.Equal(renewed, (await store.FindUserByNameAsync("ada"))!.SessionStamp);
        Assert.Null(await store.RenewSessionStampAsync("no-such-user"));
    }

    [SkippableFact]
    public async Task Upgrading_from_version_2_leaves_existing_users_without_a_session_stamp()
    {
        await using (await OpenFreshAtVersionAsync(2))
        {
            await ExecuteRawAsync("INSERT INTO users (id, user_name, user_name_key, password_hash, role, created_at) VALUES ('u-ada', 'ada', 'ADA', 'h', 'Candidate', 0);");
        }
        await using var store = await ReopenAsync();
        Assert.Equal(Migrations.Latest, await store.GetSchemaVersionAsync());
        Assert.Equal("", (await store.FindUserAsync("u-ada"))!.SessionStamp);
    }

    [SkippableFact]
    public async Task Attempts_round_trip_and_list_newest_first()
    {
        await using var store = await OpenFreshAsync();
        var user = (await store.CreateUserAsync("ada", "h", UserRole.Candidate))!;
        var older = NewAttempt(user.Id, "sql-retention-7d", T0);
        var newer = NewAttempt(user.Id, "sql-funnel", T0.AddHours(1)) with { Score = 0.75, SubmittedAt = T0.AddHours(1.5) };
        await store.AddAttemptAsync(older);
        await store.AddAttemptAsync(newer);

        Assert.Equal(newer, await store.GetAttemptAsync(user.Id, newer.Id));
        var all = await store.ListAttemptsAsync(user.Id);
        Assert.Equal([newer.Id, older.Id], all.Select(a => a.Id));
        var one = await store.ListAttemptsAsync(user.Id, "sql-retention-7d");
        Assert.Equal(older, Assert.Single(one));
    }

    [SkippableFact]
    public async Task One_user_cannot_read_or_change_another_users_attempts_or_loops()
    {
        await using var store = await OpenFreshAsync();
        var ada = (await store.CreateUserAsync("ada", "h", UserRole.Candidate))!;
        var eve = (await store.CreateUserAsync("eve", "h", UserRole.Candidate))!;
        var attempt = NewAttempt(ada.Id, "sql-funnel", T0);
        var loop = new LoopRun(Ids.New(), ada.Id, "senior-consumer", LoopStatus.InProgress, T0, T0, "{}");
        await store.AddAttemptAsync(attempt);
        await store.AddLoopAsync(loop);

        Assert.Null(await store.GetAttemptAsync(eve.Id, attempt.Id));
        Assert.Empty(await store.ListAttemptsAsync(eve.Id));
        Assert.False(await store.UpdateAttemptAsync(attempt with { UserId = eve.Id, Score = 1 }));
        Assert.Null(await store.GetLoopAsync(eve.Id, loop.Id));
        Assert.Empty(await store.ListLoopsAsync(eve.Id));
        Assert.False(await store.UpdateLoopAsync(loop with { UserId = eve.Id, Status = LoopStatus.Abandoned }));

        Assert.Null((await store.GetAttemptAsync(ada.Id, attempt.Id))!.Score);
        Assert.Equal(LoopStatus.InProgress, (await store.GetLoopAsync(ada.Id, loop.Id))!.Status);
    }

    [SkippableFact]
    public async Task Updating_an_attempt_records_submission_and_score()
    {
        await using var store = await OpenFreshAsync();
        var user = (await store.CreateUserAsync("ada", "h", UserRole.Candidate))!;
        var attempt = NewAttempt(user.Id, "sql-funnel", T0);
        await store.AddAttemptAsync(attempt);
        var graded = attempt with { SubmittedAt = T0.AddMinutes(12), Score = 1.0, PayloadJson = """{"verdict":"correct"}""" };
        Assert.True(await store.UpdateAttemptAsync(graded));
        Assert.Equal(graded, await store.GetAttemptAsync(user.Id, attempt.Id));
    }

    [SkippableFact]
    public async Task Schedules_upsert_and_due_queue_is_ordered_and_per_user()
    {
        await using var store = await OpenFreshAsync();
        var ada = (await store.CreateUserAsync("ada", "h", UserRole.Candidate))!;
        var eve = (await store.CreateUserAsync("eve", "h", UserRole.Candidate))!;
        await store.UpsertScheduleAsync(new ReviewSchedule(ada.Id, "q-star", T0.AddDays(2), """{"reps":1}""", T0));
        await store.UpsertScheduleAsync(new ReviewSchedule(ada.Id, "q-metrics", T0.AddDays(-1), """{"reps":3}""", T0));
        await store.UpsertScheduleAsync(new ReviewSchedule(ada.Id, "q-power", T0, """{"reps":2}""", T0));
        await store.UpsertScheduleAsync(new ReviewSchedule(eve.Id, "q-star", T0.AddDays(-5), """{"reps":9}""", T0));

        var due = await store.ListDueAsync(ada.Id, T0);
        Assert.Equal(["q-metrics", "q-power"], due.Select(d => d.ItemId));

        var moved = new ReviewSchedule(ada.Id, "q-metrics", T0.AddDays(6), """{"reps":4}""", T0.AddMinutes(1));
        await store.UpsertScheduleAsync(moved);
        Assert.Equal(moved, await store.GetScheduleAsync(ada.Id, "q-metrics"));
        Assert.Equal(["q-power"], (await store.ListDueAsync(ada.Id, T0)).Select(d => d.ItemId));
    }

    [SkippableFact]
    public async Task Loops_round_trip_update_and_list_newest_first()
    {
        await using var store = await OpenFreshAsync();
        var user = (await store.CreateUserAsync("ada", "h", UserRole.Candidate))!;
        var first = new LoopRun(Ids.New(), user.Id, "ds-b2b-saas", LoopStatus.Completed, T0, T0.AddHours(3), """{"score":2.9}""");
        var second = new LoopRun(Ids.New(), user.Id, "senior-consumer", LoopStatus.InProgress, T0.AddDays(1), T0.AddDays(1), "{}");
        await store.AddLoopAsync(first);
        await store.AddLoopAsync(second);
        var paused = second with { Status = LoopStatus.Paused, UpdatedAt = T0.AddDays(1).AddMinutes(20), StateJson = """{"round":2}""" };
        Assert.True(await store.UpdateLoopAsync(paused));
        Assert.Equal(paused, await store.GetLoopAsync(user.Id, second.Id));
        Assert.Equal([second.Id, first.Id], (await store.ListLoopsAsync(user.Id)).Select(l => l.Id));
    }

    [SkippableFact]
    public async Task Data_survives_reopening_the_store()
    {
        string userId;
        Attempt attempt;
        await using (var store = await OpenFreshAsync())
        {
            userId = (await store.CreateUserAsync("ada", "h", UserRole.Candidate))!.Id;
            attempt = NewAttempt(userId, "sql-funnel", T0, 0.5);
            await store.AddAttemptAsync(attempt);
        }
        await using var reopened = await ReopenAsync();
        Assert.Equal(Migrations.Latest, await reopened.GetSchemaVersionAsync());
        Assert.Equal("ada", (await reopened.FindUserAsync(userId))!.UserName);
        Assert.Equal(attempt, await reopened.GetAttemptAsync(userId, attempt.Id));
    }

    [SkippableFact]
    public async Task Concurrent_sign_ups_make_exactly_one_admin()
    {
        await using var store = await OpenFreshAsync();
        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.CreateUserAsync($"user{i}", "h", UserRole.Candidate))));
        Assert.Single(users, u => u!.Role == UserRole.Admin);
        Assert.Equal(8, await store.CountUsersAsync());
    }

    [SkippableFact]
    public async Task Deleting_nothing_half_written_when_a_duplicate_attempt_id_is_rejected()
    {
        await using var store = await OpenFreshAsync();
        var user = (await store.CreateUserAsync("ada", "h", UserRole.Candidate))!;
        var attempt = NewAttempt(user.Id, "sql-funnel", T0);
        await store.AddAttemptAsync(attempt);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.AddAttemptAsync(attempt with { ItemId = "other" }));
        Assert.Equal("sql-funnel", Assert.Single(await store.ListAttemptsAsync(user.Id)).ItemId);
    }
}

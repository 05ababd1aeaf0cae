using DsLoop.App.Attempts;
using DsLoop.App.Drills;
using DsLoop.App.Practice;
using DsLoop.App.Review;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Drills;
using DsLoop.Store;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DsLoop.App.Tests.Drills;

/// <summary>Drills as stored attempts on a real SQLite store: grading once, nothing stored for unreadable text, review per family.</summary>
public sealed class DrillPracticeTests : IAsyncLifetime
{
    private static readonly ContentBank Bank = ContentLoader.Load(DsLoop.Testing.RepoPaths.Content).Bank!;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-drills-").FullName;
    private readonly Clock _clock = new();
    private IAppStore _store = null!;
    private DrillPractice _drills = null!;

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = T0;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public async Task InitializeAsync()
    {
        _store = await AppStoreFactory.OpenAsync(new StoreSettings(_folder));
        _drills = new DrillPractice(_store, new ReviewScheduling(_store, _clock), _clock);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string> UserAsync(string name) => (await _store.CreateUserAsync(name, "hash", UserRole.Candidate))!.Id;

    /// <summary>A stored, unanswered drill with a chosen seed, as <see cref="DrillPractice.StartAsync"/> would store a random one.</summary>
    private async Task<DrillAttempt> DrillAsync(string userId, string family, int seed)
    {
        var attempt = AttemptPayloads.New(userId, family, new DrillAnswer(family, seed), _clock.Now, null, null);
        await _store.AddAttemptAsync(attempt);
        return (await _drills.FindAsync(userId, attempt.Id, default))!;
    }

    [Fact]
    public async Task Starting_a_drill_stores_its_family_and_a_server_drawn_seed_unanswered()
    {
        var user = await UserAsync("starter");
        var first = await _drills.StartAsync(user, "bayes", default);
        var second = await _drills.StartAsync(user, "bayes", default);
        var stored = await _store.GetAttemptAsync(user, first.Value!.Id);
        Assert.Equal(AttemptKind.Statistics, stored!.Kind);
        Assert.Equal("bayes", stored.ItemId);
        Assert.Null(stored.SubmittedAt);
        Assert.Null(stored.Score);
        var payload = stored.Read<DrillAnswer>()!;
        Assert.False(payload.Answered);
        Assert.NotEqual(payload.Seed, second.Value!.Payload.Seed);
        Assert.Null(first.Value.Reveal);
        Assert.DoesNotContain(first.Value.Sheet.Paragraphs, p => p.StartsWith("Answer with", StringComparison.Ordinal));

        var unknown = await _drills.StartAsync(user, "no-such-family", default);
        Assert.False(unknown.Ok);
        Assert.Contains("sample-size", unknown.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_answer_shows_the_exact_answer_and_the_named_mistake()
    {
        var user = await UserAsync("wrong");
        var drill = await DrillAsync(user, "bayes", 12);
        var generated = DrillCatalog.Generate("bayes", 12);
        var mistake = generated.Mistakes[0];
        _clock.Now = T0.AddSeconds(75);

        var answered = await _drills.AnswerAsync(drill, generated.Format.Write(mistake.Value), default);

        var reveal = answered.Value!.Reveal!;
        Assert.False(reveal.Correct);
        Assert.Equal(generated.AnswerText, reveal.ExactAnswer);
        Assert.Equal(mistake.Name, reveal.MistakeName);
        Assert.Equal(75, reveal.Seconds);
        Assert.NotEmpty(reveal.Solution);
        var stored = (await _store.GetAttemptAsync(user, drill.Id))!;
        Assert.Equal(0, stored.Score);
        Assert.Equal(T0.AddSeconds(75), stored.SubmittedAt);
        Assert.Equal(mistake.Name, stored.Read<DrillAnswer>()!.Mistake);
        Assert.False(stored.Read<DrillAnswer>()!.Correct);
    }

    [Fact]
    public async Task Unreadable_answer_is_refused_naming_the_format_and_stores_nothing()
    {
        var user = await UserAsync("garbage");
        var drill = await DrillAsync(user, "bayes", 3);

        var refused = await _drills.AnswerAsync(drill, "about a third", default);

        Assert.False(refused.Ok);
        Assert.False(refused.Conflict);
        Assert.Contains("Expected: a probability", refused.Problem, StringComparison.Ordinal);
        var stored = (await _store.GetAttemptAsync(user, drill.Id))!;
        Assert.Null(stored.SubmittedAt);
        Assert.False(stored.Read<DrillAnswer>()!.Answered);
        Assert.Null(await _store.GetScheduleAsync(user, DrillReview.ItemId("bayes")));
    }

    [Fact]
    public async Task A_drill_is_graded_once_and_is_found_only_by_its_owner()
    {
        var user = await UserAsync("owner");
        var other = await UserAsync("other");
        var drill = await DrillAsync(user, "binomial", 5);
        Assert.Null(await _drills.FindAsync(other, drill.Id, default));

        var first = await _drills.AnswerAsync(drill, DrillCatalog.Generate("binomial", 5).AnswerText, default);
        Assert.True(first.Value!.Reveal!.Correct);
        var again = await _drills.AnswerAsync(first.Value, "0.5", default);
        Assert.True(again.Conflict);
        Assert.Equal(1, (await _store.GetAttemptAsync(user, drill.Id))!.Score);
    }

    [Fact]
    public async Task A_wrong_family_comes_back_sooner_than_a_right_one_and_a_due_family_links_to_a_fresh_drill()
    {
        var right = await UserAsync("right");
        var wrong = await UserAsync("wrong-review");
        var drill = DrillCatalog.Generate("poisson", 9);
        await _drills.AnswerAsync(await DrillAsync(right, "poisson", 9), drill.AnswerText, default);
        await _drills.AnswerAsync(await DrillAsync(wrong, "poisson", 9), "0", default);

        var rightDue = (await _store.GetScheduleAsync(right, "drill:poisson"))!.DueAt;
        var wrongDue = (await _store.GetScheduleAsync(wrong, "drill:poisson"))!.DueAt;
        Assert.True(wrongDue < rightDue, $"wrong due {wrongDue:u}, right due {rightDue:u}");

        _clock.Now = wrongDue.AddMinutes(1);
        var queue = new ReviewQueue(Bank, _store, _clock);
        var entry = Assert.Single((await queue.DueAsync(wrong, 10, null, default)).Items);
        Assert.Equal("/stats/poisson", entry.Href);
        Assert.Equal($"Drill: {DrillCatalog.Find("poisson")!.Title}", entry.Title);
        Assert.Empty((await queue.DueAsync(right, 10, null, default)).Items);
    }

    [Fact]
    public async Task Families_are_grouped_by_area_with_answered_right_and_last_per_family()
    {
        var user = await UserAsync("record");
        await DrillAsync(user, "srm", 1);
        var answered = await DrillAsync(user, "srm", 2);
        _clock.Now = T0.AddMinutes(3);
        await _drills.AnswerAsync(answered, DrillCatalog.Generate("srm", 2).AnswerText, default);

        var groups = await _drills.FamiliesAsync(user, default);

        Assert.Equal(["Experiment design", "Readouts", "Probability"], groups.Select(g => g.Title));
        Assert.Equal(DrillCatalog.Families.Count, groups.Sum(g => g.Families.Count));
        var srm = groups.Single(g => g.Area == DrillArea.Readout).Families.Single(f => f.Id == "srm");
        Assert.Equal((1, 1, T0.AddMinutes(3)), (srm.Answered, srm.Right, srm.Last!.Value));
        var untouched = groups.SelectMany(g => g.Families).Single(f => f.Id == "bayes");
        Assert.Equal((0, 0, (DateTimeOffset?)null), (untouched.Answered, untouched.Right, untouched.Last));
        var history = await _drills.HistoryAsync(user, DrillCatalog.Find("srm")!, 10, null, default);
        Assert.Equal(2, history.Items.Count);
    }
}

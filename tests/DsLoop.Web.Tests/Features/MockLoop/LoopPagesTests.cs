using System.Net;
using DsLoop.App.MockLoop;
using DsLoop.Core;
using Xunit;

namespace DsLoop.Web.Tests.Features.MockLoop;

public sealed class LoopPagesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Starts a senior consumer loop with seed 42, fills the prep and returns the loop's path.</summary>
    internal static async Task<string> StartPlannedLoopAsync(HttpClient client, bool pressure = false)
    {
        var start = await TestApp.SubmitFormAsync(client, "/loop",
            Fields(("templateId", "senior-consumer"), ("seed", "42"), ("pressure", pressure ? "true" : "false")), "/loop?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var path = start.Headers.Location!.OriginalString;
        var prep = await TestApp.SubmitFormAsync(client, path,
            Fields(("roleFit", "I run ranking experiments."), ("workAuthorization", "No sponsorship needed."), ("location", "Remote, US"), ("compensation", "180 to 210 base")),
            $"{path}?handler=Prep");
        Assert.Equal(HttpStatusCode.Redirect, prep.StatusCode);
        return path;
    }

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, params (string Key, string Value)[] fields) =>
        TestApp.SubmitFormAsync(client, path, Fields(fields), $"{path}?handler={handler}");

    /// <summary>
    /// Plays every round of a planned loop: the first open question answered with <paramref name="answer"/> (a statistics
    /// drill first in its round is answered right, then the next exercise with <paramref name="answer"/>), then ended and rated.
    /// </summary>
    internal static async Task FinishLoopAsync(TestApp app, HttpClient client, string path, string answer, int fromRound = 1)
    {
        var rounds = (await StateAsync(app, path)).Rounds.Count;
        Assert.True(rounds > 0, "the loop has no rounds to play");
        for (var round = fromRound; round <= rounds; round++)
        {
            await PostAsync(client, path, "Start");
            var state = await StateAsync(app, path);
            var items = state.Rounds[round - 1].Items;
            var item = 0;
            if (items.Count > 0 && items[0].IsDrill)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, path, "Answer&item=0", ("Answer", LoopDrills.DrillOf(items[0])!.AnswerText))).StatusCode);
                item = items.FindIndex(i => !i.IsGraded);
            }
            if (item >= 0 && item < items.Count && !items[item].IsSql)
            {
                await PostAsync(client, path, $"Answer&item={item}", ("Answer", answer));
            }
            await PostAsync(client, path, "End");
            if ((await StateAsync(app, path)).AwaitingRating is not null)
            {
                await PostAsync(client, $"{path}/rounds/{round}", "Rate", ($"rating-{item}", "3"));
            }
        }
        Assert.NotNull((await StateAsync(app, path)).Scorecard);
    }

    internal static async Task<LoopState> StateAsync(TestApp app, string path)
    {
        var user = await app.Store.EnsureLocalUserAsync();
        var run = await app.Store.GetLoopAsync(user.Id, path.Split('/')[2]);
        return LoopState.FromJson(run!.StateJson);
    }

    [Fact]
    public async Task A_loop_starts_with_the_recruiter_prep_then_plans_times_and_reveals_answers_only_after_the_round()
    {
        var clock = new TestApp.ManualClock(T0);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var start = await TestApp.SubmitFormAsync(client, "/loop", Fields(("templateId", "senior-consumer"), ("seed", "42")), "/loop?handler=Start");
        var path = start.Headers.Location!.OriginalString;
        var prepPage = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("prepare the recruiter screen", prepPage, StringComparison.Ordinal);
        Assert.Contains("/planners/compensation", prepPage, StringComparison.Ordinal);
        Assert.Empty((await StateAsync(app, path)).Rounds);

        await PostAsync(client, path, "Prep", ("roleFit", "I run ranking experiments."), ("compensation", "180 to 210 base"));
        var state = await StateAsync(app, path);
        Assert.Equal(42, state.Seed);
        Assert.Equal("I run ranking experiments.", state.Prep!.RoleFit);
        Assert.Equal(7, state.Rounds.Count);
        Assert.Equal(3, state.Rounds[0].Items.Count);

        await PostAsync(client, path, "Start");
        state = await StateAsync(app, path);
        Assert.Equal(T0.AddMinutes(30), state.Rounds[0].Deadline);
        var running = await client.GetStringAsync(path);
        Assert.Contains("data-remaining=\"1800\"", running, StringComparison.Ordinal);

        var hidden = await client.GetAsync($"{path}/rounds/1");
        Assert.Equal(HttpStatusCode.Conflict, hidden.StatusCode);
        var first = app.Services<DsLoop.Content.ContentBank>().ItemsById[state.Rounds[0].Items[0].Id];
        Assert.DoesNotContain(WebUtility.HtmlEncode(first.ModelAnswer[..40]), await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await PostAsync(client, path, "Answer&item=0", ("Answer", "My first answer, with a baseline."), ("auto", "false"));
        Assert.Equal($"{path}", saved.Headers.Location!.OriginalString);
        Assert.DoesNotContain("My first answer", await client.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"{path}/rounds/1")).StatusCode);
        var outOfOrder = await PostAsync(client, path, "Answer&item=2", ("Answer", "Jumping ahead."));
        Assert.Equal(HttpStatusCode.Conflict, outOfOrder.StatusCode);
        var empty = await PostAsync(client, path, "Answer&item=1", ("Answer", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        await PostAsync(client, path, "Answer&item=1", ("Answer", "My second answer."));
        var last = await PostAsync(client, path, "Answer&item=2", ("Answer", "My third answer."));
        Assert.Equal($"{path}/rounds/1", last.Headers.Location!.OriginalString);
        var review = WebUtility.HtmlDecode(await client.GetStringAsync($"{path}/rounds/1"));
        Assert.Contains("My first answer, with a baseline.", review, StringComparison.Ordinal);
        Assert.Contains(first.ModelAnswer[..40], review, StringComparison.Ordinal);

        var unrated = await PostAsync(client, $"{path}/rounds/1", "Rate", ("rating-0", "3"));
        Assert.Equal(HttpStatusCode.BadRequest, unrated.StatusCode);
        var rated = await PostAsync(client, $"{path}/rounds/1", "Rate", ("rating-0", "3"), ("rating-1", "2"), ("rating-2", "4"));
        Assert.Equal(path, rated.Headers.Location!.OriginalString);
        state = await StateAsync(app, path);
        Assert.True(state.Rounds[0].Rated);
        Assert.Equal([3, 2, 4], state.Rounds[0].Items.Select(i => i.SelfRating!.Value));
        Assert.Equal(RoundEnd.Completed, state.Rounds[0].EndReason);
    }

    [Fact]
    public async Task An_answer_after_the_deadline_is_refused_and_the_server_closes_the_round()
    {
        var clock = new TestApp.ManualClock(T0);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var path = await StartPlannedLoopAsync(client);
        await PostAsync(client, path, "Start");
        var page = await client.GetStringAsync(path);
        clock.Now = T0.AddMinutes(30) + LoopEngine.Grace + TimeSpan.FromSeconds(1);

        // The token comes from /loop, which leaves the loop alone: reading the loop's own page now would already close the round.
        var late = await TestApp.SubmitFormAsync(client, "/loop", Fields(("Answer", "Too late.")), $"{path}?handler=Answer&item=0");
        Assert.Equal($"{path}/rounds/1?late=true", late.Headers.Location!.OriginalString);
        var state = await StateAsync(app, path);
        Assert.Null(state.Rounds[0].Items[0].Answer);
        Assert.Equal(RoundEnd.TimeUp, state.Rounds[0].EndReason);
        Assert.Equal(T0.AddMinutes(30), state.Rounds[0].EndedAt);
        Assert.Contains("was not recorded", await client.GetStringAsync($"{path}/rounds/1?late=true"), StringComparison.Ordinal);
        Assert.Contains("data-remaining=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_own_submit_at_zero_is_recorded_and_ends_the_round()
    {
        var clock = new TestApp.ManualClock(T0);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var path = await StartPlannedLoopAsync(client);
        await PostAsync(client, path, "Start");
        clock.Now = T0.AddMinutes(30).AddSeconds(3);

        var auto = await PostAsync(client, path, "Answer&item=0", ("Answer", "Half an answer"), ("auto", "true"));
        Assert.Equal($"{path}/rounds/1", auto.Headers.Location!.OriginalString);
        var state = await StateAsync(app, path);
        Assert.Equal("Half an answer", state.Rounds[0].Items[0].Answer);
        Assert.True(state.Rounds[0].Items[0].AutoSubmitted);
        Assert.Equal(RoundEnd.TimeUp, state.Rounds[0].EndReason);
        Assert.Null(state.Rounds[0].Items[1].Answer);
    }

    [Fact]
    public async Task Pause_stops_the_clock_and_a_new_browser_resumes_with_the_right_time_left()
    {
        var clock = new TestApp.ManualClock(T0);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var path = await StartPlannedLoopAsync(client);
        await PostAsync(client, path, "Start");
        clock.Now = T0.AddMinutes(10);
        await PostAsync(client, path, "Pause");
        clock.Now = T0.AddHours(3);

        // A browser restart: a fresh client with no cookies or storage, hours later.
        using var restarted = app.NewClient();
        var paused = await restarted.GetStringAsync(path);
        Assert.Contains("paused", paused, StringComparison.Ordinal);
        Assert.Contains("data-remaining=\"1200\"", paused, StringComparison.Ordinal);
        var whilePaused = await PostAsync(restarted, path, "Resume");
        Assert.Equal(HttpStatusCode.Redirect, whilePaused.StatusCode);
        var state = await StateAsync(app, path);
        Assert.Null(state.PausedAt);
        Assert.Equal(T0.AddHours(3).AddMinutes(20), state.Rounds[0].Deadline);
        Assert.Contains("data-remaining=\"1200\"", await restarted.GetStringAsync(path), StringComparison.Ordinal);

        await PostAsync(restarted, path, "Pause");
        var refused = await TestApp.SubmitFormAsync(restarted, "/loop", Fields(("Answer", "Sneaky.")), $"{path}?handler=Answer&item=0");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Null((await StateAsync(app, path)).Rounds[0].Items[0].Answer);
    }

    [Fact]
    public async Task Another_user_cannot_open_or_change_my_loop()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var ada = app.NewClient();
        await TestApp.SignUpAsync(ada, "ada");
        var path = await StartPlannedLoopAsync(ada);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync(path)).StatusCode);

        using var bob = app.NewClient();
        await TestApp.SignUpAsync(bob, "bob");
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"{path}/rounds/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"{path}/scorecard")).StatusCode);
        var start = await TestApp.SubmitFormAsync(bob, "/loop", Fields(), $"{path}?handler=Start");
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.DoesNotContain(path, await bob.GetStringAsync("/loop"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loop_posts_without_the_anti_forgery_token_are_refused()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        await client.GetStringAsync("/loop");
        var response = await client.PostAsync("/loop?handler=Start", new FormUrlEncodedContent(Fields(("templateId", "senior-consumer"))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var user = await app.Store.EnsureLocalUserAsync();
        Assert.Empty(await app.Store.ListLoopsAsync(user.Id));
    }

    [Fact]
    public async Task A_finished_loop_has_a_scorecard_with_linked_evidence_markdown_print_page_red_flags_and_dashboard()
    {
        var clock = new TestApp.ManualClock(T0);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var path = await StartPlannedLoopAsync(client);
        await FinishLoopAsync(app, client, path, "I would start with a baseline and name a guardrail. We stopped the test as soon as it was significant.");
        var finished = await StateAsync(app, path);
        Assert.NotNull(finished.Scorecard);
        Assert.Equal(T0, finished.CompletedAt);
        Assert.Equal($"{path}/scorecard", (await client.GetAsync(path)).Headers.Location!.OriginalString);

        var card = WebUtility.HtmlDecode(await client.GetStringAsync($"{path}/scorecard"));
        Assert.Contains("Recommendation:", card, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}/rounds/1#item-{finished.Rounds[0].Items[0].Id}\"", card, StringComparison.Ordinal);
        Assert.Contains("judged", card, StringComparison.Ordinal);
        Assert.Contains("“We stopped the test as soon as it was significant.”", card, StringComparison.Ordinal);
        Assert.Contains("(not answered)", card, StringComparison.Ordinal);

        var markdown = await client.GetAsync($"{path}/scorecard?handler=Markdown");
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType!.MediaType);
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith("# Senior Data Scientist loop, consumer app: scorecard", text, StringComparison.Ordinal);
        Assert.Contains("stopped-when-significant", text, StringComparison.Ordinal);

        var print = await client.GetStringAsync($"{path}/scorecard/print");
        Assert.Contains("print-page", print, StringComparison.Ordinal);
        Assert.DoesNotContain("site-header", print, StringComparison.Ordinal);

        await PostAsync(client, $"{path}/scorecard", "RedFlags", ("flags", "red-flag-vague-level-and-band"), ("notes", "Ask for the band in writing."));
        var saved = await StateAsync(app, path);
        Assert.Equal(["red-flag-vague-level-and-band"], saved.RedFlags);
        Assert.Contains("vague answers on level", await (await client.GetAsync($"{path}/scorecard?handler=Markdown")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync("/readiness"));
        Assert.Contains("data-chart", dashboard, StringComparison.Ordinal);
        Assert.Contains("/assets/charts.js", dashboard, StringComparison.Ordinal);
        Assert.Contains("0/0 (none tried yet)", dashboard, StringComparison.Ordinal);
        Assert.Contains("0/2 (0%)", dashboard, StringComparison.Ordinal);
        Assert.Contains("/practice?dimension=", dashboard, StringComparison.Ordinal);
        Assert.Contains("below the bar", dashboard, StringComparison.Ordinal);
        Assert.Equal(LoopStatus.Completed, (await app.Store.ListLoopsAsync((await app.Store.EnsureLocalUserAsync()).Id))[0].Status);
    }
}

using System.Net;
using DsLoop.App.Practice;
using DsLoop.Core.Scheduling;
using Xunit;

namespace DsLoop.Web.Tests.Features;

public sealed class ReviewTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Task<HttpResponseMessage> RateAsync(HttpClient client, string attemptPath, string overall, string? stepLevel = null)
    {
        var fields = new Dictionary<string, string> { ["overall"] = overall };
        if (stepLevel is not null)
        {
            foreach (var step in new[] { "primary-metric", "guardrails", "design", "power" })
            {
                fields[$"step-{step}"] = stepLevel;
            }
        }
        return TestApp.SubmitFormAsync(client, attemptPath, fields, attemptPath + "?handler=Rate");
    }

    [Fact]
    public async Task Rating_schedules_the_item_with_fsrs_and_records_the_step_ratings()
    {
        var clock = new TestApp.ManualClock(Start);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var attemptPath = await TestApp.AnswerAsync(client, "onboarding-test-sample-size", "Randomise by user; 9,500 per arm; two weeks.");

        var rated = await RateAsync(client, attemptPath, "Good", "solid");
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);

        var local = await app.Store.EnsureLocalUserAsync();
        var schedule = await app.Store.GetScheduleAsync(local.Id, "onboarding-test-sample-size");
        // A first Good puts a new item on its second learning step: due in 10 minutes.
        Assert.Equal(Start.AddMinutes(10), schedule!.DueAt);
        var card = ReviewScheduling.Read(schedule);
        Assert.Equal(CardState.Learning, card.State);
        Assert.Equal(2.3065, card.Stability);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(attemptPath));
        Assert.Contains("You rated this <strong>Good</strong>", page, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 09:10 UTC", page, StringComparison.Ordinal);
        var attempt = Assert.Single(await app.Store.ListAttemptsAsync(local.Id));
        Assert.Contains("\"design\":\"solid\"", attempt.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item_appears_in_the_review_queue_once_due_and_moves_on_when_rated_again()
    {
        var clock = new TestApp.ManualClock(Start);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var first = await TestApp.AnswerAsync(client, "feature-launch-success-metric", "Purchases per eligible user.");
        await RateAsync(client, first, "Again");

        Assert.Contains("Nothing is due.", await client.GetStringAsync("/review"), StringComparison.Ordinal);
        clock.Now = Start.AddMinutes(2);
        var due = await client.GetStringAsync("/review");
        Assert.Contains("Measuring success of a saved-searches feature", due, StringComparison.Ordinal);
        Assert.Contains("id=\"due\"", due, StringComparison.Ordinal);

        // Easy graduates it to whole days, so it leaves today's queue.
        var second = await TestApp.AnswerAsync(client, "feature-launch-success-metric", "Purchases per eligible user, with opt-outs as a guardrail.");
        await RateAsync(client, second, "Easy");
        var after = await client.GetStringAsync("/review");
        Assert.Contains("Nothing is due.", after, StringComparison.Ordinal);
        Assert.Contains("Coming up", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rating_twice_or_with_a_made_up_rating_is_refused_and_changes_nothing()
    {
        var clock = new TestApp.ManualClock(Start);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var attemptPath = await TestApp.AnswerAsync(client, "onboarding-test-sample-size", "Two weeks.");

        var bogus = await RateAsync(client, attemptPath, "Brilliant");
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        var local = await app.Store.EnsureLocalUserAsync();
        Assert.Null(await app.Store.GetScheduleAsync(local.Id, "onboarding-test-sample-size"));

        await RateAsync(client, attemptPath, "Hard");
        var before = await app.Store.GetScheduleAsync(local.Id, "onboarding-test-sample-size");
        clock.Now = Start.AddMinutes(30);
        // The rated page no longer offers the form; a replayed post takes its token from another page.
        var again = await TestApp.SubmitFormAsync(client, "/practice/onboarding-test-sample-size",
            new Dictionary<string, string> { ["overall"] = "Easy" }, attemptPath + "?handler=Rate");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(before, await app.Store.GetScheduleAsync(local.Id, "onboarding-test-sample-size"));
    }

    [Fact]
    public async Task Another_user_cannot_rate_someone_elses_attempt()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var ada = app.NewClient();
        using var eve = app.NewClient();
        await TestApp.SignUpAsync(ada, "ada");
        await TestApp.SignUpAsync(eve, "eve");
        var attemptPath = await TestApp.AnswerAsync(ada, "onboarding-test-sample-size", "Two weeks.");
        // Eve takes a token from her own page and posts to Ada's attempt.
        var response = await TestApp.SubmitFormAsync(eve, "/practice/onboarding-test-sample-size",
            new Dictionary<string, string> { ["overall"] = "Easy" }, attemptPath + "?handler=Rate");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var adaUser = (await app.Store.FindUserByNameAsync("ada"))!;
        Assert.Null(await app.Store.GetScheduleAsync(adaUser.Id, "onboarding-test-sample-size"));
    }
}

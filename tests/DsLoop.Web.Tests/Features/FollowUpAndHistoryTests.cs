using System.Net;
using System.Text.Json;
using Xunit;

namespace DsLoop.Web.Tests.Features;

public sealed class FollowUpAndHistoryTests
{
    private const string ItemId = "onboarding-test-sample-size";

    [Fact]
    public async Task Follow_ups_are_answered_one_at_a_time_and_coached()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var attemptPath = await TestApp.AnswerAsync(client, ItemId, "I would randomise by user and run two weeks with a 2 point MDE.");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(attemptPath));
        Assert.Contains("Answer this follow-up", page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "Answer this follow-up"));

        // Jumping ahead to the second probe is refused, and nothing is stored.
        var ahead = await TestApp.SubmitFormAsync(client, attemptPath,
            new Dictionary<string, string> { ["FollowUpText"] = "Skipping ahead.", ["FollowUpSeconds"] = "5" }, $"{attemptPath}?handler=FollowUp&index=1");
        Assert.Equal(HttpStatusCode.Conflict, ahead.StatusCode);
        Assert.Contains("one at a time", await ahead.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var empty = await TestApp.SubmitFormAsync(client, attemptPath,
            new Dictionary<string, string> { ["FollowUpText"] = "  ", ["FollowUpSeconds"] = "5" }, $"{attemptPath}?handler=FollowUp&index=0");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var first = await TestApp.SubmitFormAsync(client, attemptPath,
            new Dictionary<string, string> { ["FollowUpText"] = "That looks like novelty: I would plot the daily lift, assuming it settles after a week.", ["FollowUpSeconds"] = "40" },
            $"{attemptPath}?handler=FollowUp&index=0");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(attemptPath));
        Assert.Contains("That looks like novelty", after, StringComparison.Ordinal);
        Assert.Contains("expected points heard", after, StringComparison.Ordinal);
        Assert.Contains("✓ Says \"I\" for own actions", after, StringComparison.Ordinal);
        Assert.Contains("(too short)", after, StringComparison.Ordinal);

        var local = await app.Store.EnsureLocalUserAsync();
        var payload = JsonDocument.Parse(Assert.Single(await app.Store.ListAttemptsAsync(local.Id)).PayloadJson).RootElement;
        var stored = Assert.Single(payload.GetProperty("followUps").EnumerateArray());
        Assert.Equal(0, stored.GetProperty("index").GetInt32());
        Assert.Equal(40, stored.GetProperty("seconds").GetInt32());
    }

    [Fact]
    public async Task Item_history_lists_my_attempts_with_step_record_and_schedule()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var empty = WebUtility.HtmlDecode(await client.GetStringAsync($"/practice/{ItemId}/history"));
        Assert.Contains("No attempts yet", empty, StringComparison.Ordinal);
        Assert.Contains("Not scheduled yet", empty, StringComparison.Ordinal);

        var attemptPath = await TestApp.AnswerAsync(client, ItemId, "I would randomise by user and size it for 80% power.");
        await TestApp.AnswerAsync(client, ItemId, "The primary metric is the share of new teams that complete setup within seven days of signing up, with retention as a guardrail.");
        await TestApp.SubmitFormAsync(client, attemptPath, new Dictionary<string, string> { ["overall"] = "Good", ["step-power"] = "partial" }, $"{attemptPath}?handler=Rate");

        var history = WebUtility.HtmlDecode(await client.GetStringAsync($"/practice/{ItemId}/history"));
        Assert.Contains("Attempts (2)", history, StringComparison.Ordinal);
        Assert.Contains("Next review", history, StringComparison.Ordinal);
        Assert.Contains(">Good<", history, StringComparison.Ordinal);
        Assert.Contains("not rated", history, StringComparison.Ordinal);
        Assert.Matches("Primary metric</td><td>1 of 2 attempts", history);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/practice/no-such-item/history")).StatusCode);
    }

    [Fact]
    public async Task Item_history_never_shows_another_users_attempts()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var ada = app.NewClient();
        using var eve = app.NewClient();
        await TestApp.SignUpAsync(ada, "ada");
        await TestApp.SignUpAsync(eve, "eve");
        await TestApp.AnswerAsync(ada, ItemId, "Ada's private answer about randomising users.");
        var eves = WebUtility.HtmlDecode(await eve.GetStringAsync($"/practice/{ItemId}/history"));
        Assert.Contains("No attempts yet", eves, StringComparison.Ordinal);
        var adas = WebUtility.HtmlDecode(await ada.GetStringAsync($"/practice/{ItemId}/history"));
        Assert.Contains("Attempts (1)", adas, StringComparison.Ordinal);
    }
}

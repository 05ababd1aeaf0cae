using System.Net;
using System.Text.Json;
using Xunit;

namespace DsLoop.Web.Tests.Features;

public sealed class HistoryExportTests
{
    [Fact]
    public async Task Export_holds_my_answers_coach_reports_ratings_and_schedule_and_nobody_elses()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var ada = app.NewClient();
        using var eve = app.NewClient();
        await TestApp.SignUpAsync(ada, "ada");
        await TestApp.SignUpAsync(eve, "eve");
        var attemptPath = await TestApp.AnswerAsync(ada, "onboarding-test-sample-size", "I assume 6,000 sign-ups a day.\nI would run two full weeks.");
        await TestApp.SubmitFormAsync(ada, attemptPath, new Dictionary<string, string> { ["overall"] = "Good" }, attemptPath + "?handler=Rate");
        await TestApp.AnswerAsync(eve, "compensation-expectations", "Eve's secret range.");

        var json = await ada.GetAsync("/progress/export.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("attachment", json.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var root = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ada", root.GetProperty("userName").GetString());
        var attempt = Assert.Single(root.GetProperty("attempts").EnumerateArray());
        var payload = attempt.GetProperty("payload");
        Assert.Contains("two full weeks", payload.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, payload.GetProperty("coach").GetProperty("steps").GetArrayLength());
        Assert.Equal("Good", payload.GetProperty("rating").GetProperty("overall").GetString());
        Assert.Equal("onboarding-test-sample-size", Assert.Single(root.GetProperty("schedules").EnumerateArray()).GetProperty("itemId").GetString());

        var markdown = await ada.GetStringAsync("/progress/export.md");
        Assert.Contains("# DsLoop history of ada", markdown, StringComparison.Ordinal);
        Assert.Contains("> I would run two full weeks.", markdown, StringComparison.Ordinal);
        Assert.Contains("Self-rating: **Good**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Eve's secret range", markdown + root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_export()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var client = app.NewClient();
        var response = await client.GetAsync("/progress/export.json");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

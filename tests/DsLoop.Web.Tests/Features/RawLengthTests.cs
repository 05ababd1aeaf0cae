using System.Net;
using DsLoop.Core;
using Xunit;

namespace DsLoop.Web.Tests.Features;

/// <summary>Length limits measure the text as sent: white-space padding is not free to send, store or show.</summary>
public sealed class RawLengthTests
{
    private static readonly string Padding = new(' ', 100_000);

    private static async Task<IReadOnlyList<Attempt>> AttemptsAsync(TestApp app) =>
        await app.Store.ListAttemptsAsync((await app.Store.EnsureLocalUserAsync()).Id);

    [Fact]
    public async Task Sql_padded_with_spaces_past_the_limit_is_refused_and_not_stored()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        foreach (var padded in new[] { "SELECT 1" + Padding, "SELECT 1" + new string(' ', 1_000_000) })
        {
            var response = await TestApp.SubmitFormAsync(client, "/sql/rev-monthly-revenue?seed=2", new Dictionary<string, string>
            {
                ["Sql"] = padded,
                ["Seed"] = "2",
                ["HintsSeen"] = "0",
                ["Seconds"] = "5",
            }, "/sql/rev-monthly-revenue?handler=Submit");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Empty(await AttemptsAsync(app));
    }

    [Fact]
    public async Task Open_answer_padded_past_the_limit_is_refused_and_not_stored()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var response = await TestApp.SubmitFormAsync(client, "/practice/onboarding-test-sample-size",
            new Dictionary<string, string> { ["Answer"] = "Two full weeks." + Padding, ["Seconds"] = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the limit is 20,000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await AttemptsAsync(app));
    }

    [Theory]
    [InlineData("experiment", "Experiment", "Experiment.Unit")]
    [InlineData("experiment", "Experiment", "Experiment.Rationale")]
    [InlineData("kpi-drop", "Kpi", "Kpi.Cause")]
    [InlineData("kpi-drop", "Kpi", "Kpi.Segment")]
    public async Task Case_field_padded_past_its_limit_is_refused_naming_the_field(string kind, string handler, string field)
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var started = await TestApp.SubmitFormAsync(client, "/cases", new Dictionary<string, string> { ["Kind"] = kind }, "/cases?handler=Start");
        var path = started.Headers.Location!.OriginalString;
        var response = await TestApp.SubmitFormAsync(client, path, new Dictionary<string, string> { [field] = "user" + Padding }, $"{path}?handler={handler}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field} is 100,004 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(await AttemptsAsync(app), a => Assert.Null(a.SubmittedAt));
    }

    [Fact]
    public async Task Loop_prep_padded_past_its_limit_is_refused_naming_the_field_and_not_saved()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var start = await TestApp.SubmitFormAsync(client, "/loop", new Dictionary<string, string> { ["templateId"] = "senior-consumer", ["seed"] = "42" }, "/loop?handler=Start");
        var path = start.Headers.Location!.OriginalString;
        var response = await MockLoop.LoopPagesTests.PostAsync(client, path, "Prep", ("roleFit", "I run ranking tests."), ("location", "Remote" + Padding));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Location is 100,006 characters; the limit is 4,000.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await MockLoop.LoopPagesTests.StateAsync(app, path)).Prep);
    }

    [Fact]
    public async Task Red_flag_notes_padded_past_the_limit_are_refused_not_cut()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var path = await MockLoop.LoopPagesTests.StartPlannedLoopAsync(client);
        await MockLoop.LoopPagesTests.FinishLoopAsync(app, client, path, "I would start with a baseline.");
        var response = await MockLoop.LoopPagesTests.PostAsync(client, $"{path}/scorecard", "RedFlags", ("notes", "Ask for the band." + Padding));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Notes is 100,017 characters; the limit is 4,000.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var state = await MockLoop.LoopPagesTests.StateAsync(app, path);
        Assert.Null(state.RedFlagNotes);
        Assert.Null(state.RedFlagsSavedAt);

        var fits = await MockLoop.LoopPagesTests.PostAsync(client, $"{path}/scorecard", "RedFlags", ("notes", "  Ask for the band.  "));
        Assert.Equal(HttpStatusCode.Redirect, fits.StatusCode);
        Assert.Equal("Ask for the band.", (await MockLoop.LoopPagesTests.StateAsync(app, path)).RedFlagNotes);
    }
}

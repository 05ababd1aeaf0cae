using System.Net;
using Xunit;

namespace DsLoop.Web.Tests.Features;

/// <summary>Timers start from the time already spent, as the server knows it, so a Run, a Submit or a reload does not reset them.</summary>
public sealed class TimerTests
{
    private static Dictionary<string, string> SqlForm(string seconds) => new()
    {
        ["Sql"] = "select 1 as month",
        ["Seed"] = "2",
        ["HintsSeen"] = "0",
        ["Seconds"] = seconds,
    };

    [Fact]
    public async Task Sql_timer_keeps_counting_across_Run_and_Submit()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var fresh = await client.GetStringAsync("/sql/rev-monthly-revenue?seed=2");
        Assert.Contains("data-timer-start=\"0\"", fresh, StringComparison.Ordinal);

        var run = await TestApp.SubmitFormAsync(client, "/sql/rev-monthly-revenue?seed=2", SqlForm("75"), "/sql/rev-monthly-revenue?handler=Run");
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Contains("data-timer-start=\"75\"", await run.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var submit = await TestApp.SubmitFormAsync(client, "/sql/rev-monthly-revenue?seed=2", SqlForm("90"), "/sql/rev-monthly-revenue?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var verdict = await client.GetStringAsync(submit.Headers.Location!.OriginalString);
        Assert.Contains("data-timer-start=\"90\"", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_timer_counts_from_the_attempts_start_on_the_server_and_stops_at_submission()
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var clock = new TestApp.ManualClock(t0);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var started = await TestApp.SubmitFormAsync(client, "/cases", new Dictionary<string, string> { ["Kind"] = "kpi-drop" }, "/cases?handler=Start");
        var path = started.Headers.Location!.OriginalString;
        clock.Now = t0.AddMinutes(7).AddSeconds(5);
        Assert.Contains("data-timer-start=\"425\"", await client.GetStringAsync(path), StringComparison.Ordinal);

        clock.Now = t0.AddMinutes(9);
        var submitted = await TestApp.SubmitFormAsync(client, path, new Dictionary<string, string>
        {
            ["Kpi.EvidenceSql"] = "select 1",
            ["Kpi.Cause"] = "funnel-regression",
            ["Kpi.Segment"] = "android",
            ["Kpi.StartDate"] = "2025-09-01",
            ["Kpi.Impact"] = "-0.1",
        }, $"{path}?handler=Kpi");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        clock.Now = t0.AddHours(2);
        var result = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("Submitted after <span id=\"case-took\">9 min 0 s</span>", result, StringComparison.Ordinal);
        Assert.DoesNotContain("data-timer-start", result, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DsLoop.Cases;
using DsLoop.Cases.Experiment;
using DsLoop.Cases.Modeling;
using Xunit;

namespace DsLoop.Web.Tests.Features.Cases;

/// <summary>Case pages: ownership, the truth hidden until grading, and the take-home deadline.</summary>
public sealed partial class CasePagesTests
{
    private static async Task<HttpClient> UserAsync(TestApp app, string name)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignUpAsync(client, name)).StatusCode);
        return client;
    }

    private static async Task<string> StartAsync(HttpClient client, string kind, string? hours = null)
    {
        var fields = new Dictionary<string, string> { ["Kind"] = kind };
        if (hours is not null)
        {
            fields["DeadlineHours"] = hours;
        }
        var response = await TestApp.SubmitFormAsync(client, "/cases", fields, "/cases?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Another_user_cannot_open_my_case_or_its_files_and_anonymous_users_must_sign_in()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var mine = await UserAsync(app, "case-owner");
        var path = await StartAsync(mine, "experiment");
        var page = await mine.GetStringAsync(path);
        Assert.Contains("users.csv", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"explanation\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("The engine's analysis", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync(path + "?handler=File&name=users.csv")).StatusCode);

        using var theirs = await UserAsync(app, "case-other");
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(path + "?handler=File&name=users.csv")).StatusCode);
        Assert.DoesNotContain(path, await theirs.GetStringAsync("/cases"), StringComparison.Ordinal);

        using var anonymous = app.NewClient();
        var redirect = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/account/signin", redirect.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_form_starts_a_case_at_the_chosen_scale_and_refuses_an_unknown_scale_with_a_message()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var form = await client.GetStringAsync("/cases");
        Assert.Contains("<select name=\"Scale\">", form, StringComparison.Ordinal);

        var refused = await TestApp.SubmitFormAsync(client, "/cases", new Dictionary<string, string> { ["Kind"] = "kpi-drop", ["Scale"] = "huge" }, "/cases?handler=Start");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("&#x27;huge&#x27; is not a scale: choose tiny or standard.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var (scale, expected) in new[] { ("standard", CaseScale.Standard), ("tiny", CaseScale.Tiny) })
        {
            var started = await TestApp.SubmitFormAsync(client, "/cases", new Dictionary<string, string> { ["Kind"] = "kpi-drop", ["Scale"] = scale }, "/cases?handler=Start");
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }
        var user = (await app.Store.EnsureLocalUserAsync()).Id;
        var ids = (await app.Store.ListAttemptsAsync(user)).Where(a => a.Kind == DsLoop.Core.AttemptKind.Case).Select(a => CaseId.TryParse(a.ItemId)!).ToList();
        Assert.Equal(2, ids.Count); // the refused start stored nothing
        Assert.Equal([CaseScale.Tiny, CaseScale.Standard], ids.Select(i => i.Scale).Order());
        Assert.All(ids, i => Assert.Equal(CaseKind.KpiDrop, i.Kind));
        Assert.EndsWith("-standard", ids.Single(i => i.Scale == CaseScale.Standard).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_after_the_take_home_deadline_is_refused_and_nothing_is_graded()
    {
        var clock = new TestApp.ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var path = await StartAsync(client, "experiment", hours: "2");
        clock.Now = clock.Now.AddHours(3);
        // The case page no longer offers the form, so post the way a stale tab would (the token comes from /cases).
        var response = await TestApp.SubmitFormAsync(client, "/cases", new Dictionary<string, string> { ["Experiment.SamplePerArm"] = "1000" }, path + "?handler=Experiment");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("deadline", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("deadline has passed", await client.GetStringAsync(path), StringComparison.Ordinal);
        var attempt = (await app.Store.ListAttemptsAsync((await app.Store.EnsureLocalUserAsync()).Id)).Single(a => a.Kind == DsLoop.Core.AttemptKind.Case);
        Assert.Null(attempt.SubmittedAt);
    }

    [Fact]
    public async Task Graded_answer_is_stored_once_with_its_score_and_a_second_post_changes_nothing()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var path = await StartAsync(client, "experiment");
        var fields = new Dictionary<string, string> { ["Experiment.SamplePerArm"] = "1", ["Experiment.Decision"] = "ship" };
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SubmitFormAsync(client, path, fields, path + "?handler=Experiment")).StatusCode);
        var page = await client.GetStringAsync(path);
        Assert.Contains("id=\"explanation\"", page, StringComparison.Ordinal);
        var user = (await app.Store.EnsureLocalUserAsync()).Id;
        var attempt = (await app.Store.ListAttemptsAsync(user)).Single(a => a.Kind == DsLoop.Core.AttemptKind.Case);
        Assert.NotNull(attempt.SubmittedAt);
        var id = CaseId.TryParse(attempt.ItemId)!;
        Assert.Equal(CaseKind.Experiment, id.Kind);
        var expected = new ExperimentCase(id).Grade(new ExperimentAnswer(new DesignAnswer(1, null, [], null), new ReadoutAnswer(new SrmAnswer(null, null), new EstimateAnswer(null, null, null), new EstimateAnswer(null, null, null), new Dictionary<string, string> { ["latency_ms"] = "", ["support_tickets"] = "" }, "ship", null)).ToJson());
        Assert.Equal(expected.Score, attempt.Score);
        Assert.True(expected.Score < 0.8, "this poor answer should not count as solved");
        var readiness = await client.GetStringAsync("/readiness");
        Assert.Contains("id=\"cases-solved\">0/1 (0%)", readiness, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>
    /// The modeling answer form as a browser posts it from <paramref name="page"/> (the case page, for its anti-forgery
    /// token): the platform baseline's own predictions and the planted weak segment named right.
    /// </summary>
    internal static MultipartFormDataContent BaselineModelingForm(string page, ModelingCase kase)
    {
        var baseline = ModelingGrader.Baseline(kase.Data);
        var csv = new StringBuilder("id,probability\n");
        for (var i = 0; i < baseline.Count; i++)
        {
            csv.Append(kase.Data.Holdout[i].Id.ToString(CultureInfo.InvariantCulture)).Append(',').Append(baseline[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        var truth = kase.Data.Weakness;
        return new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "predictions", "predictions.csv" },
            { new StringContent(truth.SegmentName(kase.Scenario)), "WeakSegment" },
            { new StringContent(PlantedWeakness.Slug(truth.Error)), "WeakSegmentError" },
        };
    }

    [Fact]
    public async Task Modeling_slice_report_and_error_analysis_appear_only_after_submitting()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var path = await StartAsync(client, "modeling");
        var before = await client.GetStringAsync(path);
        var attempt = (await app.Store.ListAttemptsAsync((await app.Store.EnsureLocalUserAsync()).Id)).Single(a => a.Kind == DsLoop.Core.AttemptKind.Case);
        var kase = new ModelingCase(CaseId.TryParse(attempt.ItemId)!);
        Assert.Contains("name=\"WeakSegment\"", before, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{kase.Scenario.Segment.Values[0]}\">", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"slices\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"slice-table\"", before, StringComparison.Ordinal);

        var truth = kase.Data.Weakness;
        using var form = BaselineModelingForm(before, kase);
        var response = await client.PostAsync(path + "?handler=Modeling", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await client.GetStringAsync(path);
        Assert.Contains("id=\"slice-table\"", after, StringComparison.Ordinal);
        Assert.Contains($"data-dimension=\"{kase.Scenario.Segment.Column}\" data-slice=\"{truth.SegmentName(kase.Scenario)}\"", after, StringComparison.Ordinal);
        Assert.Contains($"data-dimension=\"{kase.Scenario.BucketFeatures[0]}\"", after, StringComparison.Ordinal);
        Assert.Contains("id=\"false-positives\"", after, StringComparison.Ordinal);
        Assert.Matches(new Regex("<td[^>]*>Error analysis</td><td[^>]*>1 / 1</td><td[^>]*>Right:"), after);
        Assert.DoesNotContain("name=\"WeakSegment\"", after, StringComparison.Ordinal);
        var stored = (await app.Store.ListAttemptsAsync((await app.Store.EnsureLocalUserAsync()).Id)).Single(a => a.Kind == DsLoop.Core.AttemptKind.Case);
        Assert.Contains("weakSegment", stored.PayloadJson, StringComparison.Ordinal);
        Assert.Contains("\"slices\":{", stored.PayloadJson, StringComparison.Ordinal);
    }
}

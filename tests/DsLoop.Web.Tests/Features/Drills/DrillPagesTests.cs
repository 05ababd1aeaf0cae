using System.Net;
using System.Text.RegularExpressions;
using DsLoop.App.Attempts;
using DsLoop.App.Drills;
using DsLoop.App.MockLoop;
using DsLoop.Core;
using DsLoop.Core.Scorecard;
using DsLoop.Drills;
using DsLoop.Web.Tests.Features.MockLoop;
using Xunit;

namespace DsLoop.Web.Tests.Features.Drills;

/// <summary>The /stats pages over HTTP: the answer hidden until answered, exact grading, refusals, ownership, review, readiness and loops.</summary>
public sealed partial class DrillPagesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Starts a drill of <paramref name="family"/> with the page's button and returns the drill page's path.</summary>
    internal static async Task<string> StartAsync(HttpClient client, string family)
    {
        var response = await TestApp.SubmitFormAsync(client, $"/stats/{family}", Fields(), $"/stats/{family}?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The drill behind a drill page, rebuilt from the seed the store holds (which the page never shows).</summary>
    internal static async Task<Drill> DrillAsync(TestApp app, string path, string? userId = null)
    {
        userId ??= (await app.Store.EnsureLocalUserAsync()).Id;
        var payload = (await app.Store.GetAttemptAsync(userId, path.Split('/')[^1]))!.Read<DrillAnswer>()!;
        return DrillCatalog.Generate(payload.Family, payload.Seed);
    }

    internal static Task<HttpResponseMessage> AnswerAsync(HttpClient client, string path, string answer) =>
        TestApp.SubmitFormAsync(client, path, Fields(("Answer", answer)));

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [Fact]
    public async Task The_drill_page_refers_to_a_stored_attempt_and_holds_neither_the_answer_nor_the_seed_before_answering()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var path = await StartAsync(client, "bayes");
        Assert.Matches("^/stats/attempts/[0-9a-f]+$", path);
        var drill = await DrillAsync(app, path);

        var page = await client.GetStringAsync(path);

        Assert.Contains(WebUtility.HtmlEncode(DrillText.Paragraphs(drill.Prompt)[0]), page, StringComparison.Ordinal);
        Assert.Contains("Answer with a probability", page, StringComparison.Ordinal);
        Assert.DoesNotContain(drill.AnswerText, page, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode(drill.Solution[..40]), page, StringComparison.Ordinal);
        Assert.DoesNotContain(drill.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.All(HiddenInput().Matches(page), m => Assert.Contains("__RequestVerificationToken", m.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("id=\"result\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_answer_shows_the_exact_answer_and_the_named_mistake_and_a_right_one_says_right()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var user = await app.Store.EnsureLocalUserAsync();
        // A chosen seed whose drill lists known mistakes, stored as the start button would store a random one.
        var attempt = AttemptPayloads.New(user.Id, "bayes", new DrillAnswer("bayes", 12), DateTimeOffset.UtcNow, null, null);
        await app.Store.AddAttemptAsync(attempt);
        var drill = DrillCatalog.Generate("bayes", 12);
        var mistake = drill.Mistakes[0];
        var path = $"/stats/attempts/{attempt.Id}";

        var wrong = await AnswerAsync(client, path, drill.Format.Write(mistake.Value));

        Assert.Equal($"{path}#result", wrong.Headers.Location!.OriginalString);
        var shown = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("Not right", shown, StringComparison.Ordinal);
        Assert.Contains($"Exact answer: <strong id=\"exact\">{drill.AnswerText}</strong>", shown, StringComparison.Ordinal);
        Assert.Contains($"Known mistake: {mistake.Name}.", shown, StringComparison.Ordinal);
        Assert.Contains(DrillText.Paragraphs(drill.Solution)[0], shown, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"drill-answer\"", shown, StringComparison.Ordinal);

        var second = await StartAsync(client, "bayes");
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, second, (await DrillAsync(app, second)).AnswerText)).StatusCode);
        Assert.Contains("verdict good\">Right", await client.GetStringAsync(second), StringComparison.Ordinal);
        var list = await client.GetStringAsync("/stats");
        Assert.Contains("1 of 2 answered drills right (50%)", list, StringComparison.Ordinal);
        Assert.Matches("id=\"family-bayes\">.*?<td data-label=\"Record\">1 of 2 right</td>", Regex.Replace(list, "\\s+", " "));
    }

    [Fact]
    public async Task Unreadable_answer_gets_400_and_the_form_again_naming_the_format_with_nothing_stored_and_a_second_answer_is_409()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var path = await StartAsync(client, "sample-size");

        var garbage = await AnswerAsync(client, path, "lots of users");

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        var body = WebUtility.HtmlDecode(await garbage.Content.ReadAsStringAsync());
        Assert.Contains("'lots of users' is not a number", body, StringComparison.Ordinal);
        Assert.Contains("Expected: a number (users per arm)", body, StringComparison.Ordinal);
        Assert.Contains("id=\"drill-answer\"", body, StringComparison.Ordinal);
        var user = await app.Store.EnsureLocalUserAsync();
        var stored = (await app.Store.GetAttemptAsync(user.Id, path.Split('/')[^1]))!;
        Assert.Null(stored.SubmittedAt);
        Assert.Null(await app.Store.GetScheduleAsync(user.Id, "drill:sample-size"));

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, path, "12k")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await AnswerAsync(client, path, "13k")).StatusCode);
        Assert.Equal("12k", (await app.Store.GetAttemptAsync(user.Id, stored.Id))!.Read<DrillAnswer>()!.Answer);
    }

    [Fact]
    public async Task Another_user_gets_404_for_my_drill_and_an_unknown_family_is_404()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var mine = app.NewClient();
        await TestApp.SignUpAsync(mine, "drill-owner");
        var path = await StartAsync(mine, "geometric");
        using var theirs = app.NewClient();
        await TestApp.SignUpAsync(theirs, "drill-other");

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(path)).StatusCode);
        var forged = await TestApp.SubmitFormAsync(theirs, "/stats", Fields(("Answer", "0.5")), path);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync("/stats/no-such-family")).StatusCode);
        Assert.DoesNotContain(path, await theirs.GetStringAsync("/stats/geometric"), StringComparison.Ordinal);
        Assert.Contains(path, await mine.GetStringAsync("/stats/geometric"), StringComparison.Ordinal);

        using var anonymous = app.NewClient();
        var redirect = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/account/signin", redirect.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused_and_grades_nothing()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var path = await StartAsync(client, "birthday");

        var forged = await client.PostAsync(path, new FormUrlEncodedContent(Fields(("Answer", "0.5"))));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var user = await app.Store.EnsureLocalUserAsync();
        Assert.Null((await app.Store.GetAttemptAsync(user.Id, path.Split('/')[^1]))!.SubmittedAt);
    }

    [Fact]
    public async Task A_wrong_family_is_due_in_review_with_a_link_to_a_fresh_drill_and_readiness_counts_it()
    {
        var clock = new TestApp.ManualClock(T0);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock);
        using var client = app.NewClient();
        var path = await StartAsync(client, "clt");
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, path, "0")).StatusCode);

        clock.Now = T0.AddDays(1);
        var review = await client.GetStringAsync("/review");
        Assert.Contains($"<a href=\"/stats/clt\">Drill: {WebUtility.HtmlEncode(DrillCatalog.Find("clt")!.Title)}</a>", review, StringComparison.Ordinal);

        var readiness = await client.GetStringAsync("/readiness");
        Assert.Contains("<strong id=\"drills-right\">0/1 (0%)</strong>", readiness, StringComparison.Ordinal);
        Assert.Contains("How drills count", readiness, StringComparison.Ordinal);
        Assert.Contains("href=\"/stats/clt\"", readiness, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loops_statistics_round_is_drills_graded_exactly_revealed_after_the_round_and_auto_graded_on_the_scorecard()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var path = await LoopPagesTests.StartPlannedLoopAsync(client);
        var state = await LoopPagesTests.StateAsync(app, path);
        var statsRound = state.Rounds.FindIndex(r => r.Items.Any(i => i.IsDrill));
        Assert.True(statsRound >= 0, "no round holds drills");
        for (var r = 0; r < statsRound; r++)
        {
            await LoopPagesTests.PostAsync(client, path, "Start");
            await LoopPagesTests.PostAsync(client, path, "End");
        }
        await LoopPagesTests.PostAsync(client, path, "Start");
        var drill = LoopDrills.DrillOf(state.Rounds[statsRound].Items[0])!;
        var running = await client.GetStringAsync(path);
        Assert.Contains("Statistics drill:", running, StringComparison.Ordinal);
        Assert.DoesNotContain(drill.AnswerText, running, StringComparison.Ordinal);

        var garbage = await LoopPagesTests.PostAsync(client, path, "Answer&item=0", ("Answer", "it depends"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("Expected:", WebUtility.HtmlDecode(await garbage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null((await LoopPagesTests.StateAsync(app, path)).Rounds[statsRound].Items[0].Answer);

        Assert.Equal(HttpStatusCode.Redirect, (await LoopPagesTests.PostAsync(client, path, "Answer&item=0", ("Answer", drill.AnswerText))).StatusCode);
        await LoopPagesTests.PostAsync(client, path, "End");
        var review = WebUtility.HtmlDecode(await client.GetStringAsync($"{path}/rounds/{statsRound + 1}"));
        Assert.Contains($"the exact answer is <strong>{drill.AnswerText}</strong>", review, StringComparison.Ordinal);
        Assert.Contains("Worked solution", review, StringComparison.Ordinal);

        await LoopPagesTests.FinishLoopAsync(app, client, path, "I would randomise by user and size the test for a two point lift.", fromRound: statsRound + 2);
        var card = (await LoopPagesTests.StateAsync(app, path)).Scorecard!;
        var evidence = card.Dimensions.Single(d => d.Dimension == Dimension.StatisticsExperimentation).Evidence.Where(e => e.Source == EvidenceSource.Statistics).ToList();
        Assert.Equal(state.Rounds[statsRound].Items.Count(i => i.IsDrill), evidence.Count);
        Assert.All(evidence, e => Assert.Equal(EvidenceBasis.AutoGraded, e.Basis));
        Assert.Equal(4m, evidence.Single(e => e.ItemId == drill.Family).Rating);
    }
}

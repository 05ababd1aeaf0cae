using System.Net;
using Xunit;

namespace DsLoop.Web.Tests.Features;

public sealed class PracticeAndProgressTests
{
    [Fact]
    public async Task Answer_is_saved_and_reveals_the_model_answer_only_after_submitting()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var before = await client.GetStringAsync("/practice/onboarding-test-sample-size");
        Assert.DoesNotContain("9,500 users per arm", before, StringComparison.Ordinal);

        var attemptPath = await TestApp.AnswerAsync(client, "onboarding-test-sample-size", "I would randomise by user and run two weeks.");
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(attemptPath));
        Assert.Contains("I would randomise by user and run two weeks.", after, StringComparison.Ordinal);
        Assert.Contains("9,500 users per arm", after, StringComparison.Ordinal);
        Assert.Contains("Follow-up probes", after, StringComparison.Ordinal);
        Assert.Contains("9 words in 1:35", after, StringComparison.Ordinal);

        // Nine words name two steps without doing them: the judge credits none and says why, step by step.
        Assert.Contains("Rating 1.0 of 4 — no signal", after, StringComparison.Ordinal);
        Assert.Contains("0 of 4 steps of", after, StringComparison.Ordinal);
        Assert.Contains("✗ Experiment design</strong>", after, StringComparison.Ordinal);
        Assert.Contains("names it without saying anything specific", after, StringComparison.Ordinal);
        Assert.Contains("✗ Primary metric</strong>", after, StringComparison.Ordinal);
        Assert.Contains("too short to cover the framework", after, StringComparison.Ordinal);
        var local = await app.Store.EnsureLocalUserAsync();
        Assert.Contains("✗ Quantifies impact</strong>", after, StringComparison.Ordinal);
        Assert.Equal(0, Assert.Single(await app.Store.ListAttemptsAsync(local.Id)).Score!.Value, 9);

        var progress = await client.GetStringAsync("/progress");
        Assert.Contains("Sizing an onboarding experiment", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempt_page_names_the_common_mistake_the_answer_seems_to_make()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var attemptPath = await TestApp.AnswerAsync(client, "compensation-expectations", "Whatever is fair; what does the role pay?");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(attemptPath));
        Assert.Contains("Common mistakes this answer seems to make", page, StringComparison.Ordinal);
        Assert.Contains("! Refusing to give any number", page, StringComparison.Ordinal);
        Assert.Contains("no number in the answer", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_answer_is_refused_with_a_message_and_nothing_is_saved()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var response = await TestApp.SubmitFormAsync(client, "/practice/onboarding-test-sample-size",
            new Dictionary<string, string> { ["Answer"] = "   ", ["Seconds"] = "3" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Write your answer before submitting.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var local = await app.Store.EnsureLocalUserAsync();
        Assert.Empty(await app.Store.ListAttemptsAsync(local.Id));
    }

    [Fact]
    public async Task Practice_list_filters_by_round_and_reports_unknown_filters()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var recruiter = string.Concat(await PracticeListTests.AllPagesHtmlAsync(client, "/practice?round=recruiter-screen"));
        Assert.Contains("compensation question", recruiter, StringComparison.Ordinal);
        Assert.DoesNotContain("Sizing an onboarding experiment", recruiter, StringComparison.Ordinal);
        var unknown = await client.GetStringAsync("/practice?dimension=charisma");
        Assert.Contains("Unknown dimension &#x27;charisma&#x27;", unknown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/practice/no-such-item")).StatusCode);
    }

    [Fact]
    public async Task Practice_list_filters_by_company_variant_and_keeps_questions_for_any_company()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var safety = System.Net.WebUtility.HtmlDecode(string.Concat(await PracticeListTests.AllPagesHtmlAsync(client, "/practice?variant=trust-and-safety")));
        Assert.Contains("Proving a cheaper spam filter is not worse", safety, StringComparison.Ordinal);
        Assert.DoesNotContain("Can we A/B test with only 400 business customers?", safety, StringComparison.Ordinal);
        Assert.Contains("Sizing an onboarding experiment", safety, StringComparison.Ordinal);
        var unknown = await client.GetStringAsync("/practice?variant=fintech");
        Assert.Contains("Unknown company variant", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_user_cannot_read_another_users_attempts()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var ada = app.NewClient();
        using var eve = app.NewClient();
        await TestApp.SignUpAsync(ada, "ada");
        await TestApp.SignUpAsync(eve, "eve");
        var attemptPath = await TestApp.AnswerAsync(ada, "metric-disagreement-with-pm", "Ada's private story about retention.");

        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync(attemptPath)).StatusCode);
        var stolen = await eve.GetAsync(attemptPath);
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.DoesNotContain("Ada's private story", await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Ada's private story", await eve.GetStringAsync("/progress"), StringComparison.Ordinal);
        Assert.Contains("No attempts yet", await eve.GetStringAsync("/progress"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weakest_focus_sends_a_new_user_to_an_untried_dimension_then_to_the_lowest_scoring_one()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/practice?focus=weakest"));
        Assert.Contains("Weakest dimension: Problem framing & product sense — you have not answered any of its questions yet.", first, StringComparison.Ordinal);

        // Answer every question: the model answer, except a useless one wherever Communication is scored.
        var bank = DsLoop.Content.ContentLoader.Load(DsLoop.Testing.RepoPaths.Content).Bank!;
        var badDimensions = new HashSet<DsLoop.Core.Dimension>();
        foreach (var item in bank.Items)
        {
            var bad = item.Dimensions.Contains(DsLoop.Core.Dimension.Communication);
            if (bad)
            {
                badDimensions.UnionWith(item.Dimensions.Where(d => bank.Items.Where(i => i.Dimensions.Contains(d)).All(i => i.Dimensions.Contains(DsLoop.Core.Dimension.Communication))));
            }
            await TestApp.AnswerAsync(client, item.Id, bad ? "Whatever is fair." : item.ModelAnswer);
        }
        var weakest = WebUtility.HtmlDecode(string.Concat(await PracticeListTests.AllPagesHtmlAsync(client, "/practice?focus=weakest")));
        var named = badDimensions.Where(d => weakest.Contains($"Weakest dimension: {DsLoop.Core.Dimensions.DisplayName(d)} — mean coach score", StringComparison.Ordinal)).ToList();
        Assert.True(named.Count == 1, $"expected one of {string.Join(", ", badDimensions)} to be named weakest");
        Assert.Contains("compensation question", weakest, StringComparison.Ordinal);
        Assert.DoesNotContain("Sizing an onboarding experiment", weakest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_focus_lists_only_items_due_now()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var none = await client.GetStringAsync("/practice?focus=due");
        Assert.Matches(@">0 of \d+ questions\.", none);
        var local = await app.Store.EnsureLocalUserAsync();
        await app.Store.UpsertScheduleAsync(new DsLoop.Core.ReviewSchedule(local.Id, "compensation-expectations", DateTimeOffset.UtcNow.AddDays(-1), "{}", DateTimeOffset.UtcNow));
        var due = await client.GetStringAsync("/practice?focus=due");
        Assert.Matches(@">1 of \d+ questions\.", due);
        Assert.Contains("compensation question", due, StringComparison.Ordinal);
    }
}

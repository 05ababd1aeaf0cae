using System.Net;
using System.Text.RegularExpressions;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Web.Tests.Features;

/// <summary>The practice list's search and its pages.</summary>
public sealed partial class PracticeListTests
{
    private static readonly ContentBank Bank = ContentLoader.Load(RepoPaths.Content).Bank!;

    [GeneratedRegex("<td class=\"lead\"><a href=\"/practice/([^\"]+)\">")]
    private static partial Regex ItemLink();

    [GeneratedRegex("id=\"next-page\" class=\"button secondary\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();

    private static List<string> Ids(string html) => [.. ItemLink().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>Follows the "Next page" links from <paramref name="path"/>; returns each page's HTML.</summary>
    internal static async Task<List<string>> AllPagesHtmlAsync(HttpClient client, string path)
    {
        var pages = new List<string>();
        for (string? next = path; next is not null;)
        {
            var html = await client.GetStringAsync(next);
            pages.Add(html);
            var link = NextLink().Match(html);
            next = link.Success ? WebUtility.HtmlDecode(link.Groups[1].Value) : null;
            Assert.True(pages.Count <= Bank.Items.Count, "the pages do not end");
        }
        return pages;
    }

    private static async Task<List<List<string>>> AllPagesAsync(HttpClient client, string path) =>
        [.. (await AllPagesHtmlAsync(client, path)).Select(Ids)];

    [Fact]
    public async Task Pages_show_every_question_once_in_the_banks_order_and_keep_the_filters()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();

        var pages = await AllPagesAsync(client, "/practice");
        Assert.True(pages.Count > 1, "the whole bank fits on one page; the test needs more questions than a page holds");
        Assert.All(pages, p => Assert.InRange(p.Count, 1, 50));
        Assert.Equal(Bank.Items.Select(i => i.Id), pages.SelectMany(p => p));

        var behavioral = Bank.Items.Where(i => i.Rounds.Contains(Round.Behavioral)).Select(i => i.Id).ToList();
        Assert.Equal(behavioral, (await AllPagesAsync(client, "/practice?round=behavioral")).SelectMany(p => p));
        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/practice"));
        Assert.Contains($">{Bank.Items.Count} of {Bank.Items.Count} questions. Showing 1–50.", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_questions_by_every_word_in_the_title_or_the_question_and_pages_keep_it()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/practice?q=ONBOARDING+experiment"));
        var expected = Bank.Items
            .Where(i => new[] { "onboarding", "experiment" }.All(w => (i.Title + " " + i.Prompt + " " + string.Join(' ', i.Rounds.Select(Rounds.DisplayName)) + " " + string.Join(' ', i.Dimensions.Select(Dimensions.DisplayName))).Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(i => i.Id).ToList();
        Assert.Contains("onboarding-test-sample-size", expected);
        Assert.Equal(expected, Ids(html));
        Assert.Contains($">{expected.Count} of {Bank.Items.Count} questions.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ONBOARDING experiment\"", html, StringComparison.Ordinal);

        Assert.Empty(Ids(await client.GetStringAsync("/practice?q=zzzz-no-such-word")));
        var technical = await AllPagesAsync(client, "/practice?q=metric");
        Assert.All(technical.SelectMany(p => p), id => Assert.Contains("metric", Bank.ItemsById[id].Title + " " + Bank.ItemsById[id].Prompt + " " + string.Join(' ', Bank.ItemsById[id].Dimensions.Select(Dimensions.DisplayName)), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_page_after_a_question_that_is_not_in_the_list_answers_400_with_the_first_page()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var response = await client.GetAsync("/practice?after=no-such-question");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("'no-such-question' is not a question of this list; showing the first page.", html, StringComparison.Ordinal);
        Assert.Equal(Bank.Items.Take(50).Select(i => i.Id), Ids(html));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using DsLoop.Web.Features.Shared;
using Xunit;

namespace DsLoop.Web.Tests.Features;

/// <summary>Text a candidate typed never becomes a link or image to a script or data URL, on any page that shows it.</summary>
public sealed partial class UnsafeLinkTests
{
    /// <summary>Script and data links in the spellings that slip past naive checks.</summary>
    public static readonly string[] Links =
    [
        "[plain](javascript:alert(document.domain))",
        "[mixed](JaVaScRiPt:alert(1))",
        "[decimal](&#106;avascript:alert(1))",
        "[hex](&#x6A;avascript:alert(1))",
        "[named](javascript&colon;alert(1))",
        "[tab](java&#9;script:alert(1))",
        "[newline](java&#10;script:alert(1))",
        "[spaced](   javascript:alert(1))",
        "[angle](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "<VBScript:msgbox(1)>",
        "[vb](vbscript:msgbox(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[Data](DATA:text/html,<script>alert(1)</script>)",
        "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+)",
        "![img](javascript:alert(1))",
    ];

    private static readonly string Payload = string.Join(" ", Links);

    [Theory]
    [MemberData(nameof(EachLink))]
    public void Markdown_keeps_no_script_or_data_url(string markdown)
    {
        AssertNoUnsafeUrl("Html", SafeMarkdown.Html(markdown).Value!);
        AssertNoUnsafeUrl("Inline", SafeMarkdown.Inline(markdown).Value!);
    }

    public static TheoryData<string> EachLink()
    {
        var data = new TheoryData<string>();
        foreach (var link in Links)
        {
            data.Add(link);
        }
        data.Add("[ref][r]\n\n[r]: javascript:alert(1)");
        data.Add("[ref][r]\n\n[r]: <data:text/html,x>");
        return data;
    }

    [Fact]
    public void Markdown_keeps_http_https_and_relative_links()
    {
        var html = SafeMarkdown.Html("[a](https://example.org/x) [b](http://example.org) [c](/sql/x?seed=1) [d](#top) [e](page:1)").Value!;
        foreach (var href in new[] { "href=\"https://example.org/x\"", "href=\"http://example.org\"", "href=\"/sql/x?seed=1\"", "href=\"#top\"" })
        {
            Assert.Contains(href, html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("href=\"page:1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_page_that_shows_candidate_text_links_to_a_script_or_data_url()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var pages = new List<string>();

        var attempt = await TestApp.AnswerAsync(client, "onboarding-test-sample-size", "Two weeks. " + Payload);
        pages.AddRange([attempt, "/progress", "/practice/onboarding-test-sample-size/history"]);

        var sql = await TestApp.SubmitFormAsync(client, "/sql/rev-monthly-revenue?seed=2", new Dictionary<string, string>
        {
            ["Sql"] = "select 1 as month -- " + Payload,
            ["Seed"] = "2",
            ["HintsSeen"] = "0",
            ["Seconds"] = "5",
        }, "/sql/rev-monthly-revenue?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, sql.StatusCode);
        pages.Add(sql.Headers.Location!.OriginalString);

        var experiment = await StartCaseAsync(client, "experiment");
        await SubmitCaseAsync(client, experiment, "Experiment", new() { ["Experiment.Unit"] = Payload, ["Experiment.Rationale"] = Payload });
        var kpi = await StartCaseAsync(client, "kpi-drop");
        await SubmitCaseAsync(client, kpi, "Kpi", new() { ["Kpi.Cause"] = Payload, ["Kpi.Segment"] = Payload });
        pages.AddRange([experiment, kpi]);

        foreach (var page in pages)
        {
            // The layout's head carries the app's own icon as a fixed data: URL; candidate text is only ever in <main>.
            var html = await client.GetStringAsync(page);
            var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
            AssertNoUnsafeUrl(page, main);
        }
        // The feedback still quotes what was typed, as text.
        Assert.Contains("hex", WebUtility.HtmlDecode(await client.GetStringAsync(experiment)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_loop_page_links_to_a_script_or_data_url()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var start = await TestApp.SubmitFormAsync(client, "/loop", new Dictionary<string, string> { ["templateId"] = "senior-consumer", ["seed"] = "42" }, "/loop?handler=Start");
        var path = start.Headers.Location!.OriginalString;
        var prep = await MockLoop.LoopPagesTests.PostAsync(client, path, "Prep", ("roleFit", Payload), ("workAuthorization", Payload), ("location", Payload), ("compensation", Payload));
        Assert.Equal(HttpStatusCode.Redirect, prep.StatusCode);
        var rounds = (await MockLoop.LoopPagesTests.StateAsync(app, path)).Rounds.Count;
        var planned = await client.GetStringAsync(path);
        AssertNoUnsafeUrl(path, planned[planned.IndexOf("<main", StringComparison.Ordinal)..]);
        await MockLoop.LoopPagesTests.FinishLoopAsync(app, client, path, "I would start from the baseline. " + Payload);
        var flags = await MockLoop.LoopPagesTests.PostAsync(client, $"{path}/scorecard", "RedFlags", ("notes", Payload));
        Assert.Equal(HttpStatusCode.Redirect, flags.StatusCode);

        var pages = new List<string> { $"{path}/scorecard", $"{path}/scorecard/print", "/loop", "/readiness" };
        pages.AddRange(Enumerable.Range(1, rounds).Select(n => $"{path}/rounds/{n}"));
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{page} gave {response.StatusCode}");
            AssertNoUnsafeUrl(page, html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        }
        // What was typed is still there, as text: the notes on the scorecard and an answer in its round's review.
        Assert.Contains("hex", WebUtility.HtmlDecode(await client.GetStringAsync($"{path}/scorecard")), StringComparison.Ordinal);
        Assert.Contains("I would start from the baseline", WebUtility.HtmlDecode(await client.GetStringAsync($"{path}/rounds/1")), StringComparison.Ordinal);
    }

    private static async Task<string> StartCaseAsync(HttpClient client, string kind)
    {
        var started = await TestApp.SubmitFormAsync(client, "/cases", new Dictionary<string, string> { ["Kind"] = kind }, "/cases?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!.OriginalString;
    }

    private static async Task SubmitCaseAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var response = await TestApp.SubmitFormAsync(client, path, fields, $"{path}?handler={handler}");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} gave {response.StatusCode}");
    }

    /// <summary>Every href and src, decoded as a browser would read it, is neither a script nor a data URL.</summary>
    private static void AssertNoUnsafeUrl(string where, string html)
    {
        foreach (Match attribute in UrlAttribute().Matches(html))
        {
            var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
            var cleaned = string.Concat(value.Where(c => c > ' ')).ToLowerInvariant();
            Assert.False(UnsafeScheme().IsMatch(cleaned), $"{where} has {attribute.Value}");
        }
    }

    [GeneratedRegex("\\b(?:href|src|action|formaction)\\s*=\\s*(?:\"(?<value>[^\"]*)\"|'(?<value>[^']*)'|(?<value>[^\\s>]+))", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();

    [GeneratedRegex("^(?:javascript|vbscript|data):")]
    private static partial Regex UnsafeScheme();
}

using System.Net;
using System.Text.RegularExpressions;
using DsLoop.App.Attempts;
using DsLoop.App.Practice;
using DsLoop.Core;
using Xunit;

namespace DsLoop.Web.Tests.Features;

public sealed partial class PagingTests
{
    [Fact]
    public async Task Progress_shows_every_attempt_once_across_pages_with_the_total_and_refuses_a_forged_cursor()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var local = await app.Store.EnsureLocalUserAsync();
        var start = DateTimeOffset.UnixEpoch.AddDays(20_000);
        const int Count = 57;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            // Every third pair shares a start time, so the cursor must break ties by id.
            var at = start.AddMinutes(i / 2);
            var attempt = AttemptPayloads.New(local.Id, "onboarding-test-sample-size", new OpenAnswer($"answer {i}", 60, 2), at, at, 0.5);
            await app.Store.AddAttemptAsync(attempt);
            ids.Add(attempt.Id);
        }

        var seen = new List<string>();
        var path = "/progress";
        var pages = 0;
        while (true)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(path));
            Assert.Contains($"{Count} attempts, newest first", html, StringComparison.Ordinal);
            seen.AddRange(AttemptLink().Matches(html).Select(m => m.Groups[1].Value));
            pages++;
            if (OlderLink().Match(html) is not { Success: true } older)
            {
                break;
            }
            path = older.Groups[1].Value;
        }
        Assert.Equal(2, pages);
        Assert.Equal(Count, seen.Count);
        Assert.True(ids.SetEquals(seen));

        var forged = await client.GetAsync("/progress?before=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("is not a page of this list", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_counts_attempts_beyond_any_page_size()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var local = await app.Store.EnsureLocalUserAsync();
        for (var i = 0; i < 1_003; i++)
        {
            var at = DateTimeOffset.UnixEpoch.AddSeconds(i);
            await app.Store.AddAttemptAsync(new Attempt(Ids.New(), local.Id, AttemptKind.OpenQuestion, "x", at, at, null, "{}"));
        }
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        // A list capped at 1,000 rows used to count this as 1000.
        Assert.Contains("You have 1003 saved attempts.", home, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"/progress/attempts/([^\"]+)\"")]
    private static partial Regex AttemptLink();

    [GeneratedRegex("id=\"older\" href=\"([^\"]+)\"")]
    private static partial Regex OlderLink();
}

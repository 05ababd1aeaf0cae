using System.Globalization;
using System.Text.RegularExpressions;
using DsLoop.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DsLoop.Web.Tests.Browser;

public sealed class JudgeBrowserTests
{
    private const string Strong =
        "I'd want to know what share of new sign-ups finish onboarding today, say 40%, and what change would be worth building, "
        + "say two points, because smaller than that won't pay for the engineering time. With a two-sided 5% test and 80% power, "
        + "two points on a 40% base needs roughly 9,500 new users in each group, so about 19,000 in total. If around 3,000 people sign up a day, "
        + "that's a week of traffic, and I'd round up to two full weeks so both weekday and weekend sign-ups are in it. "
        + "I'd assign people at sign-up, by user id, and check the split is really fifty-fifty before reading anything. "
        + "I'd also keep an eye on day-7 retention and support contacts, since a shorter flow could let people through who churn later. "
        + "And I'd decide the length up front and not look at the p-value every morning, because stopping the first time it dips under 0.05 inflates false positives.";

    private const string Stuffed =
        "Primary metric is activation, with retention as a guardrail. I randomize users into control and treatment. "
        + "For power, with our 40% completion rate and a 2 point lift, I'd use 200 users per arm at alpha 0.05. "
        + "I'd run it for one day, then stop once p is below 0.05 and ship the winner.";

    [SkippableFact]
    public async Task A_strong_natural_answer_meets_the_bar_and_a_stuffed_one_gets_no_signal_in_chromium()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        await browser.RunAsync(nameof(A_strong_natural_answer_meets_the_bar_and_a_stuffed_one_gets_no_signal_in_chromium), async page =>
        {
            var strong = await AnswerAsync(page, Strong);
            Assert.True(strong >= 3, $"strong answer rated {strong}");
            await Expect(page.Locator("#coach")).ToContainTextAsync("Numbers checked");
            await Expect(page.Locator("#coach .off-topic")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new() { Path = Screenshot("judge-strong"), FullPage = true });

            var stuffed = await AnswerAsync(page, Stuffed);
            Assert.True(stuffed <= 2, $"stuffed answer rated {stuffed}");
            await Expect(page.Locator("#coach .coach-numbers")).ToContainTextAsync("wrong");
            await Expect(page.Locator("#coach .coach-numbers")).ToContainTextAsync("9,500 per arm");
            await Expect(page.Locator("#coach .coach-mistakes")).ToContainTextAsync("stop once p is below 0.05");
            await page.ScreenshotAsync(new() { Path = Screenshot("judge-stuffed"), FullPage = true });
        });
        Assert.True(browser.ConsoleErrors.Count == 0, "Browser console errors:\n" + string.Join("\n", browser.ConsoleErrors));
    }

    private static async Task<double> AnswerAsync(IPage page, string answer)
    {
        await page.GotoAsync("/practice/onboarding-test-sample-size");
        await page.GetByLabel("Your answer").FillAsync(answer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answer" }).ClickAsync();
        // The first answer in a process waits for the judge's model and the bank's vectors (loaded in the background).
        await page.WaitForURLAsync(new Regex("/progress/attempts/[0-9a-f]{32}$"), new() { Timeout = 180_000 });
        await Expect(page.Locator("#coach .judge-verdict")).ToContainTextAsync("of 4");
        var rating = await page.Locator("#coach .judge-report").GetAttributeAsync("data-rating");
        return double.Parse(rating!, CultureInfo.InvariantCulture);
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DsLoop.Web.Tests.Browser;

public sealed class SmokeTests
{
    [SkippableFact]
    public async Task New_user_signs_up_navigates_and_answers_a_question_in_chromium()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        await browser.RunAsync(nameof(New_user_signs_up_navigates_and_answers_a_question_in_chromium), async page =>
        {
            await page.GotoAsync("/");
            await Expect(page).ToHaveTitleAsync("Home · DsLoop");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Data Scientist loop");

            // Practice needs an account in multi-user mode.
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Practice" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/signin"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();

            await page.GetByLabel("User name").FillAsync("ada");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("correct horse battery");
            await page.GetByLabel("Repeat the password").FillAsync("correct horse battery");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/practice$"));
            await Expect(page.Locator(".account")).ToContainTextAsync("ada");
            // The question is on a later page of the list; the search finds it.
            await page.GetByLabel("Search").FillAsync("onboarding experiment");
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Sizing an onboarding experiment" }).ClickAsync();

            // The bundled script runs under the strict CSP: the timer ticks and the word count follows typing.
            await Expect(page.Locator("[data-timer]")).ToHaveTextAsync(new Regex(@"^\d\d:\d\d$"));
            await page.GetByLabel("Your answer").FillAsync("Randomise by user, size for a two point lift, run two full weeks.");
            await Expect(page.Locator("[data-word-count]")).ToHaveTextAsync("13 words");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit answer" }).ClickAsync();

            // The first answer in a process waits for the judge's model and the bank's vectors (loaded in the background).
            await page.WaitForURLAsync(new Regex("/progress/attempts/[0-9a-f]{32}$"), new() { Timeout = 180_000 });
            await Expect(page.Locator("#model-answer")).ToContainTextAsync("9,500 users per arm");
            await Expect(page.Locator("#coach")).ToContainTextAsync("Experiment design");
            await page.GetByRole(AriaRole.Button, new() { Name = "Good", Exact = true }).ClickAsync();
            await Expect(page.Locator("#next-due")).ToContainTextAsync("UTC");
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("Sizing an onboarding experiment");
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Progress" }).ClickAsync();
            await Expect(page.Locator("table")).ToContainTextAsync("Sizing an onboarding experiment");

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page.Locator(".account")).ToContainTextAsync("Sign in");
        });
        Assert.True(browser.ConsoleErrors.Count == 0, "Browser console errors:\n" + string.Join("\n", browser.ConsoleErrors));
    }
}

using System.Text.RegularExpressions;
using DsLoop.Content;
using DsLoop.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DsLoop.Web.Tests.Browser;

public sealed class LoopBrowserTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _content = Directory.CreateTempSubdirectory("dsloop-loop-content-").FullName;

    public void Dispose() => Directory.Delete(_content, recursive: true);

    /// <summary>The shipped content plus a two-round, one-minute-per-round loop, so a whole loop runs in seconds.</summary>
    private void WriteContent()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_content, Path.GetRelativePath(RepoPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(_content, "loops", "tiny-test.yaml"), """
            id: tiny-test
            name: Tiny test loop
            level: ds
            variant: any
            summary: Two one-minute rounds for the browser test.
            rounds:
              - id: recruiter
                title: Quick recruiter screen
                round: recruiter-screen
                minutes: 1
                slots:
                  - kind: open
                    count: 1
              - id: sql
                title: Quick SQL
                round: sql-screen
                minutes: 1
                slots:
                  - kind: sql
                    count: 1
            """);
    }

    [SkippableFact]
    public async Task A_short_loop_runs_in_chromium_auto_submits_at_zero_and_feeds_the_scorecard_and_dashboard_chart()
    {
        WriteContent();
        var clock = new TestApp.ManualClock(T0);
        await using var app = await TestApp.StartAsync(multiUser: false, clock: clock, contentDirectory: _content);
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var problems = ContentLoader.Load(_content).Bank!.SqlProblems;
        await browser.RunAsync(nameof(A_short_loop_runs_in_chromium_auto_submits_at_zero_and_feeds_the_scorecard_and_dashboard_chart), async page =>
        {
            for (var loop = 1; loop <= 2; loop++)
            {
                clock.Now = T0.AddDays(loop);
                await page.GotoAsync("/loop");
                await page.Locator("#template-tiny-test").CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Start the loop" }).ClickAsync();
                await Expect(page.Locator("#prep")).ToContainTextAsync("recruiter screen");
                await page.GetByLabel("Work authorization").FillAsync("No sponsorship needed.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save the prep and plan the loop" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Start round 1" }).ClickAsync();
                await Expect(page.Locator("#countdown")).ToHaveTextAsync(new Regex(@"^(1:00|0:5\d)$"));
                await page.GetByLabel("Your answer").FillAsync("I am authorized to work in the US and need no sponsorship. I would start with a baseline.");
                if (loop == 1)
                {
                    // Three seconds before the stored deadline: a reload keeps the server's time, and at zero the page submits what is typed.
                    clock.Now = clock.Now.AddSeconds(57);
                    await page.ReloadAsync();
                    await Expect(page.GetByLabel("Your answer")).ToHaveValueAsync(new Regex("authorized to work"));
                    await Expect(page).ToHaveURLAsync(new Regex("/rounds/1$"), new() { Timeout = 10_000 });
                    await Expect(page.Locator("main")).ToContainTextAsync("submitted when the clock reached zero");
                }
                else
                {
                    await page.GetByRole(AriaRole.Button, new() { Name = "Submit and continue" }).ClickAsync();
                }
                await Expect(page.Locator("main")).ToContainTextAsync("Model answer");
                await page.Locator("input[name=rating-0][value='3']").CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Save my ratings and continue" }).ClickAsync();

                await page.GetByRole(AriaRole.Button, new() { Name = "Start round 2" }).ClickAsync();
                var title = (await page.Locator("#exercise h2").TextContentAsync())!.Replace("SQL: ", "", StringComparison.Ordinal);
                var problem = problems.Single(p => p.Title == title);
                await page.GetByLabel("Your query").FillAsync(loop == 1 ? "select 1 as nothing" : problem.ReferenceFor("sqlite"));
                await page.GetByRole(AriaRole.Button, new() { Name = "Submit and continue" }).ClickAsync();
                await Expect(page.Locator(".verdict")).ToContainTextAsync(loop == 1 ? "Not correct" : "Correct");
                await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();

                await Expect(page).ToHaveURLAsync(new Regex("/scorecard$"));
                await Expect(page.Locator("#recommendation")).ToHaveTextAsync(new Regex("^(Strong no|No|Yes|Strong yes)$"));
                await Expect(page.Locator("#dimensions")).ToContainTextAsync("judged");
                await Expect(page.Locator("#dimensions")).ToContainTextAsync("auto-graded");
                var evidence = page.Locator("#dimensions .evidence a").First;
                await Expect(evidence).ToHaveAttributeAsync("href", new Regex(@"/loop/[0-9a-f]{32}/rounds/\d#item-"));
            }
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Readiness" }).ClickAsync();
            await Expect(page.Locator("#sql-loops")).ToHaveTextAsync("1/2 (50%)");
            var canvas = page.Locator("#chart-data-fluency");
            await Expect(canvas).ToBeVisibleAsync();
            var shot = await canvas.ScreenshotAsync();
            Assert.True(shot.Length > 1000, "The chart's screenshot is empty.");
            var painted = await canvas.EvaluateAsync<int>("c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++; return n; }");
            Assert.True(painted > 500, $"Only {painted} pixels of the chart are painted.");
        });
        Assert.True(browser.ConsoleErrors.Count == 0, "Browser console errors:\n" + string.Join("\n", browser.ConsoleErrors));
    }
}

using System.Text.RegularExpressions;
using DsLoop.Content;
using DsLoop.Content.Sql;
using DsLoop.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DsLoop.Web.Tests.Browser;

public sealed class SqlPracticeBrowserTests
{
    private const string Stickiness = "ret-dau-mau-stickiness";

    private static readonly SqlProblem Problem =
        ContentLoader.Load(RepoPaths.Content).Bank!.SqlProblemsById[Stickiness];

    /// <summary>
    /// Replaces the editor's text as a paste would, through the editor. (Playwright's fill uses the browser's
    /// own contenteditable editing, which writes inline style attributes that the page's CSP rightly refuses.)
    /// </summary>
    private static async Task PasteQueryAsync(IPage page, string sql)
    {
        await page.EvaluateAsync("text => { const v = window.dsloopSqlEditor; v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } }); }", sql);
        await Expect(page.Locator("#Sql")).ToHaveValueAsync(sql);
    }

    [SkippableFact]
    public async Task Candidate_fails_reads_feedback_uses_hints_solves_and_solves_again_on_new_data()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        await browser.RunAsync(nameof(Candidate_fails_reads_feedback_uses_hints_solves_and_solves_again_on_new_data), async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "SQL" }).ClickAsync();
            await page.GetByLabel("Difficulty").SelectOptionAsync("medium");
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await Expect(page.Locator("#sql-problems")).ToContainTextAsync(Problem.Title);
            await Expect(page.Locator("#sql-problems")).Not.ToContainTextAsync("hard");
            await page.GetByRole(AriaRole.Link, new() { Name = Problem.Title }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/sql/{Stickiness}\\?seed=\\d+$"));

            // Grade on seed 2, where the bank's tests prove every trap fails.
            await page.GotoAsync($"/sql/{Stickiness}?seed=2");
            await Expect(page.Locator("#seed")).ToHaveTextAsync("2");
            await Expect(page.Locator(".cm-content")).ToBeVisibleAsync();

            // Before an answer: the precision the grader wants, and no skill tag that could name the trap.
            await Expect(page.Locator("#precision")).ToContainTextAsync("within 0.0001 of the reference value");
            await Expect(page.Locator("#skills")).ToHaveCountAsync(0);
            await Expect(page.Locator("#skills-hidden")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Screenshot("sql-problem-before"), FullPage = true });

            // A syntax error, run with Ctrl+Enter from the editor: the engine's message, no verdict.
            await page.Locator(".cm-content").ClickAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("select month_start, from sessions");
            await Expect(page.Locator("#Sql")).ToHaveValueAsync("select month_start, from sessions");
            await page.Keyboard.PressAsync("Control+Enter");
            await Expect(page.Locator("#run-error")).ToContainTextAsync("syntax error (line 1, column 21)");
            await Expect(page.Locator("#verdict")).ToHaveCountAsync(0);

            // Run shows rows with a count and timing.
            await PasteQueryAsync(page, "select platform, count(*) as users from users group by platform");
            await page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
            await Expect(page.Locator("#run-summary")).ToContainTextAsync(new Regex(@"^3 rows in \d+ ms"));

            // Hints open one at a time.
            await Expect(page.GetByText(Problem.Hints[0][..30])).Not.ToBeVisibleAsync();
            await page.Locator("summary", new() { HasText = "Hint 1 of" }).ClickAsync();
            await Expect(page.GetByText(Problem.Hints[0][..30])).ToBeVisibleAsync();
            await Expect(page.GetByText(Problem.Hints[1][..30])).Not.ToBeVisibleAsync();
            await page.Locator("summary", new() { HasText = "Hint 2 of" }).ClickAsync();
            await Expect(page.GetByText(Problem.Hints[1][..30])).ToBeVisibleAsync();
            await Expect(page.Locator("#HintsSeen")).ToHaveValueAsync("2");

            // A realistic wrong answer: graded, with feedback that says what differs; no solution yet.
            await PasteQueryAsync(page, Problem.Traps[0].For("sqlite"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
            await Expect(page.Locator("#verdict h2")).ToHaveTextAsync("Not correct yet");
            await Expect(page.Locator("#feedback li").First).ToContainTextAsync(new Regex("differs|missing|unexpected|order"));
            await Expect(page.Locator("#solution")).ToHaveCountAsync(0);

            // The right answer: correct, the solution and explanation appear, the attempt is in the history.
            await PasteQueryAsync(page, Problem.ReferenceFor("sqlite"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
            await Expect(page.Locator("#verdict h2")).ToHaveTextAsync("Correct");
            await Expect(page.Locator("#solution")).ToContainTextAsync(Problem.Explanation[..30]);
            await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(2);
            await Expect(page.Locator("#skills")).ToContainTextAsync(Problem.Skills[^1]);
            await page.ScreenshotAsync(new() { Path = Screenshot("sql-problem-after"), FullPage = true });

            // New data: another seed, another dataset; the draft survives and is graded afresh.
            await page.GetByRole(AriaRole.Link, new() { Name = "New data" }).ClickAsync();
            await Expect(page.Locator("#seed")).Not.ToHaveTextAsync("2");
            await Expect(page.Locator("#Sql")).ToHaveValueAsync(Problem.ReferenceFor("sqlite"));
            var seed = await page.Locator("#seed").InnerTextAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
            await Expect(page.Locator("#verdict")).ToContainTextAsync($"Graded on seed {seed}");
            await Expect(page.Locator("#verdict h2")).ToHaveTextAsync("Correct");

            await page.GetByRole(AriaRole.Link, new() { Name = "← All SQL problems" }).ClickAsync();
            await Expect(page.Locator("#sql-progress")).ToContainTextAsync("1 of");
            Assert.Empty(browser.ConsoleErrors);
        });
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    [SkippableFact]
    public async Task Problem_page_works_as_a_plain_form_with_javascript_off()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress, javaScript: false);
        await browser.RunAsync(nameof(Problem_page_works_as_a_plain_form_with_javascript_off), async page =>
        {
            await page.GotoAsync($"/sql/{Stickiness}?seed=2");
            await Expect(page.Locator(".cm-content")).ToHaveCountAsync(0);
            await page.GetByLabel("Your query").FillAsync(Problem.ReferenceFor("sqlite"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
            await Expect(page.Locator("#verdict h2")).ToHaveTextAsync("Correct");
            await page.Locator("summary", new() { HasText = "Hint 1 of" }).ClickAsync();
            await Expect(page.GetByText(Problem.Hints[0][..30])).ToBeVisibleAsync();
        });
    }
}

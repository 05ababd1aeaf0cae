using Deque.AxeCore.Playwright;
using DsLoop.Testing;
using Microsoft.Playwright;
using Xunit;

namespace DsLoop.Web.Tests.Browser;

/// <summary>Every page a candidate reaches, in Chromium: on a phone and a laptop, with axe-core, and under the navigation.</summary>
public sealed class CandidatePagesBrowserTests(CandidatePages pages) : IClassFixture<CandidatePages>
{
    private static readonly string Screenshots = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");

    private async Task VisitAsync(IPage page, CandidatePage target)
    {
        var response = await page.GotoAsync(new Uri(target.Base, target.Path).ToString());
        Assert.True(response is { Ok: true }, $"{target.Name}: {target.Path} answered {response?.Status}");
        if (target.Prepare is not null)
        {
            await target.Prepare(page);
        }
    }

    /// <summary>Opens every page at each width (prepared, as <see cref="VisitAsync"/> does) and looks at it.</summary>
    private async Task EachPageAsync(IPage page, int[] widths, Func<CandidatePage, int, Task> look)
    {
        foreach (var width in widths)
        {
            await page.SetViewportSizeAsync(width, 844);
            foreach (var target in pages.Pages)
            {
                await VisitAsync(page, target);
                await look(target, width);
            }
        }
    }

    [SkippableFact]
    public async Task No_candidate_page_scrolls_sideways_on_a_390px_phone_or_a_1280px_laptop()
    {
        Assert.NotEmpty(pages.Pages);
        await using var browser = await BrowserSession.StartAsync(pages.Pages[0].Base);
        Directory.CreateDirectory(Screenshots);
        var wide = new List<string>();
        await browser.RunAsync(nameof(No_candidate_page_scrolls_sideways_on_a_390px_phone_or_a_1280px_laptop), page =>
            EachPageAsync(page, [390, 1280], async (target, width) =>
            {
                var scroll = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
                var viewport = await page.EvaluateAsync<int>("document.documentElement.clientWidth");
                if (scroll > viewport)
                {
                    var culprits = await page.EvaluateAsync<string[]>("w => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > w + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1)).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''))", viewport);
                    wide.Add($"{target.Name} at {width} px: {scroll} px wide ({string.Join(", ", culprits)})");
                }
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{(width == 390 ? "phone" : "laptop")}-{target.Name}.png"), FullPage = true });
            }));
        Assert.True(wide.Count == 0, "Pages wider than the screen:\n" + string.Join("\n", wide));
        Assert.True(browser.ConsoleErrors.Count == 0, "Browser console errors:\n" + string.Join("\n", browser.ConsoleErrors));
    }

    [SkippableFact]
    public async Task No_candidate_page_has_a_serious_or_critical_axe_violation()
    {
        Assert.NotEmpty(pages.Pages);
        await using var browser = await BrowserSession.StartAsync(pages.Pages[0].Base);
        var found = new List<string>();
        await browser.RunAsync(nameof(No_candidate_page_has_a_serious_or_critical_axe_violation), page =>
            EachPageAsync(page, [390, 1280], async (target, width) =>
            {
                var result = await page.RunAxe();
                foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                {
                    var where = string.Join(" | ", violation.Nodes.Take(4).Select(n => n.Target.ToString()));
                    found.Add($"{target.Name} at {width} px: {violation.Id} ({violation.Impact}, {violation.Nodes.Length} nodes): {where}");
                }
            }));
        Assert.True(found.Count == 0, $"{found.Count} serious or critical axe violations:\n" + string.Join("\n", found));
    }

    [SkippableFact]
    public async Task Navigation_marks_the_section_of_every_page_and_only_that_one()
    {
        Assert.NotEmpty(pages.Pages);
        await using var browser = await BrowserSession.StartAsync(pages.Pages[0].Base);
        var wrong = new List<string>();
        await browser.RunAsync(nameof(Navigation_marks_the_section_of_every_page_and_only_that_one), page =>
            EachPageAsync(page, [1280], async (target, _) =>
            {
                var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
                var current = await nav.Locator("a[aria-current=page]").AllInnerTextsAsync();
                var expected = target.Section is null ? [] : new[] { target.Section };
                if (!current.SequenceEqual(expected))
                {
                    wrong.Add($"{target.Name}: marked [{string.Join(", ", current)}], expected [{string.Join(", ", expected)}]");
                }
                else if (target.Section is not null)
                {
                    // The mark is visible, not only announced: the current tab is drawn unlike the others.
                    var style = "a => { const s = getComputedStyle(a); return s.color + ' ' + s.borderBottomStyle + ' ' + s.fontWeight; }";
                    var marked = await nav.Locator("a[aria-current=page]").EvaluateAsync<string>(style);
                    var other = await nav.Locator("a:not([aria-current])").First.EvaluateAsync<string>(style);
                    if (marked == other)
                    {
                        wrong.Add($"{target.Name}: the current tab looks like the others ({marked})");
                    }
                }
            }));
        Assert.True(wrong.Count == 0, "Navigation marks:\n" + string.Join("\n", wrong));
    }
}

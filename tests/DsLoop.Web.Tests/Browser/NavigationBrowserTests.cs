using DsLoop.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DsLoop.Web.Tests.Browser;

public sealed class NavigationBrowserTests
{
    private static readonly string[] MainPages = ["/", "/practice", "/sql", "/cases", "/review", "/loop", "/progress", "/readiness", "/planners"];

    [SkippableFact]
    public async Task On_a_phone_every_navigation_link_is_on_screen_and_a_skip_link_leads_to_the_content()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        await browser.RunAsync(nameof(On_a_phone_every_navigation_link_is_on_screen_and_a_skip_link_leads_to_the_content), async page =>
        {
            await page.SetViewportSizeAsync(390, 844);
            var folder = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            foreach (var path in MainPages)
            {
                await page.GotoAsync(path);
                var links = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link);
                Assert.Equal(9, await links.CountAsync());
                for (var i = 0; i < await links.CountAsync(); i++)
                {
                    var box = await links.Nth(i).BoundingBoxAsync();
                    Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390, $"{path}: link {i + 1} of the navigation is off-screen ({box?.X} + {box?.Width})");
                }
                Assert.True(await page.EvaluateAsync<int>("document.querySelector('header').scrollWidth") <= 390, $"{path}: the header is wider than the phone");
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"phone{(path == "/" ? "-home" : path.Replace('/', '-'))}.png") });
            }

            await page.GotoAsync("/practice");
            await page.Keyboard.PressAsync("Tab");
            var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to the page content" });
            await Expect(skip).ToBeFocusedAsync();
            await Expect(skip).ToBeInViewportAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("main")).ToBeFocusedAsync();
        });
        Assert.True(browser.ConsoleErrors.Count == 0, "Browser console errors:\n" + string.Join("\n", browser.ConsoleErrors));
    }
}

using DsLoop.Testing;
using Microsoft.Playwright;

namespace DsLoop.Web.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright, offline; saves a screenshot when a test fails.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    public IPage Page { get; }
    public List<string> ConsoleErrors { get; } = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
    }

    public static async Task<BrowserSession> StartAsync(Uri baseAddress, bool javaScript = true)
    {
        Requirements.Need(Requirements.MissingChromium());
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Requirements.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(playwright, browser, await context.NewPageAsync());
    }

    /// <summary>Runs the steps; on failure saves TestResults/screenshots/NAME.png and rethrows.</summary>
    public async Task RunAsync(string name, Func<IPage, Task> steps)
    {
        try
        {
            await steps(Page);
        }
        catch
        {
            var folder = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{name}.png");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Console.Error.WriteLine($"Browser test '{name}' failed; screenshot saved to {path}");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

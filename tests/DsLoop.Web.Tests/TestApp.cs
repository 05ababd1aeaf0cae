using System.Net;
using System.Text.RegularExpressions;
using DsLoop.Store;
using DsLoop.Web.App;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DsLoop.Web.Tests;

/// <summary>The real app on Kestrel, on a free loopback port, with its own temp data folder.</summary>
public sealed partial class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsFolder;

    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public IAppStore Store => _app.Services.GetRequiredService<IAppStore>();

    /// <summary>A service of the running app, such as the content bank.</summary>
    public T Services<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private TestApp(WebApplication app, string dataDirectory, bool ownsFolder)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsFolder = ownsFolder;
        BaseAddress = new Uri(app.ListeningAddresses().First());
    }

    public static async Task<TestApp> StartAsync(bool multiUser, string? dataDirectory = null, Action<WebApplication>? mapExtra = null, string? postgres = null, TimeProvider? clock = null, string? contentDirectory = null)
    {
        var folder = dataDirectory ?? Directory.CreateTempSubdirectory("dsloop-web-").FullName;
        var options = new DsLoopOptions
        {
            Urls = ["http://127.0.0.1:0"],
            MultiUserRequested = multiUser,
            Store = new StoreSettings(folder, postgres),
            ContentDirectory = contentDirectory ?? DsLoop.Testing.RepoPaths.Content,
        };
        var app = await DsLoopApp.BuildAsync(options,
            configure: clock is null ? null : builder => builder.Services.AddSingleton(clock), mapExtra: mapExtra);
        await app.StartAsync();
        return new TestApp(app, folder, dataDirectory is null);
    }

    /// <summary>A clock the test moves by hand.</summary>
    public sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = BaseAddress,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsFolder)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>GETs a page and POSTs its form with the anti-forgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string path, IDictionary<string, string> fields, string? postPath = null)
    {
        var page = await client.GetStringAsync(path);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No anti-forgery token on {path}.");
        }
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(postPath ?? path, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string name, string password = "correct horse battery") =>
        SubmitFormAsync(client, "/account/signup", new Dictionary<string, string>
        {
            ["UserName"] = name,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password) =>
        SubmitFormAsync(client, "/account/signin", new Dictionary<string, string> { ["UserName"] = name, ["Password"] = password });

    /// <summary>Answers an item and returns the new attempt's path.</summary>
    public static async Task<string> AnswerAsync(HttpClient client, string itemId, string answer)
    {
        var response = await SubmitFormAsync(client, $"/practice/{itemId}", new Dictionary<string, string> { ["Answer"] = answer, ["Seconds"] = "95" });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Answering {itemId} gave {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return response.Headers.Location!.OriginalString;
    }
}

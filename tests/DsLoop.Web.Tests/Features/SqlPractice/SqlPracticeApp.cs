using System.Net;
using System.Text.RegularExpressions;
using DsLoop.Content;
using DsLoop.Content.Sql;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Web.Tests.Features.SqlPractice;

/// <summary>One multi-user app for the SQL practice tests: datasets are generated once per seed and shared, users are not.</summary>
public sealed partial class SqlPracticeApp : IAsyncLifetime
{
    /// <summary>The seed every test grades on (one the bank tests prove every trap fails on), so its dataset is generated once.</summary>
    public const ulong Seed = 2;

    private static int s_users;

    public TestApp App { get; private set; } = null!;

    public IReadOnlyList<SqlProblem> Bank { get; } = ContentLoader.Load(RepoPaths.Content).Bank!.SqlProblems;

    public SqlProblem Problem(string id) => Bank.Single(p => p.Id == id);

    public async Task InitializeAsync() => App = await TestApp.StartAsync(multiUser: true);

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A client signed in as a new user.</summary>
    public async Task<HttpClient> NewUserAsync()
    {
        var client = App.NewClient();
        var response = await TestApp.SignUpAsync(client, $"sql-user-{Interlocked.Increment(ref s_users)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string PagePath(string id, ulong seed = Seed) => $"/sql/{id}?seed={seed}";

    /// <summary>Posts the problem page's form to a handler (Run, Submit or GiveUp) as a browser would.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string id, string handler, string sql, ulong seed = Seed, int hints = 0) =>
        TestApp.SubmitFormAsync(client, PagePath(id, seed), new Dictionary<string, string>
        {
            ["Sql"] = sql,
            ["Seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HintsSeen"] = hints.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Seconds"] = "42",
        }, $"/sql/{id}?handler={handler}");

    /// <summary>Submits and follows the redirect to the verdict; returns the page's HTML.</summary>
    public static async Task<string> SubmitAsync(HttpClient client, string id, string sql, ulong seed = Seed, string handler = "Submit")
    {
        var response = await PostAsync(client, id, handler, sql, seed);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} gave {response.StatusCode}: {Text(await response.Content.ReadAsStringAsync())}");
        return await client.GetStringAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>The section with the given id, tags stripped, for asserting on what a user reads.</summary>
    public static string Section(string html, string id)
    {
        var match = Regex.Match(html, $"<(section|p|div|ul)[^>]*id=\"{id}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        return match.Success ? Text(match.Groups[2].Value) : "";
    }

    /// <summary>What a reader sees: tags dropped, entities decoded, runs of white space made one space.</summary>
    public static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}

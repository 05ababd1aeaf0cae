using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace DsLoop.Web.Tests.App;

public sealed class WebShellTests
{
    [Fact]
    public async Task Home_page_has_navigation_and_security_headers()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var link in new[] { "href=\"/practice\"", "href=\"/loop\"", "href=\"/progress\"" })
        {
            Assert.Contains(link, html, StringComparison.Ordinal);
        }
        // Nothing points at a feature that does not exist yet.
        Assert.DoesNotContain("Hiring", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_reference_only_their_own_origin()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        foreach (var path in new[] { "/", "/practice", "/practice/onboarding-test-sample-size", "/loop", "/progress" })
        {
            var html = await client.GetStringAsync(path);
            var external = Regex.Matches(html, "(?:src|href|action)=\"(?:https?:)?//[^\"]+\"");
            Assert.True(external.Count == 0, $"{path} references {string.Join(", ", external.Select(m => m.Value))}");
        }
    }

    [Fact]
    public async Task Bundled_assets_are_served_with_immutable_caching_and_etag()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var html = await client.GetStringAsync("/");
        var scriptUrl = Regex.Match(html, "src=\"(/assets/app\\.js\\?v=[0-9a-f]+)\"").Groups[1].Value;
        Assert.NotEmpty(scriptUrl);
        var script = await client.GetAsync(scriptUrl);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.StartsWith("text/javascript", script.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("immutable", script.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("htmx", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, scriptUrl);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", script.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/missing.js")).StatusCode);
    }

    [Fact]
    public async Task Healthz_reports_engine_schema_and_content_to_the_local_user()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement;
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.Equal("sqlite", json.GetProperty("store").GetString());
        Assert.True(json.GetProperty("schemaVersion").GetInt32() >= 1);
        Assert.True(json.GetProperty("items").GetInt32() > 0);
    }

    [Fact]
    public async Task Healthz_tells_anonymous_callers_the_status_only_and_admins_the_details()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var anonymous = app.NewClient();
        var json = JsonDocument.Parse(await anonymous.GetStringAsync("/healthz")).RootElement;
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.Single(json.EnumerateObject());

        using var admin = app.NewClient();
        await TestApp.SignUpAsync(admin, "ada");
        using var candidate = app.NewClient();
        await TestApp.SignUpAsync(candidate, "eve");
        Assert.Single(JsonDocument.Parse(await candidate.GetStringAsync("/healthz")).RootElement.EnumerateObject());
        var details = JsonDocument.Parse(await admin.GetStringAsync("/healthz")).RootElement;
        Assert.Equal("sqlite", details.GetProperty("store").GetString());
        Assert.True(details.GetProperty("schemaVersion").GetInt32() >= 1);
    }

    [Fact]
    public async Task Healthz_says_only_unavailable_when_the_store_fails()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        // Break the store under the running app: the file stops being a database.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(app.DataDirectory, "dsloop.db*"))
        {
            File.WriteAllText(file, "this is not a SQLite database, and its path must not leak");
        }
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unavailable", json.GetProperty("status").GetString());
        Assert.Single(json.EnumerateObject());
        Assert.DoesNotContain("dsloop.db", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_page_gets_a_plain_404_page()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var response = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_error_shows_no_stack_trace_and_server_keeps_serving()
    {
        await using var app = await TestApp.StartAsync(multiUser: false,
            mapExtra: web => web.MapGet("/boom", string () => throw new InvalidOperationException("secret internal detail")));
        using var client = app.NewClient();
        var response = await client.GetAsync("/boom");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret internal detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at DsLoop", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Form_post_without_antiforgery_token_is_rejected_and_saves_nothing()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var response = await client.PostAsync("/practice/onboarding-test-sample-size",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Answer"] = "forged", ["Seconds"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var local = await app.Store.EnsureLocalUserAsync();
        Assert.Empty(await app.Store.ListAttemptsAsync(local.Id));
    }

    [Fact]
    public async Task Second_start_on_the_same_folder_keeps_the_data()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-restart-").FullName;
        try
        {
            string attemptPath;
            await using (var first = await TestApp.StartAsync(multiUser: false, dataDirectory: folder))
            {
                using var client = first.NewClient();
                attemptPath = await TestApp.AnswerAsync(client, "onboarding-test-sample-size", "Two full weeks at 9,500 users per arm.");
            }
            await using var second = await TestApp.StartAsync(multiUser: false, dataDirectory: folder);
            using var again = second.NewClient();
            var page = await again.GetStringAsync(attemptPath);
            Assert.Contains("Two full weeks at 9,500 users per arm.", page, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

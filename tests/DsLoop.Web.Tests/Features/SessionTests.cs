using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace DsLoop.Web.Tests.Features;

/// <summary>Sessions end on the server at sign-out, expire when idle, and their cookies are Secure over https.</summary>
public sealed partial class SessionTests
{
    [Fact]
    public async Task Cookie_saved_before_sign_out_is_refused_after_it()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        await TestApp.SignUpAsync(browser, "ada");
        var saved = handler.CookieContainer.GetCookies(app.BaseAddress)["dsloop.auth"]!.Value;

        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        replay.DefaultRequestHeaders.Add("Cookie", $"dsloop.auth={saved}");
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/progress/export.json")).StatusCode);

        await TestApp.SubmitFormAsync(browser, "/account/signout", new Dictionary<string, string>());
        Assert.NotEqual(HttpStatusCode.OK, (await replay.GetAsync("/progress/export.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync("/practice")).StatusCode);

        // Signing in again starts a new session that works.
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(browser, "ada", "correct horse battery")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/progress/export.json")).StatusCode);
    }

    [Fact]
    public async Task Session_ends_after_eight_idle_hours()
    {
        var clock = new TestApp.ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(multiUser: true, clock: clock);
        using var client = app.NewClient();
        await TestApp.SignUpAsync(client, "ada");
        clock.Now += TimeSpan.FromHours(7);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practice")).StatusCode);
        clock.Now += TimeSpan.FromHours(8.5);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/practice")).StatusCode);
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData(null, false)]
    public async Task Session_cookie_is_Secure_exactly_when_the_client_used_https_even_behind_a_proxy(string? forwardedProto, bool secure)
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        if (forwardedProto is not null)
        {
            // The test server sits on loopback, where a TLS-terminating proxy is trusted by default.
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }
        var form = await client.GetAsync("/account/signup");
        var csrf = Cookie(form, "dsloop.csrf");
        Assert.Equal(secure, csrf.Contains("secure", StringComparison.OrdinalIgnoreCase));
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signup")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "ada",
                ["Password"] = "correct horse battery",
                ["ConfirmPassword"] = "correct horse battery",
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", csrf.Split(';')[0]);
        var signedUp = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        var auth = Cookie(signedUp, "dsloop.auth");
        Assert.Equal(secure, auth.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

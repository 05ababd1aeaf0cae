using System.Net;
using System.Text.RegularExpressions;
using DsLoop.Core;
using Xunit;

namespace DsLoop.Web.Tests.Features;

public sealed class AccountTests
{
    [Fact]
    public async Task Local_mode_needs_no_sign_in()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practice")).StatusCode);
        var signup = await client.GetAsync("/account/signup");
        Assert.Equal(HttpStatusCode.Redirect, signup.StatusCode);
        Assert.Equal("/", signup.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Multi_user_mode_sends_anonymous_visitors_to_sign_in()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        foreach (var path in new[] { "/practice", "/progress", "/loop" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sign_up_signs_in_makes_the_first_user_admin_and_hashes_the_password()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var ada = app.NewClient();
        using var eve = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignUpAsync(ada, "ada")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignUpAsync(eve, "eve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync("/practice")).StatusCode);

        var adaUser = (await app.Store.FindUserByNameAsync("ada"))!;
        Assert.Equal(UserRole.Admin, adaUser.Role);
        Assert.Equal(UserRole.Candidate, (await app.Store.FindUserByNameAsync("eve"))!.Role);
        Assert.DoesNotContain("correct horse battery", adaUser.PasswordHash, StringComparison.Ordinal);
        Assert.True(adaUser.PasswordHash.Length > 40);
    }

    [Fact]
    public async Task Sign_up_rejects_taken_names_short_passwords_and_mismatches()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var client = app.NewClient();
        await TestApp.SignUpAsync(client, "ada");
        using var other = app.NewClient();
        var taken = await (await TestApp.SignUpAsync(other, "ADA")).Content.ReadAsStringAsync();
        Assert.Contains("That user name is taken.", taken, StringComparison.Ordinal);
        var shortPassword = await (await TestApp.SignUpAsync(other, "grace", "short")).Content.ReadAsStringAsync();
        Assert.Contains("at least 10 characters", shortPassword, StringComparison.Ordinal);
        var mismatch = await (await TestApp.SubmitFormAsync(other, "/account/signup", new Dictionary<string, string>
        {
            ["UserName"] = "grace",
            ["Password"] = "long enough password",
            ["ConfirmPassword"] = "different password",
        })).Content.ReadAsStringAsync();
        Assert.Contains("The two passwords differ.", mismatch, StringComparison.Ordinal);
        Assert.Equal(1, await app.Store.CountUsersAsync());
    }

    [Fact]
    public async Task Sign_out_then_sign_in_again()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var client = app.NewClient();
        await TestApp.SignUpAsync(client, "ada");
        await TestApp.SubmitFormAsync(client, "/account/signout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/practice")).StatusCode);
        var signIn = await TestApp.SignInAsync(client, "ada", "correct horse battery");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practice")).StatusCode);
    }

    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(HttpStatusCode Status, string Problem)> TryAsync(HttpClient client, string name, string password)
    {
        var response = await TestApp.SignInAsync(client, name, password);
        var problem = Regex.Match(await response.Content.ReadAsStringAsync(), "role=\"alert\">([^<]*)<").Groups[1].Value;
        return (response.StatusCode, problem);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_name_get_the_same_answers_try_after_try()
    {
        await using var app = await TestApp.StartAsync(multiUser: true, clock: new TestApp.ManualClock(T0));
        using (var setup = app.NewClient())
        {
            await TestApp.SignUpAsync(setup, "ada");
        }
        using var guesser = app.NewClient();
        var real = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 8; i++)
        {
            real.Add(await TryAsync(guesser, "ada", $"guess number {i}"));
            unknown.Add(await TryAsync(guesser, "nobody", $"guess number {i}"));
        }
        Assert.Equal(real, unknown);
        Assert.Equal((HttpStatusCode.Unauthorized, "Wrong user name or password."), real[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, real[^1].Item1);
        Assert.DoesNotContain("locked", real[^1].Item2, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_name_takes_about_as_long_as_a_wrong_password()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using (var setup = app.NewClient())
        {
            await TestApp.SignUpAsync(setup, "ada");
        }
        using var client = app.NewClient();
        await TestApp.SignInAsync(client, "warm-up", "whatever password");
        var real = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            // A fresh source each time keeps both series clear of the throttle, which answers without hashing.
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            real.Add(await TimeAsync(() => TestApp.SignInAsync(client, "ada", $"guess number {i}")));
            unknown.Add(await TimeAsync(() => TestApp.SignInAsync(client, $"nobody-{i}", $"guess number {i}")));
        }
        var ratio = Median(unknown) / Median(real);
        Assert.True(ratio is > 0.5 and < 2, $"unknown name {Median(unknown):0} ms, wrong password {Median(real):0} ms");
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> signIn)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Unauthorized, (await signIn()).StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    [Fact]
    public async Task Guesses_from_one_address_never_keep_the_owner_out_from_another()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using (var setup = app.NewClient())
        {
            await TestApp.SignUpAsync(setup, "ada");
        }
        using var attacker = app.NewClient();
        attacker.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        for (var i = 0; i < 10; i++)
        {
            await TestApp.SignInAsync(attacker, "ada", $"guess number {i}");
        }
        // Still throttled, the guesser's right password is not even checked.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TestApp.SignInAsync(attacker, "ada", "correct horse battery")).StatusCode);

        using var owner = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(owner, "ada", "correct horse battery")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/practice")).StatusCode);
    }

    [Fact]
    public async Task The_delay_grows_with_each_failure_and_the_right_password_works_once_it_has_passed()
    {
        var clock = new TestApp.ManualClock(T0);
        await using var app = await TestApp.StartAsync(multiUser: true, clock: clock);
        using (var setup = app.NewClient())
        {
            await TestApp.SignUpAsync(setup, "ada");
        }
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TestApp.SignInAsync(client, "ada", $"guess number {i}")).StatusCode);
        }
        var sixth = await TestApp.SignInAsync(client, "ada", "guess number 6");
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("1", sixth.Headers.GetValues("Retry-After").Single());
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal("2", (await TestApp.SignInAsync(client, "ada", "guess number 7")).Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TestApp.SignInAsync(client, "ada", "correct horse battery")).StatusCode);
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(client, "ada", "correct horse battery")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_never_redirects_off_site()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var client = app.NewClient();
        await TestApp.SignUpAsync(client, "ada");
        await TestApp.SubmitFormAsync(client, "/account/signout", new Dictionary<string, string>());
        var response = await TestApp.SubmitFormAsync(client, "/account/signin?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["UserName"] = "ada", ["Password"] = "correct horse battery", ["ReturnUrl"] = "https://evil.example/" });
        Assert.Equal("/practice", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Every_post_form_on_every_page_carries_an_antiforgery_token()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var client = app.NewClient();
        var anonymousPages = new[] { "/", "/account/signin", "/account/signup" };
        var signedInPages = new[] { "/", "/practice", "/practice/onboarding-test-sample-size", "/progress", "/loop", "/account/signout" };
        var checkedForms = 0;
        foreach (var path in anonymousPages)
        {
            checkedForms += AssertFormsHaveTokens(path, await client.GetStringAsync(path));
        }
        await TestApp.SignUpAsync(client, "ada");
        foreach (var path in signedInPages)
        {
            checkedForms += AssertFormsHaveTokens(path, await client.GetStringAsync(path));
        }
        Assert.True(checkedForms >= 8, $"only {checkedForms} post forms were found");
    }

    private static int AssertFormsHaveTokens(string path, string html)
    {
        var forms = System.Text.RegularExpressions.Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>(.*?)</form>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        foreach (System.Text.RegularExpressions.Match form in forms)
        {
            Assert.True(form.Groups[1].Value.Contains("__RequestVerificationToken", StringComparison.Ordinal),
                $"a post form on {path} has no anti-forgery token: {form.Value[..Math.Min(120, form.Value.Length)]}");
        }
        return forms.Count;
    }
}

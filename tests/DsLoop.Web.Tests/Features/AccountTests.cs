using System.Net;
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

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using (var setup = app.NewClient())
        {
            await TestApp.SignUpAsync(setup, "ada");
        }
        using var attacker = app.NewClient();
        for (var i = 0; i < 4; i++)
        {
            var wrong = await TestApp.SignInAsync(attacker, "ada", $"guess number {i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("Wrong user name or password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var fifth = await TestApp.SignInAsync(attacker, "ada", "guess number 5");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        var right = await TestApp.SignInAsync(attacker, "ada", "correct horse battery");
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("locked until", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.GetAsync("/practice")).StatusCode);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var client = app.NewClient();
        await TestApp.SignUpAsync(client, "ada");
        using var other = app.NewClient();
        var unknown = await (await TestApp.SignInAsync(other, "nobody", "whatever password")).Content.ReadAsStringAsync();
        Assert.Contains("Wrong user name or password.", unknown, StringComparison.Ordinal);
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

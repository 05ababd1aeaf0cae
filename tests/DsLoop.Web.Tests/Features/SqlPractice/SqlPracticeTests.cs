using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using DsLoop.Core;
using Xunit;

namespace DsLoop.Web.Tests.Features.SqlPractice;

public sealed class SqlPracticeTests(SqlPracticeApp fixture) : IClassFixture<SqlPracticeApp>
{
    private const string Stickiness = "ret-dau-mau-stickiness";

    [Fact]
    public async Task List_shows_the_whole_bank_and_filters_by_difficulty_skill_and_status()
    {
        using var client = await fixture.NewUserAsync();
        var all = SqlPracticeApp.Text(await client.GetStringAsync("/sql"));
        Assert.Contains($"{fixture.Bank.Count} of {fixture.Bank.Count} problems.", all, StringComparison.Ordinal);
        Assert.Contains("0 of " + fixture.Bank.Count + " solved", SqlPracticeApp.Text(all), StringComparison.Ordinal);
        var hard = await client.GetStringAsync("/sql?difficulty=hard");
        Assert.Contains($"{fixture.Bank.Count(p => p.Difficulty == DsLoop.Content.Sql.Difficulty.Hard)} of {fixture.Bank.Count} problems.", hard, StringComparison.Ordinal);
        var retention = await client.GetStringAsync("/sql?skill=retention");
        Assert.Contains($"{fixture.Bank.Count(p => p.Skills.Contains("retention"))} of {fixture.Bank.Count} problems.", retention, StringComparison.Ordinal);

        await SqlPracticeApp.SubmitAsync(client, Stickiness, fixture.Problem(Stickiness).ReferenceFor("sqlite"));
        await SqlPracticeApp.SubmitAsync(client, "rev-monthly-revenue", "select 1 as month");
        var solved = await client.GetStringAsync("/sql?status=solved");
        Assert.Contains($"1 of {fixture.Bank.Count} problems.", solved, StringComparison.Ordinal);
        Assert.Contains($"href=\"/sql/{Stickiness}\"", solved, StringComparison.Ordinal);
        var attempted = await client.GetStringAsync("/sql?status=attempted");
        Assert.Contains("href=\"/sql/rev-monthly-revenue\"", attempted, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/sql/{Stickiness}\"", attempted, StringComparison.Ordinal);
        var summary = SqlPracticeApp.Text(await client.GetStringAsync("/sql"));
        Assert.Contains($"1 of {fixture.Bank.Count} solved", summary, StringComparison.Ordinal);
        Assert.Contains("Submissions passing: 1 of 2 (50%)", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_visit_gets_fresh_data_and_a_reload_keeps_the_seed_of_the_last_attempt()
    {
        using var client = await fixture.NewUserAsync();
        var first = await client.GetAsync($"/sql/{Stickiness}");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Matches($"^/sql/{Stickiness}\\?seed=\\d+$", first.Headers.Location!.OriginalString);

        await SqlPracticeApp.SubmitAsync(client, Stickiness, "select 1 as x", seed: 3);
        var again = await client.GetAsync($"/sql/{Stickiness}");
        Assert.Equal($"/sql/{Stickiness}?seed=3", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Reference_answer_is_correct_and_unlocks_the_solution_which_is_hidden_before()
    {
        var problem = fixture.Problem(Stickiness);
        using var client = await fixture.NewUserAsync();
        var before = WebUtility.HtmlDecode(await client.GetStringAsync(SqlPracticeApp.PagePath(Stickiness)));
        Assert.Contains("avg_dau, mau, stickiness", before, StringComparison.Ordinal);
        Assert.DoesNotContain("monthly_dau", before, StringComparison.Ordinal);
        Assert.DoesNotContain(problem.Explanation[..40], before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"solution\"", before, StringComparison.Ordinal);

        var page = await SqlPracticeApp.SubmitAsync(client, Stickiness, problem.ReferenceFor("sqlite"));
        Assert.StartsWith("Correct", SqlPracticeApp.Section(page, "verdict"), StringComparison.Ordinal);
        Assert.Contains("3 rows match the reference", SqlPracticeApp.Section(page, "verdict"), StringComparison.Ordinal);
        Assert.Contains("monthly_dau", SqlPracticeApp.Section(page, "solution"), StringComparison.Ordinal);
        Assert.Contains(problem.Traps[0].Name, SqlPracticeApp.Text(page), StringComparison.Ordinal);
        Assert.Contains("id=\"solved-badge\"", page, StringComparison.Ordinal);

        var user = await fixture.App.Store.FindUserByNameAsync(await UserNameAsync(client));
        var attempt = Assert.Single(await fixture.App.Store.ListAttemptsAsync(user!.Id, Stickiness));
        Assert.Equal(AttemptKind.Sql, attempt.Kind);
        Assert.Equal(1.0, attempt.Score);
        Assert.Contains("\"seed\":2", attempt.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_trap_of_a_problem_is_rejected_with_feedback_that_names_the_difference()
    {
        var problem = fixture.Problem(Stickiness);
        using var client = await fixture.NewUserAsync();
        foreach (var trap in problem.Traps)
        {
            var page = await SqlPracticeApp.SubmitAsync(client, Stickiness, trap.For("sqlite"));
            var verdict = SqlPracticeApp.Section(page, "verdict");
            Assert.StartsWith("Not correct yet", verdict, StringComparison.Ordinal);
            Assert.Matches("(column `\\w+` differs|rows? missing|unexpected row|wrong order)", SqlPracticeApp.Section(page, "feedback"));
            Assert.DoesNotContain("id=\"solution\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Wrong_columns_syntax_errors_and_writes_get_clear_messages_and_change_nothing()
    {
        using var client = await fixture.NewUserAsync();
        var columns = await SqlPracticeApp.SubmitAsync(client, Stickiness, "select platform, count(*) as n from users group by platform");
        Assert.Contains("expected columns (month_start, avg_dau, mau, stickiness), got (platform, n)", SqlPracticeApp.Section(columns, "feedback"), StringComparison.Ordinal);

        var syntax = await SqlPracticeApp.SubmitAsync(client, Stickiness, "select month_start, from sessions");
        Assert.StartsWith("Your query did not run", SqlPracticeApp.Section(syntax, "verdict"), StringComparison.Ordinal);
        Assert.Contains("syntax error (line 1, column 21)", SqlPracticeApp.Section(syntax, "feedback"), StringComparison.Ordinal);

        var write = await SqlPracticeApp.PostAsync(client, Stickiness, "Run", "delete from users");
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.NotEmpty(SqlPracticeApp.Section(await write.Content.ReadAsStringAsync(), "run-error"));
        var count = await SqlPracticeApp.PostAsync(client, Stickiness, "Run", "select count(*) as n from users");
        Assert.Contains("1 row in", SqlPracticeApp.Section(await count.Content.ReadAsStringAsync(), "run-summary"), StringComparison.Ordinal);
        Assert.Contains(">2000<", await count.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_form_input_is_named_and_records_no_attempt()
    {
        using var client = await fixture.NewUserAsync();
        var empty = await SqlPracticeApp.PostAsync(client, Stickiness, "Submit", "   ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("the editor is empty", SqlPracticeApp.Section(await empty.Content.ReadAsStringAsync(), "error"), StringComparison.Ordinal);
        var huge = await SqlPracticeApp.PostAsync(client, Stickiness, "Submit", "select 1 -- " + new string('x', 25_000));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("the limit is 20,000", SqlPracticeApp.Section(await huge.Content.ReadAsStringAsync(), "error"), StringComparison.Ordinal);
        var seed = await client.GetAsync($"/sql/{Stickiness}?seed=-5");
        Assert.Equal(HttpStatusCode.BadRequest, seed.StatusCode);
        Assert.Contains("The seed '-5' is not a whole number", WebUtility.HtmlDecode(await seed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sql/no-such-problem?seed=2")).StatusCode);

        var user = await fixture.App.Store.FindUserByNameAsync(await UserNameAsync(client));
        Assert.Empty(await fixture.App.Store.ListAttemptsAsync(user!.Id));
    }

    [Fact]
    public async Task Run_shows_the_first_hundred_rows_with_the_full_count_and_no_verdict()
    {
        using var client = await fixture.NewUserAsync();
        var response = await SqlPracticeApp.PostAsync(client, Stickiness, "Run", "select user_id, platform from users order by user_id");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("2,000 rows in", SqlPracticeApp.Section(html, "run-summary"), StringComparison.Ordinal);
        Assert.Contains("showing the first 100", SqlPracticeApp.Section(html, "run-summary"), StringComparison.Ordinal);
        Assert.Equal(101, html.Split("<tr>").Length - 1 - CountTableRowsOutsideResult(html));
        Assert.DoesNotContain("id=\"verdict\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skill_tags_stay_hidden_on_the_problem_and_the_list_until_the_problem_is_solved_or_given_up()
    {
        const string Dau = "daily-active-users";
        using var client = await fixture.NewUserAsync();
        static string Row(string list, string id) => Regex.Match(list, $"<tr data-problem=\"{id}\">.*?</tr>", RegexOptions.Singleline).Value;
        static string Tags(string page) => Regex.Match(page, "<span id=\"skills\">.*?</span>", RegexOptions.Singleline).Value;

        var before = await client.GetStringAsync(SqlPracticeApp.PagePath(Dau));
        Assert.DoesNotContain("href=\"/sql?skill=test-accounts\"", before, StringComparison.Ordinal);
        Assert.Contains("Skill tags appear once you solve the problem or give up", SqlPracticeApp.Text(before), StringComparison.Ordinal);
        var list = await client.GetStringAsync("/sql");
        Assert.DoesNotContain("?skill=", Row(list, Dau), StringComparison.Ordinal);
        Assert.DoesNotContain("?skill=", Row(list, Stickiness), StringComparison.Ordinal);

        // A wrong answer reveals nothing; giving up on one problem and solving another reveal each one's tags only.
        await SqlPracticeApp.SubmitAsync(client, Dau, "select 1 as day, 2 as dau");
        Assert.DoesNotContain("?skill=", Row(await client.GetStringAsync("/sql"), Dau), StringComparison.Ordinal);
        var gaveUp = await SqlPracticeApp.SubmitAsync(client, Dau, "", handler: "GiveUp");
        Assert.Contains("href=\"/sql?skill=test-accounts\"", Tags(gaveUp), StringComparison.Ordinal);
        list = await client.GetStringAsync("/sql");
        Assert.Contains("href=\"/sql?skill=test-accounts\"", Row(list, Dau), StringComparison.Ordinal);
        Assert.DoesNotContain("?skill=", Row(list, Stickiness), StringComparison.Ordinal);
        var solved = await SqlPracticeApp.SubmitAsync(client, Stickiness, fixture.Problem(Stickiness).ReferenceFor("sqlite"));
        Assert.Contains("href=\"/sql?skill=integer-division\"", Tags(solved), StringComparison.Ordinal);
        Assert.Contains("href=\"/sql?skill=integer-division\"", Row(await client.GetStringAsync("/sql"), Stickiness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_with_non_integer_results_states_the_tolerance_its_grading_applies()
    {
        using var client = await fixture.NewUserAsync();
        var ratio = await client.GetStringAsync(SqlPracticeApp.PagePath(Stickiness));
        Assert.Equal("Precision. " + fixture.Problem(Stickiness).Spec.ToleranceStatement(), SqlPracticeApp.Section(ratio, "precision"));
        Assert.Contains("within 0.0001 of the reference value", SqlPracticeApp.Text(ratio), StringComparison.Ordinal);
        var counts = await client.GetStringAsync(SqlPracticeApp.PagePath("daily-active-users"));
        Assert.DoesNotContain("id=\"precision\"", counts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Giving_up_shows_the_solution_and_counts_as_unsolved()
    {
        using var client = await fixture.NewUserAsync();
        var page = await SqlPracticeApp.SubmitAsync(client, Stickiness, "", handler: "GiveUp");
        Assert.StartsWith("Solution shown", SqlPracticeApp.Section(page, "verdict"), StringComparison.Ordinal);
        Assert.Contains("monthly_dau", SqlPracticeApp.Section(page, "solution"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"solved-badge\"", page, StringComparison.Ordinal);
        Assert.Contains("0 of " + fixture.Bank.Count + " solved", SqlPracticeApp.Text(await client.GetStringAsync("/sql")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_user_cannot_open_my_attempt_and_anonymous_users_are_sent_to_sign_in()
    {
        using var mine = await fixture.NewUserAsync();
        var page = await SqlPracticeApp.PostAsync(mine, Stickiness, "Submit", "select 1 as secret_marker_column");
        var path = page.Headers.Location!.OriginalString;
        using var theirs = await fixture.NewUserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(path)).StatusCode);
        using var anonymous = fixture.App.NewClient();
        var redirect = await anonymous.GetAsync(SqlPracticeApp.PagePath(Stickiness));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/account/signin", redirect.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/sql/datasets/2.zip")).StatusCode);
    }

    [Fact]
    public async Task Posting_without_the_anti_forgery_token_is_refused()
    {
        using var client = await fixture.NewUserAsync();
        var response = await client.PostAsync($"/sql/{Stickiness}?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Sql"] = "select 1",
            ["Seed"] = "2",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Dataset_download_is_a_zip_of_one_csv_per_table_with_the_rows_the_grader_uses()
    {
        using var client = await fixture.NewUserAsync();
        var response = await client.GetAsync("/sql/datasets/2.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"dsloop-tiny-2.zip\"", response.Content.Headers.ContentDisposition?.ToString());
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.Name == "SCHEMA.md");
        var users = zip.Entries.Single(e => e.Name == "users.csv");
        using var reader = new StreamReader(users.Open());
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("user_id,signup_at,", lines[0], StringComparison.Ordinal);
        Assert.Equal(2000, lines.Length - 1);
        Assert.Equal(13, zip.Entries.Count(e => e.Name.EndsWith(".csv", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/sql/datasets/abc.zip")).StatusCode);
    }

    private static int CountTableRowsOutsideResult(string html)
    {
        var result = html.IndexOf("class=\"compact result\"", StringComparison.Ordinal);
        var end = html.IndexOf("</table>", result, StringComparison.Ordinal);
        return html.Split("<tr>").Length - 1 - (html[result..end].Split("<tr>").Length - 1);
    }

    private static async Task<string> UserNameAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/sql");
        return System.Text.RegularExpressions.Regex.Match(html, "<span>(sql-user-\\d+)</span>").Groups[1].Value;
    }
}

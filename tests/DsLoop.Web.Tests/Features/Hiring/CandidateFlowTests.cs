using System.Net;
using DsLoop.App.Hiring;
using DsLoop.Content;
using DsLoop.Core.Hiring;
using Xunit;

namespace DsLoop.Web.Tests.Features.Hiring;

/// <summary>The candidate's side on a clock the test moves: the link, the session, the timed screen, and what the pages never show.</summary>
public sealed class CandidateFlowTests : IAsyncLifetime
{
    private readonly TestApp.ManualClock _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private TestApp _app = null!;
    private HttpClient _recruiter = null!;
    private HiringMember _member = null!;
    private Position _position = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(multiUser: true, clock: _clock);
        _recruiter = _app.NewClient();
        await TestApp.SignUpAsync(_recruiter, "ada");
        var user = (await _app.Store.FindUserByNameAsync("ada"))!;
        var workspace = (await _app.Services<WorkspaceService>().CreateAsync(user, "Growth")).Value!;
        _member = (await _app.Services<HiringAccess>().MemberAsync(workspace.Id, user.Id))!;
        _position = (await _app.Services<PositionService>().CreateAsync(_member, new PositionForm
        {
            Title = "Senior DS",
            Level = "senior",
            Variant = "consumer",
            LoopTemplate = "senior-consumer",
            SqlProblems = "daily-active-users, dq-bot-impact-by-platform",
            SqlMinutes = "30",
            TakeHome = "kpi-drop",
            TakeHomeHours = "3",
        })).Value!;
    }

    public async Task DisposeAsync()
    {
        _recruiter.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<IssuedInvitation> InviteAsync(string exercise = "sql-screen") =>
        (await _app.Services<InvitationService>().InviteAsync(_member, _position.Id, "Cleo Candidate", "cleo@example.com", exercise)).Value!;

    private async Task<HttpClient> OpenAsync(IssuedInvitation issued)
    {
        var candidate = _app.NewClient();
        var opened = await TestApp.SubmitFormAsync(candidate, issued.Path, new Dictionary<string, string>());
        Assert.Equal("/candidate", opened.Headers.Location?.OriginalString);
        return candidate;
    }

    private readonly Dictionary<HttpClient, string> _tokens = [];

    /// <summary>
    /// POSTs to a handler of the candidate page with the client's anti-forgery token, read from the page the first time
    /// (a closed screen's page has no form left, but the token stays valid for the session).
    /// </summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient candidate, string handler, Dictionary<string, string>? fields = null)
    {
        if (!_tokens.TryGetValue(candidate, out var token))
        {
            var match = System.Text.RegularExpressions.Regex.Match(await candidate.GetStringAsync("/candidate"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
            Assert.True(match.Success, "no anti-forgery token on /candidate");
            token = _tokens[candidate] = WebUtility.HtmlDecode(match.Groups[1].Value);
        }
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token };
        return await candidate.PostAsync($"/candidate?handler={handler}", new FormUrlEncodedContent(form));
    }

    private string Reference(string problemId) => _app.Services<ContentBank>().SqlProblemsById[problemId].ReferenceFor("sqlite");

    [Fact]
    public async Task Invitation_pages_send_no_referrer_are_not_cached_and_looking_does_not_use_the_link()
    {
        var issued = await InviteAsync();
        using var client = _app.NewClient();
        for (var i = 0; i < 2; i++)
        {
            using var look = await client.GetAsync(issued.Path);
            Assert.Equal(HttpStatusCode.OK, look.StatusCode);
            Assert.Equal("no-referrer", look.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("no-store", look.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }
        var candidate = await OpenAsync(issued);
        using var page = await candidate.GetAsync("/candidate");
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Reused_tampered_revoked_and_expired_links_are_refused()
    {
        var used = await InviteAsync();
        await OpenAsync(used);
        var tampered = await InviteAsync();
        var revoked = await InviteAsync();
        await _app.Services<InvitationService>().RevokeAsync(_member, revoked.Invitation.Id);
        var expired = await InviteAsync();
        using var client = _app.NewClient();

        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(used.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(tampered.Path[..^1] + (tampered.Path[^1] == 'A' ? 'B' : 'A'))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(InvitationService.LinkPath(tampered.Invitation.WorkspaceId, tampered.Invitation.Id, used.Token))).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(revoked.Path)).StatusCode);
        _clock.Now += TimeSpan.FromDays(7);
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(expired.Path)).StatusCode);
        // Refused links give no session.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/candidate")).StatusCode);
        var audit = (await _app.Store.Hiring.ListAuditPageAsync(_member.WorkspaceId, null, 100)).Items;
        Assert.Contains(audit, a => a.Action == AuditAction.InvitationExpired && a.Subject == expired.Invitation.Id);
    }

    [Fact]
    public async Task Revoking_an_opened_invitation_ends_the_candidates_session()
    {
        var issued = await InviteAsync();
        var candidate = await OpenAsync(issued);
        Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync("/candidate")).StatusCode);
        await _app.Services<InvitationService>().RevokeAsync(_member, issued.Invitation.Id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await candidate.GetAsync("/candidate")).StatusCode);
    }

    [Fact]
    public async Task The_candidate_reads_the_time_and_criteria_before_the_clock_starts()
    {
        var candidate = await OpenAsync(await InviteAsync());
        var page = await candidate.GetStringAsync("/candidate");
        Assert.Contains("30 minutes for 2 problem(s)", page, StringComparison.Ordinal);
        Assert.Contains("How it is evaluated", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-countdown", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_the_deadline_the_saved_answers_are_scored_and_nothing_more_is_saved()
    {
        var issued = await InviteAsync();
        var candidate = await OpenAsync(issued);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(candidate, "Start")).StatusCode);
        var save = await PostAsync(candidate, "Save", new() { ["Problem"] = "daily-active-users", ["Sql"] = Reference("daily-active-users") });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        _clock.Now += TimeSpan.FromMinutes(30);

        var late = await PostAsync(candidate, "Save", new() { ["Problem"] = "dq-bot-impact-by-platform", ["Sql"] = "select 1" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("id=\"confirmation\"", await candidate.GetStringAsync("/candidate"), StringComparison.Ordinal);
        var scored = (await _app.Store.Hiring.GetInvitationAsync(_member.WorkspaceId, issued.Invitation.Id))!;
        Assert.Equal(0.5, scored.Score);
        var answers = await _app.Store.Hiring.ListAnswersAsync(_member.WorkspaceId, issued.Invitation.Id);
        Assert.Equal([("daily-active-users", "correct")], answers.Select(a => (a.ProblemId, a.Verdict!)));
        var audit = (await _app.Store.Hiring.ListAuditPageAsync(_member.WorkspaceId, null, 100)).Items;
        Assert.Contains(audit, a => a.Action == AuditAction.ExerciseScored && a.Actor == AuditEntry.System && a.Subject == issued.Invitation.Id);
        var team = await _recruiter.GetStringAsync($"/hiring/{_member.WorkspaceId}/positions/{_position.Id}");
        Assert.Contains("daily-active-users: correct", team, StringComparison.Ordinal);
        Assert.Contains("dq-bot-impact-by-platform: not answered", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_problems_form_autosaves_with_its_own_anti_forgery_token()
    {
        var issued = await InviteAsync();
        var candidate = await OpenAsync(issued);
        await PostAsync(candidate, "Start");
        var page = await candidate.GetStringAsync("/candidate");
        var section = System.Text.RegularExpressions.Regex.Match(page, "id=\"problem-1\".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("hx-post=\"/candidate?handler=Save\"", section, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(section, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "the problem's form carries no anti-forgery token, so htmx autosave would be refused");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/candidate?handler=Save")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
                ["Problem"] = "daily-active-users",
                ["Sql"] = "select 42 as autosaved",
            }),
        };
        request.Headers.Add("HX-Request", "true");
        using var saved = await candidate.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.StartsWith("Saved at ", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("select 42 as autosaved", (await _app.Store.Hiring.ListAnswersAsync(_member.WorkspaceId, issued.Invitation.Id)).Single().Sql);
        Assert.DoesNotContain("Sign out", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_needs_the_confirmation_and_then_closes_the_screen()
    {
        var candidate = await OpenAsync(await InviteAsync());
        await PostAsync(candidate, "Start");
        var unconfirmed = await PostAsync(candidate, "Submit");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Confirm: tick the box", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(candidate, "Submit", new() { ["Confirm"] = "true" })).StatusCode);
        Assert.Contains("id=\"confirmation\"", await candidate.GetStringAsync("/candidate"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(candidate, "Save", new() { ["Problem"] = "daily-active-users", ["Sql"] = "select 1" })).StatusCode);
    }

    [Fact]
    public async Task The_candidates_pages_contain_neither_the_seed_nor_the_secret_nor_a_solution()
    {
        var secretBytes = await File.ReadAllBytesAsync(Path.Combine(_app.DataDirectory, HiringSecret.FileName));
        var secret = _app.Services<HiringSecret>();
        var screen = await InviteAsync();
        var takeHome = await InviteAsync("take-home");
        var candidate = await OpenAsync(screen);
        await PostAsync(candidate, "Start");
        var run = await PostAsync(candidate, "Run", new() { ["Problem"] = "daily-active-users", ["Sql"] = "select count(*) as n from users" });
        var pages = new List<string> { await run.Content.ReadAsStringAsync(), await candidate.GetStringAsync("/candidate") };
        var takeHomeClient = await OpenAsync(takeHome);
        pages.Add(await takeHomeClient.GetStringAsync("/candidate"));
        pages.Add(await _app.NewClient().GetStringAsync((await InviteAsync()).Path));

        var forbidden = new[]
        {
            secret.DatasetSeed(screen.Invitation.Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            secret.CaseSeed(takeHome.Invitation.Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            secret.CaseFor(takeHome.Invitation.Id, TakeHomeCase.KpiDrop).ToString(),
            Convert.ToHexStringLower(secretBytes),
            Convert.ToHexString(secretBytes),
            Convert.ToBase64String(secretBytes),
            screen.Invitation.TokenHash,
            Reference("daily-active-users").Trim()[..40],
        };
        foreach (var page in pages)
        {
            foreach (var value in forbidden)
            {
                Assert.DoesNotContain(value, page, StringComparison.Ordinal);
            }
        }
        Assert.Contains("2000", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weights_that_do_not_add_up_are_refused_with_400_naming_the_field_and_the_app_keeps_serving()
    {
        var fields = HiringApp.PositionFields();
        fields["Weights.problem-framing"] = "25";
        fields["Weights.statistics-experimentation"] = "20";
        fields["Weights.modeling-evaluation"] = "20";
        fields["Weights.data-fluency"] = "15";
        fields["Weights.production-mindset"] = "10";
        fields["Weights.communication"] = "10";
        fields["Weights.senior-leadership"] = "5";
        var refused = await TestApp.SubmitFormAsync(_recruiter, $"/hiring/{_member.WorkspaceId}/positions/new", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Weights: the weights add up to 105%, not 100%.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Single(await _app.Store.Hiring.ListPositionsAsync(_member.WorkspaceId));
        fields["Weights.senior-leadership"] = "0";
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SubmitFormAsync(_recruiter, $"/hiring/{_member.WorkspaceId}/positions/new", fields)).StatusCode);
    }
}

public sealed class HiringSecretStartupTests
{
    [Fact]
    public async Task A_damaged_hiring_secret_stops_start_up_in_one_line_and_is_left_as_it_was()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-web-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, HiringSecret.FileName), [1, 2, 3]);
            var e = await Assert.ThrowsAsync<DsLoop.App.Hosting.StartupException>(() => TestApp.StartAsync(multiUser: true, dataDirectory: folder));
            Assert.Contains("hiring secret", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
            Assert.Equal(3, new FileInfo(Path.Combine(folder, HiringSecret.FileName)).Length);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class HiringLocalModeTests
{
    [Fact]
    public async Task In_local_mode_links_do_not_open_and_the_candidate_page_answers_401_not_an_error()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/join/w/i/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/candidate")).StatusCode);
    }
}

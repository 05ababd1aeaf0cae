using System.Net;
using Xunit;
using static DsLoop.Web.Tests.Features.Hiring.HiringApp;

namespace DsLoop.Web.Tests.Features.Hiring;

/// <summary>
/// Every hiring endpoint called as each role of the workspace, as a member of another workspace, anonymously and as a
/// candidate: allowed, or refused with 403 (a member whose role does not allow it), 404 (not a member: the workspace
/// does not exist for them), a sign-in redirect (no account) or 401 (no candidate session).
/// </summary>
public sealed class HiringRoleMatrixTests(HiringApp hiring) : IClassFixture<HiringApp>
{
    private const string SignIn = "sign-in";

    /// <summary>One endpoint: how to call it, and what each caller in <see cref="Callers"/> order must get.</summary>
    private sealed record Endpoint(string Name, Func<Task<(string Method, string Path, Dictionary<string, string>? Form)>> Request, params string[] Expected);

    private static Task<(string, string, Dictionary<string, string>?)> Get(string path) => Task.FromResult(("GET", path, (Dictionary<string, string>?)null));

    private static Task<(string, string, Dictionary<string, string>?)> Post(string path, Dictionary<string, string>? form = null) =>
        Task.FromResult(("POST", path, (Dictionary<string, string>?)(form ?? [])));

    private IEnumerable<Endpoint> Endpoints()
    {
        var ws = $"/hiring/{hiring.WorkspaceId}";
        var position = $"{ws}/positions/{hiring.PositionId}";
        var resend = hiring.CandidateInvitation.Invitation.Id;
        yield return new("list my workspaces", () => Get("/hiring"), "200", "200", "200", "200", "200", SignIn, SignIn);
        yield return new("create a workspace", () => Post("/hiring?handler=Create", new() { ["Name"] = "New team" }), "302", "403", "403", "403", "403", SignIn, SignIn);
        yield return new("workspace page", () => Get(ws), "200", "200", "200", "200", "404", SignIn, SignIn);
        yield return new("members page", () => Get($"{ws}/members"), "200", "200", "200", "200", "404", SignIn, SignIn);
        yield return new("set a role", () => Post($"{ws}/members", new() { ["UserName"] = "spare", ["Role"] = "interviewer" }), "302", "403", "403", "403", "404", SignIn, SignIn);
        yield return new("audit log", () => Get($"{ws}/audit"), "200", "403", "403", "403", "404", SignIn, SignIn);
        yield return new("new position form", () => Get($"{ws}/positions/new"), "200", "200", "200", "403", "404", SignIn, SignIn);
        yield return new("create a position", () => Post($"{ws}/positions/new", PositionFields("Another")), "302", "302", "302", "403", "404", SignIn, SignIn);
        yield return new("position page", () => Get(position), "200", "200", "200", "200", "404", SignIn, SignIn);
        yield return new("edit position form", () => Get($"{position}/edit"), "200", "200", "200", "403", "404", SignIn, SignIn);
        yield return new("change a position", () => Post($"{position}/edit", PositionFields()), "302", "302", "302", "403", "404", SignIn, SignIn);
        yield return new("invite a candidate", () => Post($"{position}?handler=Invite", new() { ["CandidateName"] = "Dee", ["CandidateEmail"] = "dee@example.com", ["Exercise"] = "sql-screen" }),
            "200", "200", "403", "403", "404", SignIn, SignIn);
        yield return new("resend an invitation", () => Post($"{position}?handler=Resend&invitation={resend}"), "200", "200", "403", "403", "404", SignIn, SignIn);
        yield return new("revoke an invitation", async () => await Post($"{position}?handler=Revoke&invitation={(await hiring.InviteAsync()).Invitation.Id}"),
            "302", "302", "403", "403", "404", SignIn, SignIn);
        yield return new("candidate page", () => Get("/candidate"), "401", "401", "401", "401", "401", "401", "200");
        yield return new("start the screen", () => Post("/candidate?handler=Start"), "401", "401", "401", "401", "401", "401", "302");
        yield return new("save an answer", () => Post("/candidate?handler=Save", new() { ["Problem"] = "daily-active-users", ["Sql"] = "select 1" }),
            "401", "401", "401", "401", "401", "401", "302");
    }

    [Fact]
    public async Task Every_hiring_endpoint_answers_each_caller_as_the_role_table_says()
    {
        var wrong = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            for (var c = 0; c < Callers.Length; c++)
            {
                var (method, path, form) = await endpoint.Request();
                using var response = method == "GET"
                    ? await hiring.Clients[Callers[c]].GetAsync(path)
                    : await hiring.PostAsync(Callers[c], path, form!);
                var got = Outcome(response);
                if (got != endpoint.Expected[c])
                {
                    wrong.Add($"{endpoint.Name} as {Callers[c]}: expected {endpoint.Expected[c]}, got {got}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task An_interviewer_sees_the_position_but_no_candidate_name_or_email()
    {
        var page = await hiring.Clients[Interviewer].GetStringAsync($"/hiring/{hiring.WorkspaceId}/positions/{hiring.PositionId}");
        Assert.Contains("Senior Data Scientist, Growth", page, StringComparison.Ordinal);
        Assert.DoesNotContain(hiring.CandidateInvitation.Invitation.CandidateEmail, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Cleo Candidate", page, StringComparison.Ordinal);
        var recruiterPage = await hiring.Clients[Recruiter].GetStringAsync($"/hiring/{hiring.WorkspaceId}/positions/{hiring.PositionId}");
        Assert.Contains(hiring.CandidateInvitation.Invitation.CandidateEmail, recruiterPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_asking_for_another_workspaces_position_by_id_gets_404()
    {
        var other = (await hiring.Clients[Outsider].GetStringAsync("/hiring")).Split("/hiring/")[1].Split('"')[0];
        using var response = await hiring.Clients[Admin].GetAsync($"/hiring/{other}/positions/{hiring.PositionId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var mine = await hiring.Clients[Outsider].GetAsync($"/hiring/{other}/positions/{hiring.PositionId}");
        Assert.Equal(HttpStatusCode.NotFound, mine.StatusCode);
    }

    private static string Outcome(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/signin", StringComparison.Ordinal) == true
            ? SignIn
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using System.Net;
using System.Text.RegularExpressions;
using DsLoop.App.Hiring;
using Xunit;

namespace DsLoop.Web.Tests.Features.Hiring;

/// <summary>
/// One multi-user app with a workspace whose members hold every role, a member of another workspace, an anonymous
/// client and a candidate holding a session: every caller the hiring endpoints must tell apart.
/// </summary>
public sealed partial class HiringApp : IAsyncLifetime
{
    public const string Admin = "admin", Recruiter = "recruiter", Manager = "hiring-manager", Interviewer = "interviewer",
        Outsider = "outsider", Anonymous = "anonymous", Candidate = "candidate";

    /// <summary>Every caller, in the order the matrix lists them.</summary>
    public static readonly string[] Callers = [Admin, Recruiter, Manager, Interviewer, Outsider, Anonymous, Candidate];

    public TestApp App { get; private set; } = null!;
    public Dictionary<string, HttpClient> Clients { get; } = [];
    public string WorkspaceId { get; private set; } = "";
    public string PositionId { get; private set; } = "";
    public IssuedInvitation CandidateInvitation { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(multiUser: true);
        // The first account is the site admin, who creates the workspaces.
        foreach (var name in new[] { Admin, Recruiter, Manager, Interviewer, Outsider, "spare" })
        {
            var client = App.NewClient();
            Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignUpAsync(client, name)).StatusCode);
            Clients[name] = client;
        }
        Clients.Remove("spare");
        Clients[Anonymous] = App.NewClient();
        var created = await TestApp.SubmitFormAsync(Clients[Admin], "/hiring", new Dictionary<string, string> { ["Name"] = "Growth" }, "/hiring?handler=Create");
        WorkspaceId = created.Headers.Location!.OriginalString.Split('/')[^1];
        foreach (var role in new[] { Recruiter, Manager, Interviewer })
        {
            var set = await TestApp.SubmitFormAsync(Clients[Admin], $"/hiring/{WorkspaceId}/members", new Dictionary<string, string> { ["UserName"] = role, ["Role"] = role });
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }
        var other = await TestApp.SubmitFormAsync(Clients[Admin], "/hiring", new Dictionary<string, string> { ["Name"] = "Other team" }, "/hiring?handler=Create");
        var otherId = other.Headers.Location!.OriginalString.Split('/')[^1];
        await TestApp.SubmitFormAsync(Clients[Admin], $"/hiring/{otherId}/members", new Dictionary<string, string> { ["UserName"] = Outsider, ["Role"] = "admin" });
        var position = await TestApp.SubmitFormAsync(Clients[Recruiter], $"/hiring/{WorkspaceId}/positions/new", PositionFields());
        Assert.Equal(HttpStatusCode.Redirect, position.StatusCode);
        PositionId = position.Headers.Location!.OriginalString.Split('/')[^1];
        CandidateInvitation = await InviteAsync();
        var candidate = App.NewClient();
        var opened = await TestApp.SubmitFormAsync(candidate, CandidateInvitation.Path, new Dictionary<string, string>());
        Assert.Equal("/candidate", opened.Headers.Location?.OriginalString);
        Clients[Candidate] = candidate;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in Clients.Values)
        {
            client.Dispose();
        }
        await App.DisposeAsync();
    }

    public static Dictionary<string, string> PositionFields(string title = "Senior Data Scientist, Growth") => new()
    {
        ["Title"] = title,
        ["Level"] = "senior",
        ["Variant"] = "consumer",
        ["LoopTemplate"] = "senior-consumer",
        ["SqlProblems"] = "daily-active-users",
        ["SqlMinutes"] = "30",
        ["TakeHome"] = "kpi-drop",
        ["TakeHomeHours"] = "3",
    };

    /// <summary>A new invitation to the position, made through the service as the recruiter.</summary>
    public async Task<IssuedInvitation> InviteAsync(string exercise = "sql-screen")
    {
        var access = App.Services<HiringAccess>();
        var recruiter = (await App.Store.FindUserByNameAsync(Recruiter))!;
        var member = (await access.MemberAsync(WorkspaceId, recruiter.Id))!;
        return (await App.Services<InvitationService>().InviteAsync(member, PositionId, "Cleo Candidate", $"cleo-{Guid.NewGuid():N}@example.com", exercise)).Value!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>
    /// POSTs a form as <paramref name="caller"/>, with an anti-forgery token for that caller taken from a page the caller
    /// can read (so a refusal is the endpoint's, not the token's).
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string caller, string path, IDictionary<string, string> fields)
    {
        var client = Clients[caller];
        var tokenPage = caller switch
        {
            Anonymous => "/account/signin",
            Candidate => "/candidate",
            _ => "/hiring",
        };
        var token = TokenPattern().Match(await client.GetStringAsync(tokenPage));
        Assert.True(token.Success, $"no anti-forgery token for {caller} on {tokenPage}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }
}

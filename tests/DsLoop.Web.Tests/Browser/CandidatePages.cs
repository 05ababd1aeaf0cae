using System.Net;
using DsLoop.Cases;
using DsLoop.Cases.Modeling;
using DsLoop.Core;
using DsLoop.Web.Tests.Features.Cases;
using DsLoop.Web.Tests.Features.Drills;
using DsLoop.Web.Tests.Features.MockLoop;
using DsLoop.Web.Tests.Features.SqlPractice;
using Microsoft.Playwright;
using Xunit;

namespace DsLoop.Web.Tests.Browser;

/// <summary>
/// One page a candidate reaches: where it is, which navigation tab it belongs to (null for none), and what to do on it
/// before looking (run a query, for instance) so the page shows its widest state.
/// </summary>
public sealed record CandidatePage(string Name, Uri Base, string Path, string? Section, Func<IPage, Task>? Prepare = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// Two running apps with a candidate's history in them (a judged and rated answer, SQL submissions, the three cases, one
/// graded, a finished mock loop and a running one, two statistics drills) and the list of every page a candidate reaches, for the phone,
/// accessibility and navigation tests. Local mode for the candidate's pages; a multi-user app for sign-in and sign-up.
/// </summary>
public sealed class CandidatePages : IAsyncLifetime
{
    private const string Item = "onboarding-test-sample-size";
    private const string SqlProblem = "ret-dau-mau-stickiness";

    private TestApp _local = null!;
    private TestApp _multi = null!;

    public IReadOnlyList<CandidatePage> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _local = await TestApp.StartAsync(multiUser: false);
        _multi = await TestApp.StartAsync(multiUser: true);
        using var client = _local.NewClient();

        var attempt = await TestApp.AnswerAsync(client, Item, "I would randomise by user, size for a two point lift at a 40% baseline with 80% power, and run two full weeks with latency as a guardrail.");
        await TestApp.SubmitFormAsync(client, attempt, new Dictionary<string, string> { ["overall"] = "Again" }, attempt + "?handler=Rate");

        var sql = await SqlPracticeApp.PostAsync(client, SqlProblem, "Submit", "select platform, count(*) as users from users group by platform");
        Assert.Equal(HttpStatusCode.Redirect, sql.StatusCode);

        var experiment = await StartCaseAsync(client, "experiment");
        await TestApp.SubmitFormAsync(client, experiment, new Dictionary<string, string> { ["Experiment.SamplePerArm"] = "1000", ["Experiment.Decision"] = "ship" }, experiment + "?handler=Experiment");
        var modeling = await StartCaseAsync(client, "modeling");
        await GradeModelingAsync(client, modeling);
        var kpi = await StartCaseAsync(client, "kpi-drop");

        var finished = await LoopPagesTests.StartPlannedLoopAsync(client);
        await LoopPagesTests.FinishLoopAsync(_local, client, finished, "I would randomise by user and read the primary metric with a guardrail on latency, sized for a two point lift.");
        var running = await LoopPagesTests.StartPlannedLoopAsync(client);
        await LoopPagesTests.PostAsync(client, running, "Start");
        var drillRound = (await LoopPagesTests.StateAsync(_local, finished)).Rounds.FindIndex(r => r.Items.Any(i => i.IsDrill)) + 1;

        // A drill answered with a known mistake (its result, solution and mistake show) and a choice drill left open.
        var answeredDrill = await DrillPagesTests.StartAsync(client, "bayes");
        var bayes = await DrillPagesTests.DrillAsync(_local, answeredDrill);
        Assert.Equal(HttpStatusCode.Redirect, (await DrillPagesTests.AnswerAsync(client, answeredDrill, bayes.Mistakes.Count > 0 ? bayes.Format.Write(bayes.Mistakes[0].Value) : "0.5")).StatusCode);
        var openDrill = await DrillPagesTests.StartAsync(client, "simpson");

        var local = _local.BaseAddress;
        Pages =
        [
            new("home", local, "/", null),
            new("practice", local, "/practice", "Practice"),
            new("practice-item", local, $"/practice/{Item}", "Practice"),
            new("practice-attempt", local, attempt, "Practice"),
            new("practice-history", local, $"/practice/{Item}/history", "Practice"),
            new("review", local, "/review", "Review"),
            new("sql", local, "/sql", "SQL"),
            new("sql-problem", local, $"/sql/{SqlProblem}?seed=2", "SQL", RunWideQueryAsync),
            new("cases", local, "/cases", "Cases"),
            new("case-experiment", local, experiment, "Cases"),
            new("case-modeling", local, modeling, "Cases"),
            new("case-kpi-drop", local, kpi, "Cases"),
            new("loop", local, "/loop", "Mock loop"),
            new("loop-running", local, running, "Mock loop"),
            new("loop-round", local, finished + "/rounds/1", "Mock loop"),
            new("loop-round-drills", local, $"{finished}/rounds/{drillRound}", "Mock loop"),
            new("loop-scorecard", local, finished + "/scorecard", "Mock loop"),
            new("stats", local, "/stats", "Stats"),
            new("stats-family", local, "/stats/bayes", "Stats"),
            new("stats-drill-answered", local, answeredDrill, "Stats"),
            new("stats-drill-open", local, openDrill, "Stats"),
            new("readiness", local, "/readiness", "Readiness"),
            new("progress", local, "/progress", "Progress"),
            new("planners", local, "/planners", "Planners"),
            new("planner-compensation", local, "/planners/compensation", "Planners"),
            new("planner-reverse-questions", local, "/planners/reverse-questions", "Planners"),
            new("sign-in", _multi.BaseAddress, "/account/signin", null),
            new("sign-up", _multi.BaseAddress, "/account/signup", null),
        ];
    }

    /// <summary>Runs a query whose result is wider than any phone, so the result grid shows.</summary>
    private static async Task RunWideQueryAsync(IPage page)
    {
        await page.EvaluateAsync("text => { const v = window.dsloopSqlEditor; if (v) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } }); }", "select * from users limit 20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await page.Locator("#run-summary").WaitForAsync();
    }

    private static async Task<string> StartCaseAsync(HttpClient client, string kind)
    {
        var response = await TestApp.SubmitFormAsync(client, "/cases", new Dictionary<string, string> { ["Kind"] = kind, ["Scale"] = "tiny" }, "/cases?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private async Task GradeModelingAsync(HttpClient client, string path)
    {
        var before = await client.GetStringAsync(path);
        var attempt = (await _local.Store.ListAttemptsAsync((await _local.Store.EnsureLocalUserAsync()).Id))
            .First(a => a.Kind == AttemptKind.Case && a.ItemId.StartsWith("modeling", StringComparison.Ordinal));
        using var form = CasePagesTests.BaselineModelingForm(before, new ModelingCase(CaseId.TryParse(attempt.ItemId)!));
        var response = await client.PostAsync(path + "?handler=Modeling", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _local.DisposeAsync();
        await _multi.DisposeAsync();
    }
}

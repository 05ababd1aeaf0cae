using System.Globalization;
using System.Text.Json;
using DsLoop.App.Attempts;
using DsLoop.App.SqlPractice;
using DsLoop.Content.Sql;
using DsLoop.Core;
using DsLoop.Data.Schema;
using DsLoop.Sql;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.SqlPractice;

/// <summary>One table of the schema browser: its documentation and its row count in this dataset (unknown without a valid seed).</summary>
internal sealed record SchemaTable(TableSchema Table, long? Rows);

internal sealed class SqlProblemModel(SqlBank bank, SqlPracticeService practice, SqlSubmissions submissions, IAppStore store) : PageModel
{
    [BindProperty] public string? Sql { get; set; }
    [BindProperty] public string? Seed { get; set; }
    [BindProperty] public int HintsSeen { get; set; }
    [BindProperty] public int Seconds { get; set; }

    public SqlProblem Problem { get; private set; } = null!;
    public ulong DatasetSeed { get; private set; }
    public string DataScale => practice.Scale.Name;
    public IReadOnlyList<SchemaTable> Tables { get; private set; } = [];
    public IReadOnlyList<Attempt> History { get; private set; } = [];
    public SqlRunResult? Run { get; private set; }
    public (Attempt Attempt, SqlAnswer Answer)? Shown { get; private set; }
    public string? Error { get; private set; }
    public bool Solved { get; private set; }
    public bool GaveUp { get; private set; }
    public bool ShowSolution => Solved || GaveUp;

    /// <summary>
    /// Where the problem timer starts: the seconds posted with a Run or Submit, or the time a shown attempt took, so Run
    /// and Submit do not reset it.
    /// </summary>
    public int TimerStart => Seconds > 0 ? Seconds
        : Shown is { Attempt.SubmittedAt: { } submitted } shown ? (int)Math.Clamp((submitted - shown.Attempt.StartedAt).TotalSeconds, 0, 24 * 3600) : 0;

    public HtmlString PromptHtml => SafeMarkdown.Html(Problem.Prompt);
    public HtmlString ExplanationHtml => SafeMarkdown.Html(Problem.Explanation);
    public HtmlString HintHtml(int index) => SafeMarkdown.Html(Problem.Hints[index]);

    /// <summary>Tables and their columns for the editor's autocomplete.</summary>
    public string SchemaJson => JsonSerializer.Serialize(Tables.ToDictionary(t => t.Table.Name, t => t.Table.Columns.Select(c => c.Name)));

    public string DatasetLink => $"/sql/datasets/{DatasetSeed.ToString(CultureInfo.InvariantCulture)}.zip";

    public async Task<IActionResult> OnGetAsync(string id, string? seed, string? attempt, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (seed is null)
        {
            // Keep the data of the last attempt so a reload never reshuffles it; a first visit gets fresh data.
            var last = History.Select(a => a.Read<SqlAnswer>()).FirstOrDefault(a => a is not null);
            return Redirect(ProblemUrl(id, last?.Seed ?? SqlPracticeService.NewSeed()));
        }
        if (!PracticeDatasets.TryParseSeed(seed, out var parsed))
        {
            return await ProblemAsync(null, cancellationToken, BadSeed(seed));
        }
        if (attempt is not null)
        {
            var shown = await store.GetAttemptAsync(User.UserId(), attempt, cancellationToken);
            if (shown is null || shown.ItemId != id || shown.Read<SqlAnswer>() is not { } answer)
            {
                return NotFound();
            }
            Shown = (shown, answer);
            Sql = answer.Sql;
            HintsSeen = answer.HintsSeen;
        }
        else
        {
            Sql = History.Select(a => a.Read<SqlAnswer>()).FirstOrDefault(a => a is { Sql.Length: > 0 })?.Sql;
        }
        return await ProblemAsync(parsed, cancellationToken);
    }

    public async Task<IActionResult> OnPostRunAsync(string id, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(id, cancellationToken) is { } early)
        {
            return early;
        }
        Run = await practice.RunAsync(DatasetSeed, Sql!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(string id, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(id, cancellationToken) is { } early)
        {
            return early;
        }
        var submitted = await submissions.SubmitAsync(User.UserId(), Problem, DatasetSeed, Sql!, HintsSeen, Seconds, cancellationToken);
        if (submitted.Value is not { } attempt)
        {
            // DsLoop could not grade (not the candidate's fault), so nothing is recorded against them.
            Error = submitted.Problem;
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Page();
        }
        return Verdict(attempt);
    }

    public async Task<IActionResult> OnPostGiveUpAsync(string id, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(id, cancellationToken, sqlRequired: false) is { } early)
        {
            return early;
        }
        return Verdict(await submissions.GiveUpAsync(User.UserId(), Problem, DatasetSeed, Sql, HintsSeen, Seconds, cancellationToken));
    }

    private RedirectResult Verdict(Attempt attempt) => Redirect(ProblemUrl(Problem.Id, DatasetSeed) + $"&attempt={attempt.Id}#verdict");

    /// <summary>Loads the page for a POST and checks the form; returns a response when the request can't go on.</summary>
    private async Task<IActionResult?> PrepareAsync(string id, CancellationToken cancellationToken, bool sqlRequired = true)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!PracticeDatasets.TryParseSeed(Seed, out var seed))
        {
            return await ProblemAsync(null, cancellationToken, BadSeed(Seed));
        }
        if (SqlSubmissions.CheckQuery(Sql, sqlRequired) is { } problemText)
        {
            return await ProblemAsync(seed, cancellationToken, problemText);
        }
        await ProblemAsync(seed, cancellationToken);
        return null;
    }

    /// <summary>The problem and my attempts at it; false when the bank has no such problem.</summary>
    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (bank.Find(id) is not { } problem)
        {
            return false;
        }
        Problem = problem;
        History = await store.ListAttemptsAsync(User.UserId(), id, SqlProgress.AttemptsRead, cancellationToken);
        return true;
    }

    private static string BadSeed(string? text) => $"{PracticeDatasets.BadSeed(text)}; use 'New data' for a fresh one.";

    /// <summary>Fills the page for a dataset; without a valid seed nothing is generated and row counts stay unknown.</summary>
    private async Task<IActionResult> ProblemAsync(ulong? seed, CancellationToken cancellationToken, string? error = null)
    {
        DatasetSeed = seed ?? 0;
        var answers = History.Select(a => a.Read<SqlAnswer>()).OfType<SqlAnswer>().ToList();
        Solved = answers.Any(a => a.Passed);
        GaveUp = SqlProgress.GaveUpIn(answers);
        var counts = seed is { } known
            ? (await practice.DescribeAsync(known, cancellationToken)).ToDictionary(t => t.Name, t => (long?)t.RowCount, StringComparer.Ordinal)
            : [];
        Tables = [.. DatasetSchema.Tables.Select(t => new SchemaTable(t, counts.GetValueOrDefault(t.Name)))];
        if (error is not null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public static string ProblemUrl(string id, ulong seed) => $"/sql/{id}?seed={seed.ToString(CultureInfo.InvariantCulture)}";
}

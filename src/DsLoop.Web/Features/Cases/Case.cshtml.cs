using System.Globalization;
using DsLoop.App.Cases;
using DsLoop.Cases;
using DsLoop.Cases.Experiment;
using DsLoop.Cases.KpiDrop;
using DsLoop.Cases.Modeling;
using DsLoop.Core;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Shared;
using DsLoop.Web.Features.SqlPractice;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Cases;

/// <summary>The experiment answer form's fields (plain form posts, no script needed).</summary>
internal sealed class ExperimentForm
{
    public long? SamplePerArm { get; set; }
    public int? DurationDays { get; set; }
    public List<string> Guardrails { get; set; } = [];
    public string? Unit { get; set; }
    public string? SrmMismatch { get; set; }
    public double? SrmP { get; set; }
    public double? AbsEstimate { get; set; }
    public double? AbsLow { get; set; }
    public double? AbsHigh { get; set; }
    public double? RelEstimate { get; set; }
    public double? RelLow { get; set; }
    public double? RelHigh { get; set; }
    public string? Latency { get; set; }
    public string? Tickets { get; set; }
    public string? Decision { get; set; }
    public string? Rationale { get; set; }

    /// <summary>The free-text fields with their names on the form and their limits.</summary>
    public IEnumerable<(string Field, string? Text, int Limit)> Texts() =>
        new[] { ("Unit", Unit), ("Latency", Latency), ("Tickets", Tickets), ("Decision", Decision), ("Rationale", Rationale) }
            .Select(f => ($"Experiment.{f.Item1}", f.Item2, CaseAttempts.MaxFieldLength))
            .Concat(Guardrails.Select(g => ("Experiment.Guardrails", (string?)g, CaseAttempts.MaxFieldLength)));

    public string ToJson() => new ExperimentAnswer(
        new DesignAnswer(SamplePerArm, DurationDays, Guardrails, Unit),
        new ReadoutAnswer(
            new SrmAnswer(SrmMismatch switch { "yes" => true, "no" => false, _ => null }, SrmP),
            new EstimateAnswer(AbsEstimate, AbsLow, AbsHigh),
            new EstimateAnswer(RelEstimate, RelLow, RelHigh),
            new Dictionary<string, string> { ["latency_ms"] = Latency ?? "", ["support_tickets"] = Tickets ?? "" },
            Decision, Rationale)).ToJson();
}

/// <summary>The KPI-drop answer form's fields.</summary>
internal sealed class KpiForm
{
    public string? Cause { get; set; }
    public string? Segment { get; set; }
    public string? StartDate { get; set; }
    public double? Impact { get; set; }
    public string? EvidenceSql { get; set; }

    /// <summary>The free-text fields with their names on the form and their limits.</summary>
    public IEnumerable<(string Field, string? Text, int Limit)> Texts() =>
    [
        ("Kpi.Cause", Cause, CaseAttempts.MaxFieldLength),
        ("Kpi.Segment", Segment, CaseAttempts.MaxFieldLength),
        ("Kpi.StartDate", StartDate, CaseAttempts.MaxFieldLength),
        ("Kpi.EvidenceSql", EvidenceSql, CaseAttempts.MaxQueryLength),
    ];

    public string ToJson() => new KpiDropAnswer(Cause, Segment, StartDate, Impact, EvidenceSql).ToJson();
}

internal sealed class CasePageModel(CaseAttempts attempts) : PageModel
{
    private CaseService Cases => attempts.Cases;

    [BindProperty] public ExperimentForm Experiment { get; set; } = new();
    [BindProperty] public KpiForm Kpi { get; set; } = new();
    [BindProperty] public double? ValidationAuc { get; set; }
    [BindProperty] public string? Plan { get; set; }
    [BindProperty] public string? WeakSegment { get; set; }
    [BindProperty] public string? WeakSegmentError { get; set; }

    public Attempt Attempt { get; private set; } = null!;
    public CasePayload Payload { get; private set; } = null!;
    public CaseId Id { get; private set; } = null!;
    public string? Error { get; private set; }
    public CaseResult? Result => Payload.Result;

    public HtmlString BriefHtml => SafeMarkdown.Html(Cases.Brief(Id));
    public IReadOnlyList<string> FileNames => CaseService.FileNames(Id.Kind);
    public long? SecondsLeft => attempts.SecondsLeft(Payload);

    /// <summary>Time on the case so far (or until it was submitted), by the server's clock.</summary>
    public long ElapsedSeconds => attempts.ElapsedSeconds(Attempt);
    public bool PastDeadline => attempts.PastDeadline(Payload);

    /// <summary>The modeling scenario (its segment column and values for the error-analysis fields), or null for other kinds.</summary>
    public ModelingScenario? ModelingSetup => Id.Kind == CaseKind.Modeling ? ModelingScenario.For(ModelingScenario.KindFor(Id.Seed)) : null;

    public static IReadOnlyList<GuardrailOption> GuardrailOptions => ExperimentScenarios.GuardrailOptions;

    private async Task<IActionResult?> LoadAsync(string attemptId, CancellationToken cancellationToken)
    {
        if (await attempts.FindAsync(User.UserId(), attemptId, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        (Attempt, Payload, Id) = (found.Attempt, found.Payload, found.Id);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(string attemptId, CancellationToken cancellationToken) =>
        await LoadAsync(attemptId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetFileAsync(string attemptId, string name, CancellationToken cancellationToken)
    {
        if (await LoadAsync(attemptId, cancellationToken) is { } early)
        {
            return early;
        }
        if (Id.Kind == CaseKind.KpiDrop && name == CaseService.KpiSqliteFile)
        {
            using var lease = await Cases.KpiDatasetAsync(Id, cancellationToken);
            // The open stream keeps the file readable even if the cache evicts it meanwhile.
            return File(System.IO.File.OpenRead(lease.Path), "application/vnd.sqlite3", $"{Id}-{CaseService.KpiSqliteFile}");
        }
        if (Id.Kind == CaseKind.KpiDrop && name == CaseService.KpiCsvZipFile)
        {
            var id = Id;
            await DatasetExport.SendZipAsync(Response, $"{Id}-{CaseService.KpiCsvZipFile}", (folder, token) => Cases.WriteKpiCsv(id, folder, token), cancellationToken);
            return new EmptyResult();
        }
        var file = Cases.Files(Id).FirstOrDefault(f => f.Name == name);
        return file is null ? NotFound() : File(file.Content, file.ContentType, $"{Id}-{file.Name}");
    }

    public Task<IActionResult> OnPostExperimentAsync(string attemptId, CancellationToken cancellationToken) =>
        SubmitAsync(attemptId, () => Task.FromResult<(CaseSubmission, string)>((new CaseSubmission(Limited(Experiment.Texts(), Experiment.ToJson)), Experiment.ToJson())), cancellationToken);

    /// <summary>The answer JSON, or the refusal (nothing stored) when a field is over its limit as sent.</summary>
    private static string Limited(IEnumerable<(string Field, string? Text, int Limit)> fields, Func<string> json) =>
        CaseAttempts.CheckLengths(fields) is { } problem ? throw new CaseAnswerException(problem) : json();

    /// <summary>The last exploratory query's result on the KPI-drop warehouse (first 100 rows).</summary>
    public DsLoop.Sql.SqlRunResult? Run { get; private set; }

    /// <summary>Runs the query in the box on this case's warehouse without grading anything.</summary>
    public async Task<IActionResult> OnPostQueryAsync(string attemptId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(attemptId, cancellationToken) is { } early)
        {
            return early;
        }
        if (Id.Kind != CaseKind.KpiDrop || string.IsNullOrWhiteSpace(Kpi.EvidenceSql) || Kpi.EvidenceSql.Length > CaseAttempts.MaxQueryLength)
        {
            Error = $"Write a query (at most {CaseAttempts.MaxQueryLength:N0} characters) to run it on the warehouse.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Run = await attempts.QueryWarehouseAsync(Id, Kpi.EvidenceSql, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostKpiAsync(string attemptId, CancellationToken cancellationToken) =>
        SubmitAsync(attemptId, () => Task.FromResult<(CaseSubmission, string)>((new CaseSubmission(Limited(Kpi.Texts(), Kpi.ToJson)), Kpi.ToJson())), cancellationToken);

    public Task<IActionResult> OnPostModelingAsync(string attemptId, IFormFile? predictions, CancellationToken cancellationToken) =>
        SubmitAsync(attemptId, async () =>
        {
            if (predictions is null || predictions.Length == 0)
            {
                throw new CaseAnswerException("Choose your predictions.csv to upload.");
            }
            if (predictions.Length > PredictionUpload.MaxBytes)
            {
                throw new CaseAnswerException($"The file is {predictions.Length:N0} bytes; the limit is {PredictionUpload.MaxBytes:N0}.");
            }
            if (CaseAttempts.CheckLengths([
                (nameof(Plan), Plan, CaseAttempts.MaxPlanLength),
                (nameof(WeakSegment), WeakSegment, CaseAttempts.MaxFieldLength),
                (nameof(WeakSegmentError), WeakSegmentError, CaseAttempts.MaxFieldLength)]) is { } tooLong)
            {
                throw new CaseAnswerException(tooLong);
            }
            using var buffer = new MemoryStream();
            await predictions.CopyToAsync(buffer, cancellationToken);
            var plan = Plan?.Trim() is { Length: > 0 } p ? p : null;
            var errorAnalysis = new ErrorAnalysisAnswer(WeakSegment, WeakSegmentError);
            var summary = System.Text.Json.JsonSerializer.Serialize(new { file = predictions.FileName, bytes = predictions.Length, validationAuc = ValidationAuc, plan, weakSegment = WeakSegment, weakSegmentError = WeakSegmentError });
            return (new CaseSubmission(null, buffer.ToArray(), ValidationAuc, plan, errorAnalysis.IsEmpty ? null : errorAnalysis), summary);
        }, cancellationToken);

    private async Task<IActionResult> SubmitAsync(string attemptId, Func<Task<(CaseSubmission Submission, string Answer)>> read, CancellationToken cancellationToken)
    {
        if (await LoadAsync(attemptId, cancellationToken) is { } early)
        {
            return early;
        }
        var submitted = await attempts.SubmitAsync(new CaseAttempt(Attempt, Payload, Id), read, cancellationToken);
        if (submitted.Ok || Attempt.SubmittedAt is not null)
        {
            return Redirect($"/cases/{Attempt.Id}#result");
        }
        // Nothing is stored from an answer that can't be read or arrived too late.
        Error = submitted.Problem;
        Response.StatusCode = submitted.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string Points(GradedPart p) => $"{p.Points.ToString("0.##", CultureInfo.InvariantCulture)} / {p.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)}";
}

using DsLoop.App.Attempts;
using DsLoop.Cases;
using DsLoop.Core;
using DsLoop.Sql;
using DsLoop.Store;

namespace DsLoop.App.Cases;

/// <summary>
/// Case exercises as attempts: starting one stores only its id and optional take-home deadline; submitting grades the
/// answer against the truth rebuilt from the id and stores the result, once.
/// </summary>
/// <param name="cases">Briefs, files and grading.</param>
/// <param name="store">Where attempts live.</param>
/// <param name="clock">Deadlines and submission times.</param>
public sealed class CaseAttempts(CaseService cases, IAppStore store, TimeProvider clock)
{
    /// <summary>Longest take-home deadline offered, in hours.</summary>
    public const int MaxDeadlineHours = 7 * 24;

    /// <summary>How late a take-home answer may arrive (the upload itself takes time).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    /// <summary>The longest exploratory query accepted, in characters.</summary>
    public const int MaxQueryLength = 20_000;

    /// <summary>The longest short answer field (unit, decision, rationale, cause, segment…) accepted, in characters.</summary>
    public const int MaxFieldLength = 4_000;

    /// <summary>The longest modeling plan accepted, in characters.</summary>
    public const int MaxPlanLength = 20_000;

    /// <summary>
    /// The first field whose text, as sent, is over its limit, said with its name and both lengths; null when all fit.
    /// </summary>
    public static string? CheckLengths(IEnumerable<(string Field, string? Text, int Limit)> fields) =>
        fields.FirstOrDefault(f => f.Text?.Length > f.Limit) is { Field: not null } tooLong
            ? $"{tooLong.Field} is {tooLong.Text!.Length:N0} characters; the limit is {tooLong.Limit:N0}."
            : null;

    /// <summary>Rows an exploratory query shows.</summary>
    public const int QueryPreviewRows = 100;

    /// <summary>The case service behind the attempts.</summary>
    public CaseService Cases => cases;

    /// <summary>Starts a case of the kind and scale named by their slugs, with an optional deadline in hours.</summary>
    public async Task<Outcome<Attempt>> StartAsync(string userId, string? kindSlug, string? scaleSlug, int? deadlineHours, CancellationToken cancellationToken)
    {
        if (CaseId.KindFromSlug(kindSlug ?? "") is not { } kind)
        {
            return Outcome<Attempt>.Invalid("Choose a kind of case.");
        }
        if (CaseId.ScaleFromSlug(scaleSlug ?? "tiny") is not { } scale)
        {
            return Outcome<Attempt>.Invalid($"'{scaleSlug}' is not a scale: choose {string.Join(" or ", CaseId.ScaleSlugs)}.");
        }
        if (deadlineHours is < 1 or > MaxDeadlineHours)
        {
            return Outcome<Attempt>.Invalid($"A take-home deadline is between 1 and {MaxDeadlineHours} hours.");
        }
        var now = clock.GetUtcNow();
        var id = new CaseId(kind, CaseId.NewSeed(), scale);
        var payload = new CasePayload(id.ToString(), deadlineHours is { } h ? now.AddHours(h) : null, null, null);
        var attempt = AttemptPayloads.New(userId, id.ToString(), payload, now, null, null);
        await store.AddAttemptAsync(attempt, cancellationToken);
        return Outcome<Attempt>.Done(attempt);
    }

    /// <summary>The user's case attempt with its payload and case id, or null when it is not theirs or not a case.</summary>
    public async Task<CaseAttempt?> FindAsync(string userId, string attemptId, CancellationToken cancellationToken) =>
        await store.GetAttemptAsync(userId, attemptId, cancellationToken) is { Kind: AttemptKind.Case } attempt
        && attempt.Read<CasePayload>() is { } payload && CaseId.TryParse(payload.CaseId) is { } id
            ? new CaseAttempt(attempt, payload, id)
            : null;

    /// <summary>Runs an exploratory query on a KPI-drop case's warehouse in the sandbox (first rows only); nothing is graded.</summary>
    public async Task<SqlRunResult> QueryWarehouseAsync(CaseId id, string sql, CancellationToken cancellationToken)
    {
        var limits = SandboxLimits.Default with { MaxRows = QueryPreviewRows, Timeout = TimeSpan.FromSeconds(10) };
        using var lease = await cases.KpiDatasetAsync(id, cancellationToken);
        return await new SqliteSandbox(lease.Path, limits).RunAsync(sql, limits, cancellationToken);
    }

    /// <summary>True when the take-home deadline (plus <see cref="Grace"/>) has passed.</summary>
    public bool PastDeadline(CasePayload payload) => payload.Deadline is { } d && clock.GetUtcNow() > d + Grace;

    /// <summary>Seconds until the deadline, or null without one.</summary>
    /// <summary>Seconds from the attempt's start to its submission, or to now while it is open: the server's clock, so a reload or a post does not reset it.</summary>
    public long ElapsedSeconds(Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return (long)Math.Max(0, ((attempt.SubmittedAt ?? clock.GetUtcNow()) - attempt.StartedAt).TotalSeconds);
    }

    /// <summary>Seconds left before the take-home deadline, if the case has one.</summary>
    public long? SecondsLeft(CasePayload payload) =>
        payload.Deadline is { } d ? (long)Math.Max(0, (d - clock.GetUtcNow()).TotalSeconds) : null;

    /// <summary>
    /// Grades the answer <paramref name="read"/> returns and stores it with the result. Refused, with nothing stored, when
    /// it was already submitted (a conflict), past the deadline, or when the answer can't be read.
    /// </summary>
    public async Task<Outcome<Attempt>> SubmitAsync(
        CaseAttempt attempt, Func<Task<(CaseSubmission Submission, string Answer)>> read, CancellationToken cancellationToken)
    {
        if (attempt.Attempt.SubmittedAt is not null)
        {
            return Outcome<Attempt>.Clash("This case is already graded.");
        }
        if (PastDeadline(attempt.Payload))
        {
            return Outcome<Attempt>.Clash($"The take-home deadline ({attempt.Payload.Deadline:yyyy-MM-dd HH:mm} UTC) has passed; the answer was not accepted.");
        }
        CaseResult result;
        string answer;
        try
        {
            var (submission, text) = await read();
            answer = text;
            result = await cases.GradeAsync(attempt.Id, submission, cancellationToken);
        }
        catch (CaseAnswerException e)
        {
            return Outcome<Attempt>.Invalid(e.Message);
        }
        var updated = attempt.Attempt.With(attempt.Payload with { Answer = answer, Result = result }) with
        {
            SubmittedAt = clock.GetUtcNow(),
            Score = result.Score,
        };
        await store.UpdateAttemptAsync(updated, cancellationToken);
        return Outcome<Attempt>.Done(updated);
    }
}

/// <summary>A case attempt with what it records and the case it is.</summary>
/// <param name="Attempt">The stored attempt.</param>
/// <param name="Payload">Its case payload.</param>
/// <param name="Id">The case, which rebuilds brief, files and truth.</param>
public sealed record CaseAttempt(Attempt Attempt, CasePayload Payload, CaseId Id);

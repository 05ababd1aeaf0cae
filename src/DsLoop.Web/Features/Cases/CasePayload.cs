using System.Text.Json;
using DsLoop.Cases;
using DsLoop.Core;
using DsLoop.Web.Features.Practice;

namespace DsLoop.Web.Features.Cases;

/// <summary>What a case attempt records: the case id (which rebuilds brief, files and truth), an optional take-home deadline, and after submitting the answer and the graded result.</summary>
/// <param name="CaseId">The case id, e.g. experiment-42.</param>
/// <param name="Deadline">The take-home deadline, or null for a timed session without one.</param>
/// <param name="Answer">The structured answer as JSON (experiment, KPI drop) or the modeling fields.</param>
/// <param name="Result">The graded result, once submitted.</param>
internal sealed record CasePayload(string CaseId, DateTimeOffset? Deadline, string? Answer, CaseResult? Result)
{
    public static CasePayload? From(Attempt attempt) =>
        attempt.Kind == AttemptKind.Case ? JsonSerializer.Deserialize<CasePayload>(attempt.PayloadJson, JsonDefaults.Options) : null;

    public string Json() => JsonSerializer.Serialize(this, JsonDefaults.Options);
}

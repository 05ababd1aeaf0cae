using System.Text.Json.Serialization;
using DsLoop.App.Attempts;
using DsLoop.Cases;
using DsLoop.Core;

namespace DsLoop.App.Cases;

/// <summary>What a case attempt records: the case id (which rebuilds brief, files and truth), an optional take-home deadline, and after submitting the answer and the graded result.</summary>
/// <param name="CaseId">The case id, e.g. experiment-42.</param>
/// <param name="Deadline">The take-home deadline, or null for a timed session without one.</param>
/// <param name="Answer">The structured answer as JSON (experiment, KPI drop) or the modeling fields.</param>
/// <param name="Result">The graded result, once submitted.</param>
public sealed record CasePayload(string CaseId, DateTimeOffset? Deadline, string? Answer, CaseResult? Result)
    : AttemptPayload
{
    /// <inheritdoc/>
    [JsonIgnore] public override AttemptKind Kind => AttemptKind.Case;
}

using System.Text.Json.Serialization;
using DsLoop.App.Attempts;
using DsLoop.Core;

namespace DsLoop.App.Drills;

/// <summary>
/// What a drill attempt records. Starting a drill stores the family and the seed the server drew (so the numbers, and
/// the answer, never leave the server before the candidate answers); answering adds the answer as typed, the value it
/// was read as, whether it was right, the known mistake it matched and when it arrived.
/// </summary>
/// <param name="Family">The drill family's id, e.g. "bayes".</param>
/// <param name="Seed">The seed the drill's numbers were drawn from.</param>
/// <param name="Answer">The answer as typed, once answered.</param>
/// <param name="Given">The number the answer was read as (a choice's index for a choice).</param>
/// <param name="Correct">Whether it was within tolerance of the exact answer, once answered.</param>
/// <param name="Mistake">The name of the known mistake the answer matched, or null.</param>
/// <param name="AnsweredAt">When the answer arrived, by the server's clock.</param>
public sealed record DrillAnswer(
    string Family, int Seed, string? Answer = null, double? Given = null, bool? Correct = null, string? Mistake = null, DateTimeOffset? AnsweredAt = null)
    : AttemptPayload
{
    /// <inheritdoc/>
    [JsonIgnore] public override AttemptKind Kind => AttemptKind.Statistics;

    /// <summary>True once the drill is answered and graded.</summary>
    [JsonIgnore] public bool Answered => Correct is not null;
}

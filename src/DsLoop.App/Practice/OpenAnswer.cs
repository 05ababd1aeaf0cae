using System.Text.Json.Serialization;
using DsLoop.App.Attempts;
using DsLoop.Content.Coaching;
using DsLoop.Core;
using DsLoop.Core.Scheduling;

namespace DsLoop.App.Practice;

/// <summary>What an open-question attempt records.</summary>
/// <param name="Answer">The answer as submitted, trimmed.</param>
/// <param name="Seconds">How long the page's timer ran.</param>
/// <param name="Words">The answer's length in words.</param>
/// <param name="Coach">The coach's report.</param>
/// <param name="Rating">The candidate's self-rating, once given.</param>
/// <param name="FollowUps">Answers to the item's follow-up probes, in order.</param>
public sealed record OpenAnswer(
    string Answer, int Seconds, int Words, CoachReport? Coach = null, SelfRating? Rating = null, IReadOnlyList<FollowUpAnswer>? FollowUps = null)
    : AttemptPayload
{
    /// <inheritdoc/>
    [JsonIgnore] public override AttemptKind Kind => AttemptKind.OpenQuestion;
}

/// <summary>An answer to one of the item's follow-up probes, with the coach's habit and length checks.</summary>
/// <param name="Index">The probe's position in the item's list.</param>
/// <param name="Probe">The probe as asked.</param>
/// <param name="Answer">The answer, trimmed.</param>
/// <param name="Seconds">How long the page's timer ran.</param>
/// <param name="Coach">The coach's report on the answer.</param>
/// <param name="AnsweredAt">When it was saved.</param>
public sealed record FollowUpAnswer(int Index, string Probe, string Answer, int Seconds, CoachReport Coach, DateTimeOffset AnsweredAt);

/// <summary>The candidate's own verdict: each framework step as missed, partial or solid, and an overall FSRS rating.</summary>
/// <param name="Steps">Step id → missed, partial or solid.</param>
/// <param name="Overall">The overall rating that moved the review schedule.</param>
/// <param name="RatedAt">When it was given.</param>
/// <param name="NextDue">When the item is due again.</param>
public sealed record SelfRating(IReadOnlyDictionary<string, string> Steps, ReviewRating Overall, DateTimeOffset RatedAt, DateTimeOffset NextDue)
{
    /// <summary>The levels a step may be rated at, weakest first.</summary>
    public static readonly IReadOnlyList<string> StepLevels = ["missed", "partial", "solid"];
}

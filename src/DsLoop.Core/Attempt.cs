namespace DsLoop.Core;

/// <summary>What kind of exercise an attempt answered.</summary>
public enum AttemptKind
{
    /// <summary>An open question answered in text.</summary>
    OpenQuestion,
    /// <summary>A graded SQL problem.</summary>
    Sql,
    /// <summary>A statistics exercise.</summary>
    Statistics,
    /// <summary>A case exercise (experiment, modeling, KPI drop).</summary>
    Case,
}

/// <summary>One try at one exercise by one user.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="UserId">The owner; only the owner may read it.</param>
/// <param name="Kind">What was answered.</param>
/// <param name="ItemId">The content item or case that was answered.</param>
/// <param name="StartedAt">When the user began.</param>
/// <param name="SubmittedAt">When the answer was submitted, if it was.</param>
/// <param name="Score">A 0–1 score where one applies.</param>
/// <param name="PayloadJson">The answer, the grader's verdict and anything else the feature records, as JSON.</param>
/// <param name="SelfRating">
/// The candidate's own overall rating of an open answer as an FSRS review rating (1 Again, 2 Hard, 3 Good, 4 Easy),
/// or null while unrated. The payload keeps the full rating; this copy lets the store chart ratings without reading answers.
/// </param>
public sealed record Attempt(
    string Id,
    string UserId,
    AttemptKind Kind,
    string ItemId,
    DateTimeOffset StartedAt,
    DateTimeOffset? SubmittedAt,
    double? Score,
    string PayloadJson,
    int? SelfRating = null);

/// <summary>The spaced-repetition state of one item for one user.</summary>
/// <param name="UserId">The owner.</param>
/// <param name="ItemId">The item being reviewed.</param>
/// <param name="DueAt">When the item is next due.</param>
/// <param name="StateJson">The scheduler's state (stability, difficulty, reps …) as JSON.</param>
/// <param name="UpdatedAt">When the state last changed.</param>
public sealed record ReviewSchedule(
    string UserId,
    string ItemId,
    DateTimeOffset DueAt,
    string StateJson,
    DateTimeOffset UpdatedAt);

/// <summary>Where a mock loop stands.</summary>
public enum LoopStatus
{
    /// <summary>Rounds remain.</summary>
    InProgress,
    /// <summary>Paused by the candidate; resumable.</summary>
    Paused,
    /// <summary>Every round is done and the scorecard exists.</summary>
    Completed,
    /// <summary>Given up before the end.</summary>
    Abandoned,
}

/// <summary>One run of a mock interview loop.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="UserId">The owner.</param>
/// <param name="TemplateId">The loop template it follows.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="StartedAt">When it began.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
/// <param name="StateJson">Rounds, answers, clocks and the scorecard, as JSON.</param>
public sealed record LoopRun(
    string Id,
    string UserId,
    string TemplateId,
    LoopStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    string StateJson);

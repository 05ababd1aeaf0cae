using System.Text.Json;
using System.Text.Json.Serialization;
using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Core.Scorecard;

namespace DsLoop.Web.Features.MockLoop;

/// <summary>
/// Everything a loop run remembers, stored as the loop's JSON state: the plan, the clocks (UTC, server-side), the
/// answers and, once finished, the scorecard. The browser holds nothing that matters, so a reload or a browser
/// restart resumes exactly where the store says.
/// </summary>
internal sealed class LoopState
{
    public int Version { get; set; } = 1;
    public string TemplateId { get; set; } = "";
    public string TemplateName { get; set; } = "";
    public long Seed { get; set; }
    /// <summary>Interviewer pressure: after each open answer the item's follow-up probes come one at a time.</summary>
    public bool Pressure { get; set; }
    /// <summary>The recruiter-screen prep; the loop is planned once it is saved.</summary>
    public ScreenPrep? Prep { get; set; }
    /// <summary>The weakness (0 strong – 1 weak) per dimension slug that the plan favoured.</summary>
    public Dictionary<string, double> Weakness { get; set; } = [];
    public List<RoundState> Rounds { get; set; } = [];
    /// <summary>When the candidate paused; paused time does not count against the round.</summary>
    public DateTimeOffset? PausedAt { get; set; }
    /// <summary>Ids of the company red flags the candidate noticed (red-flag items of the bank).</summary>
    public List<string> RedFlags { get; set; } = [];
    public string? RedFlagNotes { get; set; }
    public DateTimeOffset? RedFlagsSavedAt { get; set; }
    public InterviewScorecard? Scorecard { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The first round that has not ended, or null when all have.</summary>
    [JsonIgnore] public RoundState? Current => Rounds.FirstOrDefault(r => r.EndedAt is null);

    /// <summary>The first ended round whose answers still need the candidate's self-rating.</summary>
    [JsonIgnore] public RoundState? AwaitingRating => Rounds.FirstOrDefault(r => r.EndedAt is not null && !r.Rated);

    [JsonIgnore]
    public LoopStatus Status =>
        Scorecard is not null ? LoopStatus.Completed : PausedAt is not null ? LoopStatus.Paused : LoopStatus.InProgress;

    public int IndexOf(RoundState round) => Rounds.IndexOf(round);

    public string ToJson() => JsonSerializer.Serialize(this, LoopJson.Options);

    public static LoopState FromJson(string json) =>
        JsonSerializer.Deserialize<LoopState>(json, LoopJson.Options) ?? throw new InvalidOperationException("The loop's state is empty.");
}

/// <summary>The candidate's notes for the recruiter screen, written before the loop starts.</summary>
internal sealed record ScreenPrep(string RoleFit, string WorkAuthorization, string Location, string Compensation, DateTimeOffset SavedAt);

/// <summary>One time-boxed round of a run.</summary>
internal sealed class RoundState
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public Round Kind { get; set; }
    public int Minutes { get; set; }
    public bool Optional { get; set; }
    /// <summary>How many exercises the template asked for that the bank could not supply.</summary>
    public int Missing { get; set; }
    public List<ExerciseState> Items { get; set; } = [];
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>When the round closes, in UTC; moved later by the length of each pause.</summary>
    public DateTimeOffset? Deadline { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public RoundEnd? EndReason { get; set; }
    /// <summary>True once the candidate has rated the round's open answers (or there were none to rate).</summary>
    public bool Rated { get; set; }

    [JsonIgnore] public bool Running => StartedAt is not null && EndedAt is null;

    /// <summary>The exercise to answer now: the first not yet answered or closed.</summary>
    [JsonIgnore] public ExerciseState? CurrentItem => Items.FirstOrDefault(i => !i.Closed);
}

/// <summary>Why a round ended.</summary>
internal enum RoundEnd
{
    /// <summary>Every exercise was answered.</summary>
    Completed,
    /// <summary>The candidate ended it early.</summary>
    EndedEarly,
    /// <summary>The time box ran out; the server closed it.</summary>
    TimeUp,
    /// <summary>An optional round the candidate skipped.</summary>
    Skipped,
}

/// <summary>One exercise of a round and what became of it.</summary>
internal sealed class ExerciseState
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public LoopSlotKind Kind { get; set; }
    public List<Dimension> Dimensions { get; set; } = [];
    /// <summary>True when an open question stands in for a statistics exercise or a case part (no graded exercise exists yet).</summary>
    public bool StandIn { get; set; }
    /// <summary>For SQL: the seed of the fresh dataset the answer is graded on.</summary>
    public ulong? SqlSeed { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>True when the page sent the answer because the clock reached zero.</summary>
    public bool AutoSubmitted { get; set; }
    /// <summary>True once the exercise takes no more input: answered (and probed), or the round closed.</summary>
    public bool Closed { get; set; }
    public double? CoachScore { get; set; }
    public bool? Passed { get; set; }
    public List<string> Feedback { get; set; } = [];
    /// <summary>The candidate's own rating of an open answer, 1 (Again) to 4 (Easy).</summary>
    public int? SelfRating { get; set; }
    public List<ProbeAnswer> Probes { get; set; } = [];

    [JsonIgnore] public bool Answered => !string.IsNullOrWhiteSpace(Answer);

    [JsonIgnore] public bool IsSql => Kind == LoopSlotKind.Sql;
}

/// <summary>An answer to one follow-up probe in interviewer-pressure mode.</summary>
internal sealed record ProbeAnswer(int Index, string Probe, string Answer, DateTimeOffset AnsweredAt);

internal static class LoopJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

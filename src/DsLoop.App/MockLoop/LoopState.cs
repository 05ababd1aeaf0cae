using System.Text.Json;
using System.Text.Json.Serialization;
using DsLoop.App.Attempts;
using DsLoop.Content.Coaching;
using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Core.Scorecard;

namespace DsLoop.App.MockLoop;

/// <summary>
/// Everything a loop run remembers, stored as the loop's JSON state: the plan, the clocks (UTC, server-side), the
/// answers and, once finished, the scorecard. The browser holds nothing that matters, so a reload or a browser
/// restart resumes exactly where the store says.
/// </summary>
public sealed class LoopState
{
    /// <summary>The state's format version.</summary>
    public int Version { get; set; } = 1;
    /// <summary>The loop template's id.</summary>
    public string TemplateId { get; set; } = "";
    /// <summary>The template's name when the run began.</summary>
    public string TemplateName { get; set; } = "";
    /// <summary>Fixes the choice of exercises and the SQL datasets.</summary>
    public long Seed { get; set; }
    /// <summary>Interviewer pressure: after each open answer the item's follow-up probes come one at a time.</summary>
    public bool Pressure { get; set; }
    /// <summary>The recruiter-screen prep; the loop is planned once it is saved.</summary>
    public ScreenPrep? Prep { get; set; }
    /// <summary>The weakness (0 strong – 1 weak) per dimension slug that the plan favoured.</summary>
    public Dictionary<string, double> Weakness { get; set; } = [];
    /// <summary>The planned rounds, in order (empty until the prep is saved).</summary>
    public List<RoundState> Rounds { get; set; } = [];
    /// <summary>When the candidate paused; paused time does not count against the round.</summary>
    public DateTimeOffset? PausedAt { get; set; }
    /// <summary>Ids of the company red flags the candidate noticed (red-flag items of the bank).</summary>
    public List<string> RedFlags { get; set; } = [];
    /// <summary>The candidate's notes on the red flags.</summary>
    public string? RedFlagNotes { get; set; }
    /// <summary>When the red flags were last saved.</summary>
    public DateTimeOffset? RedFlagsSavedAt { get; set; }
    /// <summary>The scorecard, once every round is done and rated.</summary>
    public InterviewScorecard? Scorecard { get; set; }
    /// <summary>When the last round was rated.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The first round that has not ended, or null when all have.</summary>
    [JsonIgnore] public RoundState? Current => Rounds.FirstOrDefault(r => r.EndedAt is null);

    /// <summary>The first ended round whose answers still need the candidate's self-rating.</summary>
    [JsonIgnore] public RoundState? AwaitingRating => Rounds.FirstOrDefault(r => r.EndedAt is not null && !r.Rated);

    /// <summary>Where the run stands, derived from the state.</summary>
    [JsonIgnore]
    public LoopStatus Status =>
        Scorecard is not null ? LoopStatus.Completed : PausedAt is not null ? LoopStatus.Paused : LoopStatus.InProgress;

    /// <summary>The position of a round in the run.</summary>
    public int IndexOf(RoundState round) => Rounds.IndexOf(round);

    /// <summary>The state as stored.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AppJson.Options);

    /// <summary>Reads a stored state.</summary>
    public static LoopState FromJson(string json) =>
        JsonSerializer.Deserialize<LoopState>(json, AppJson.Options) ?? throw new InvalidOperationException("The loop's state is empty.");
}

/// <summary>The candidate's notes for the recruiter screen, written before the loop starts.</summary>
public sealed record ScreenPrep(string RoleFit, string WorkAuthorization, string Location, string Compensation, DateTimeOffset SavedAt);

/// <summary>One time-boxed round of a run.</summary>
public sealed class RoundState
{
    /// <summary>The template round's id.</summary>
    public string Id { get; set; } = "";
    /// <summary>The round's title.</summary>
    public string Title { get; set; } = "";
    /// <summary>Which interview round it is.</summary>
    public Round Kind { get; set; }
    /// <summary>Its time box in minutes.</summary>
    public int Minutes { get; set; }
    /// <summary>True when the candidate may skip it.</summary>
    public bool Optional { get; set; }
    /// <summary>How many exercises the template asked for that the bank could not supply.</summary>
    public int Missing { get; set; }
    /// <summary>Its exercises, in order.</summary>
    public List<ExerciseState> Items { get; set; } = [];
    /// <summary>When its clock started.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>When the round closes, in UTC; moved later by the length of each pause.</summary>
    public DateTimeOffset? Deadline { get; set; }
    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Why it ended.</summary>
    public RoundEnd? EndReason { get; set; }
    /// <summary>True once the candidate has rated the round's open answers (or there were none to rate).</summary>
    public bool Rated { get; set; }

    /// <summary>True while its clock runs.</summary>
    [JsonIgnore] public bool Running => StartedAt is not null && EndedAt is null;

    /// <summary>The exercise to answer now: the first not yet answered or closed.</summary>
    [JsonIgnore] public ExerciseState? CurrentItem => Items.FirstOrDefault(i => !i.Closed);
}

/// <summary>Why a round ended.</summary>
public enum RoundEnd
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
public sealed class ExerciseState
{
    /// <summary>The question's or SQL problem's id.</summary>
    public string Id { get; set; } = "";
    /// <summary>The exercise's title as shown.</summary>
    public string Title { get; set; } = "";
    /// <summary>What kind of slot it fills.</summary>
    public LoopSlotKind Kind { get; set; }
    /// <summary>The dimensions it evidences.</summary>
    public List<Dimension> Dimensions { get; set; } = [];
    /// <summary>True when an open question stands in for a case part (or, in loops planned before drills, a statistics exercise).</summary>
    public bool StandIn { get; set; }
    /// <summary>For SQL: the seed of the fresh dataset the answer is graded on.</summary>
    public ulong? SqlSeed { get; set; }
    /// <summary>For a statistics drill: the seed of its numbers, drawn at random on the server (never derived from the loop's seed, which the pages show).</summary>
    public int? DrillSeed { get; set; }
    /// <summary>For a statistics drill: the known mistake the answer matched, if any.</summary>
    public string? DrillMistake { get; set; }
    /// <summary>The candidate's answer (SQL or text), once given.</summary>
    public string? Answer { get; set; }
    /// <summary>When the answer arrived, server time.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>True when the page sent the answer because the clock reached zero.</summary>
    public bool AutoSubmitted { get; set; }
    /// <summary>True once the exercise takes no more input: answered (and probed), or the round closed.</summary>
    public bool Closed { get; set; }
    /// <summary>The coach's 0–1 score of an open answer.</summary>
    public double? CoachScore { get; set; }
    /// <summary>The judge's report on an open answer, kept so pages and the scorecard read the verdict given at the time.</summary>
    public CoachReport? Report { get; set; }
    /// <summary>The judge's 1–4 rating of an open answer, when the judge read it (null from the cue coach).</summary>
    public double? JudgeRating { get; set; }
    /// <summary>True when the judge found the open answer off the question.</summary>
    public bool OffTopic { get; set; }
    /// <summary>For SQL and drills: whether the grader accepted the answer.</summary>
    public bool? Passed { get; set; }
    /// <summary>For SQL and drills: the grader's feedback lines.</summary>
    public List<string> Feedback { get; set; } = [];
    /// <summary>The candidate's own rating of an open answer, 1 (Again) to 4 (Easy).</summary>
    public int? SelfRating { get; set; }
    /// <summary>Answers to follow-up probes in pressure mode.</summary>
    public List<ProbeAnswer> Probes { get; set; } = [];

    /// <summary>True when there is an answer.</summary>
    [JsonIgnore] public bool Answered => !string.IsNullOrWhiteSpace(Answer);

    /// <summary>True for a SQL exercise.</summary>
    [JsonIgnore] public bool IsSql => Kind == LoopSlotKind.Sql;

    /// <summary>True for a statistics drill (a stats-exercise slot filled by a drill rather than a stand-in question).</summary>
    [JsonIgnore] public bool IsDrill => Kind == LoopSlotKind.StatsExercise && DrillSeed is not null;

    /// <summary>True for an exercise graded exactly (SQL or a drill): no judge, no self-rating, no probes.</summary>
    [JsonIgnore] public bool IsGraded => IsSql || IsDrill;
}

/// <summary>An answer to one follow-up probe in interviewer-pressure mode.</summary>
public sealed record ProbeAnswer(int Index, string Probe, string Answer, DateTimeOffset AnsweredAt);

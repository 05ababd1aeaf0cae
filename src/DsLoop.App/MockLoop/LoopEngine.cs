using DsLoop.App.Judging;
using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Judge.Judging;

namespace DsLoop.App.MockLoop;

/// <summary>What became of an answer sent to a round.</summary>
public enum AnswerOutcome
{
    /// <summary>Recorded.</summary>
    Saved,
    /// <summary>Refused: nothing was written.</summary>
    Empty,
    /// <summary>Refused: over the length limit.</summary>
    TooLong,
    /// <summary>Refused: it arrived after the round's deadline, and the round is now closed.</summary>
    Late,
    /// <summary>Refused: no round is running.</summary>
    NotRunning,
    /// <summary>Refused: the loop is paused.</summary>
    Paused,
    /// <summary>Refused: it is not the exercise (or probe) being asked now.</summary>
    OutOfOrder,
    /// <summary>Refused: a drill's answer that can't be read in its format; nothing was written (<see cref="LoopDrills.Refusal"/> says why).</summary>
    Unreadable,
}

/// <summary>
/// The rules of a loop run, applied to its <see cref="LoopState"/>: planning after the recruiter-screen prep, round
/// clocks kept on the server in UTC (an answer later than the deadline plus <see cref="Grace"/> is refused and closes
/// the round), pauses that move the deadline, interviewer-pressure probes, self-ratings and the final scorecard.
/// The web pages and <c>dsloop loop start</c> share it.
/// </summary>
public sealed class LoopEngine(ContentBank content, AnswerReviewer reviewer, ILoopSqlGrader sql, TimeProvider clock)
{
    /// <summary>How late an answer may arrive and still count: the page's own auto-submit at zero travels over the network.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>The longest answer accepted, in characters.</summary>
    public const int MaxAnswerLength = 20_000;

    /// <summary>The engine's clock, in UTC.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The content the loops are planned from.</summary>
    public ContentBank Content => content;

    /// <summary>How SQL exercises are drawn and graded.</summary>
    public ILoopSqlGrader Sql => sql;

    /// <summary>The template a run follows, or null when the content no longer has it.</summary>
    public LoopTemplate? Template(LoopState state) => content.Loops.FirstOrDefault(t => t.Id == state.TemplateId);

    /// <summary>A new run of <paramref name="template"/>; <paramref name="seed"/> fixes the exercises and datasets, <paramref name="pressure"/> turns on follow-up probes.</summary>
    public static LoopState Create(LoopTemplate template, long seed, bool pressure) =>
        new() { TemplateId = template.Id, TemplateName = template.Name, Seed = seed, Pressure = pressure };

    /// <summary>Saves the recruiter-screen prep and plans the loop, favouring <paramref name="weakness"/>. False when already planned.</summary>
    public bool Plan(LoopState state, ScreenPrep prep, IReadOnlyDictionary<Dimension, double>? weakness)
    {
        if (state.Prep is not null)
        {
            return false;
        }
        var template = Template(state) ?? throw new InvalidOperationException($"The loop template '{state.TemplateId}' is not in the content.");
        var plan = LoopPlanner.Plan(template, content, state.Seed, weakness, [new SqlLoopExercises(sql), new DrillLoopExercises()]);
        var sqlIndex = 0;
        state.Prep = prep;
        state.Weakness = (weakness ?? new Dictionary<Dimension, double>()).ToDictionary(p => Dimensions.Slug(p.Key), p => Math.Round(p.Value, 3));
        state.Rounds = [.. plan.Rounds.Select(r => new RoundState
        {
            Id = r.Round.Id,
            Title = r.Round.Title,
            Kind = r.Round.Kind,
            Minutes = r.Round.Minutes,
            Optional = r.Round.Optional,
            Missing = r.Slots.Sum(s => s.Missing),
            Items = [.. r.Slots.SelectMany(s => s.Items).Select(i => new ExerciseState
            {
                Id = i.Id,
                Title = i.Title,
                Kind = i.Kind,
                Dimensions = [.. i.Dimensions],
                StandIn = i.Kind == LoopSlotKind.CasePart,
                SqlSeed = i.Kind == LoopSlotKind.Sql ? SqlSeed(state.Seed, sqlIndex++) : null,
                DrillSeed = i.Kind == LoopSlotKind.StatsExercise ? Drills.DrillPractice.NewSeed() : null,
            })],
        })];
        return true;
    }

    /// <summary>The dataset seed of the loop's n-th SQL exercise: fresh data per exercise, fixed by the loop's seed.</summary>
    public static ulong SqlSeed(long loopSeed, int index) => 1 + (unchecked((ulong)loopSeed * 7919UL + (ulong)index) % 1_000_000UL);

    /// <summary>Time left in a running round; the clock stands still while paused.</summary>
    public TimeSpan Remaining(LoopState state, RoundState round)
    {
        if (round.Deadline is not { } deadline || round.EndedAt is not null)
        {
            return TimeSpan.Zero;
        }
        var left = deadline - (state.PausedAt ?? Now);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Closes the running round when its deadline (plus grace) has passed. True when it did.</summary>
    public bool CloseIfOverdue(LoopState state)
    {
        if (state.PausedAt is null && state.Current is { Running: true, Deadline: { } deadline } round && Now > deadline + Grace)
        {
            Close(state, round, RoundEnd.TimeUp);
            return true;
        }
        return false;
    }

    /// <summary>Starts the next round's clock. False when the loop is not ready for it.</summary>
    public bool StartRound(LoopState state)
    {
        if (state.Prep is null || state.AwaitingRating is not null || state.PausedAt is not null || state.Current is not { StartedAt: null } round)
        {
            return false;
        }
        round.StartedAt = Now;
        round.Deadline = Now.AddMinutes(round.Minutes);
        if (round.Items.Count == 0)
        {
            Close(state, round, RoundEnd.Completed);
        }
        return true;
    }

    /// <summary>Skips the next round when it is optional and not started.</summary>
    public bool SkipRound(LoopState state)
    {
        if (state.Prep is null || state.AwaitingRating is not null || state.Current is not { StartedAt: null, Optional: true } round)
        {
            return false;
        }
        Close(state, round, RoundEnd.Skipped);
        return true;
    }

    /// <summary>Ends the running round now; exercises not answered stay unanswered.</summary>
    public bool EndRound(LoopState state)
    {
        if (CloseIfOverdue(state) || state.PausedAt is not null || state.Current is not { Running: true } round)
        {
            return false;
        }
        Close(state, round, RoundEnd.EndedEarly);
        return true;
    }

    /// <summary>Pauses the running round; its clock stands still until <see cref="Resume"/>. False when nothing is running.</summary>
    public bool Pause(LoopState state)
    {
        if (CloseIfOverdue(state) || state.PausedAt is not null || state.Current is not { Running: true })
        {
            return false;
        }
        state.PausedAt = Now;
        return true;
    }

    /// <summary>Resumes a paused loop, moving the running round's deadline by the length of the pause. False when not paused.</summary>
    public bool Resume(LoopState state)
    {
        if (state.PausedAt is not { } pausedAt)
        {
            return false;
        }
        if (state.Current is { Running: true, Deadline: { } deadline } round)
        {
            round.Deadline = deadline + (Now - pausedAt);
        }
        state.PausedAt = null;
        return true;
    }

    /// <summary>
    /// Records the answer to exercise <paramref name="itemIndex"/> of the running round. <paramref name="auto"/> marks
    /// the page's own submit at zero: it may be empty, and once the time is up it closes the round.
    /// </summary>
    public async Task<AnswerOutcome> AnswerAsync(LoopState state, int itemIndex, string? text, bool auto, CancellationToken cancellationToken)
    {
        if (Refusal(state, out var round) is { } refused)
        {
            return refused;
        }
        var item = round.CurrentItem;
        if (item is null || round.Items.IndexOf(item) != itemIndex || item.Answered)
        {
            return AnswerOutcome.OutOfOrder;
        }
        if (text?.Length > MaxAnswerLength)
        {
            return AnswerOutcome.TooLong;
        }
        var answer = text?.Trim() ?? "";
        if (item.IsDrill && answer.Length > 0 && LoopDrills.Refusal(item, answer) is not null)
        {
            if (!auto)
            {
                return AnswerOutcome.Unreadable;
            }
            answer = ""; // the page's own submit at zero with unreadable text: not answered
        }
        if (answer.Length == 0)
        {
            if (!auto)
            {
                return AnswerOutcome.Empty;
            }
            item.Closed = true;
        }
        else
        {
            item.Answer = answer;
            item.AnsweredAt = Now;
            item.AutoSubmitted = auto;
            if (item.IsSql)
            {
                var grade = await sql.GradeAsync(item.Id, item.SqlSeed ?? 1, answer, cancellationToken);
                item.Passed = grade.Passed;
                item.Feedback = [.. grade.Feedback];
                item.Closed = true;
            }
            else if (item.IsDrill)
            {
                LoopDrills.Grade(item);
                item.Closed = true;
            }
            else
            {
                item.Report = ItemOf(item) is { } question
                    ? await reviewer.ReviewAsync(question, answer, LevelOf(state), cancellationToken)
                    : null;
                item.CoachScore = item.Report?.Score ?? 0;
                item.JudgeRating = item.Report?.Rating;
                item.OffTopic = item.Report?.Relevance?.OffTopic == true;
                item.Closed = !state.Pressure || FollowUps(item).Count == 0;
            }
        }
        AfterInput(state, round, auto);
        return AnswerOutcome.Saved;
    }

    /// <summary>Records the answer to the next follow-up probe of an answered exercise, or moves on when <paramref name="moveOn"/>.</summary>
    public AnswerOutcome AnswerProbe(LoopState state, int itemIndex, string? text, bool auto, bool moveOn)
    {
        if (Refusal(state, out var round) is { } refused)
        {
            return refused;
        }
        var item = round.CurrentItem;
        if (item is null || round.Items.IndexOf(item) != itemIndex || !item.Answered)
        {
            return AnswerOutcome.OutOfOrder;
        }
        var probes = FollowUps(item);
        if (text?.Length > MaxAnswerLength)
        {
            return AnswerOutcome.TooLong;
        }
        var answer = text?.Trim() ?? "";
        if (moveOn || (auto && answer.Length == 0))
        {
            item.Closed = true;
        }
        else if (answer.Length == 0)
        {
            return AnswerOutcome.Empty;
        }
        else
        {
            var index = item.Probes.Count;
            item.Probes.Add(new ProbeAnswer(index, probes[index].Probe, answer, Now));
            item.Closed = item.Probes.Count >= probes.Count;
        }
        AfterInput(state, round, auto);
        return AnswerOutcome.Saved;
    }

    /// <summary>The probe to answer next for the exercise being asked, in pressure mode.</summary>
    public string? NextProbe(LoopState state, ExerciseState item) =>
        state.Pressure && item.Answered && !item.Closed && FollowUps(item) is { } probes && item.Probes.Count < probes.Count
            ? probes[item.Probes.Count].Probe
            : null;

    /// <summary>
    /// Stores the self-ratings (1–4) of a finished round's open answers; every answered open exercise needs one.
    /// Completes the loop and its scorecard after the last round. Returns a problem, or null when saved.
    /// </summary>
    public string? Rate(LoopState state, int roundIndex, IReadOnlyDictionary<int, int> ratings)
    {
        if (roundIndex < 0 || roundIndex >= state.Rounds.Count || state.Rounds[roundIndex] is not { EndedAt: not null } round)
        {
            return "That round has not ended.";
        }
        if (round.Rated)
        {
            return "This round is already rated.";
        }
        var toRate = round.Items.Select((item, index) => (item, index)).Where(x => NeedsRating(x.item)).ToList();
        if (toRate.Any(x => !ratings.TryGetValue(x.index, out var r) || r is < 1 or > 4))
        {
            return "Rate every answer: 1 Again, 2 Hard, 3 Good or 4 Easy.";
        }
        foreach (var (item, index) in toRate)
        {
            item.SelfRating = ratings[index];
        }
        round.Rated = true;
        CompleteIfDone(state);
        return null;
    }

    /// <summary>True for an answered open question: the candidate rates it when its round ends.</summary>
    public static bool NeedsRating(ExerciseState item) => !item.IsGraded && item.Answered;

    /// <summary>The bank's question behind an open exercise, or null for SQL and drills (or a question no longer in the bank).</summary>
    public QuestionItem? ItemOf(ExerciseState exercise) =>
        exercise.IsGraded ? null : content.ItemsById.GetValueOrDefault(exercise.Id);

    /// <summary>The follow-up probes of an open exercise's question with their expected points, in the interviewer's order.</summary>
    public IReadOnlyList<FollowUp> FollowUps(ExerciseState exercise) => ItemOf(exercise)?.FollowUps ?? [];

    /// <summary>
    /// The judge's report on an open exercise's answer, kept from when it was answered; for a loop saved before reports
    /// were kept, the cue coach's. Null when unanswered or when its question or framework is gone.
    /// </summary>
    public CoachReport? Coach(ExerciseState exercise) =>
        exercise.Report ?? (exercise.Answer is { } answer && ItemOf(exercise) is { } item && content.Frameworks.TryGetValue(item.FrameworkId, out var framework)
            ? AnswerCoach.Review(item, framework, answer)
            : null);

    /// <summary>The level a loop's answers are judged at: its template's.</summary>
    public JudgeLevel LevelOf(LoopState state) =>
        Template(state)?.Level == Level.SeniorDataScientist ? JudgeLevel.Senior : JudgeLevel.Ds;

    private AnswerOutcome? Refusal(LoopState state, out RoundState round)
    {
        round = state.Current!;
        if (state.PausedAt is not null)
        {
            return AnswerOutcome.Paused;
        }
        if (CloseIfOverdue(state))
        {
            return AnswerOutcome.Late;
        }
        return state.Current is { Running: true } ? null : AnswerOutcome.NotRunning;
    }

    private void AfterInput(LoopState state, RoundState round, bool auto)
    {
        if (auto && round.Deadline is { } deadline && Now >= deadline - TimeSpan.FromSeconds(2))
        {
            Close(state, round, RoundEnd.TimeUp);
        }
        else if (round.Items.All(i => i.Closed))
        {
            Close(state, round, RoundEnd.Completed);
        }
    }

    private void Close(LoopState state, RoundState round, RoundEnd reason)
    {
        var now = Now;
        round.EndedAt = reason == RoundEnd.TimeUp && round.Deadline is { } deadline && deadline < now ? deadline : now;
        round.EndReason = reason;
        foreach (var item in round.Items)
        {
            item.Closed = true;
        }
        round.Rated = !round.Items.Any(NeedsRating);
        CompleteIfDone(state);
    }

    private void CompleteIfDone(LoopState state)
    {
        if (state.Scorecard is null && state.Rounds.Count > 0 && state.Rounds.All(r => r.EndedAt is not null && r.Rated))
        {
            state.Scorecard = LoopScoring.Build(state, content);
            state.CompletedAt = Now;
            state.PausedAt = null;
        }
    }
}

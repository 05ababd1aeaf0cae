using DsLoop.App.Attempts;
using DsLoop.App.Judging;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Scheduling;
using DsLoop.Judge.Judging;
using DsLoop.Store;

namespace DsLoop.App.Practice;

/// <summary>
/// Answering open questions, for the practice pages and <c>dsloop practice</c> alike: an answer is checked, judged
/// and stored as one attempt; a self-rating moves the FSRS schedule; follow-up probes are answered one at a time and
/// judged on their expected points.
/// </summary>
/// <param name="content">The question bank and frameworks.</param>
/// <param name="reviewer">The answer judge.</param>
/// <param name="store">Where attempts live.</param>
/// <param name="scheduling">Moves the review schedule on a rating.</param>
/// <param name="clock">The time of each answer.</param>
public sealed class PracticeService(ContentBank content, AnswerReviewer reviewer, IAppStore store, ReviewScheduling scheduling, TimeProvider clock)
{
    /// <summary>The longest answer accepted, in characters.</summary>
    public const int MaxAnswerLength = 20_000;

    /// <summary>The longest follow-up answer accepted, in characters.</summary>
    public const int MaxFollowUpLength = 10_000;

    /// <summary>A follow-up is a short spoken answer: 30 to 60 seconds, in words.</summary>
    public static readonly (int Min, int Max) FollowUpTarget = (50, 150);

    /// <summary>The question bank the service answers from.</summary>
    public ContentBank Content => content;

    /// <summary>Judges <paramref name="answer"/> to <paramref name="item"/> and stores it as a new attempt.</summary>
    /// <param name="userId">Who answered.</param>
    /// <param name="item">The question.</param>
    /// <param name="answer">The answer as typed.</param>
    /// <param name="seconds">How long the answer took (clamped to a day).</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="level">The level to judge at; by default senior only for senior-only items.</param>
    public async Task<Outcome<Attempt>> SubmitAsync(
        string userId, QuestionItem item, string? answer, int seconds, CancellationToken cancellationToken, JudgeLevel? level = null)
    {
        // The limit is on the text as sent: padding is not free to send, parse or trim.
        if (answer?.Length > MaxAnswerLength)
        {
            return Outcome<Attempt>.Invalid($"The answer is {answer.Length:N0} characters; the limit is {MaxAnswerLength:N0}.");
        }
        var text = answer?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Outcome<Attempt>.Invalid("Write your answer before submitting.");
        }
        var now = clock.GetUtcNow();
        var took = Math.Clamp(seconds, 0, 24 * 3600);
        var coach = await reviewer.ReviewAsync(item, text, level ?? AnswerReviewer.DefaultLevel(item), cancellationToken);
        var attempt = AttemptPayloads.New(userId, item.Id, new OpenAnswer(text, took, coach.Words, coach), now.AddSeconds(-took), now, coach.Score);
        await store.AddAttemptAsync(attempt, cancellationToken);
        return Outcome<Attempt>.Done(attempt);
    }

    /// <summary>
    /// Adds the candidate's rating to an open-question attempt (once) and moves the item's review schedule.
    /// Steps not rated, or rated with an unknown level, count as missed.
    /// </summary>
    public async Task<Outcome<Attempt>> RateAsync(
        Attempt attempt, ReviewRating rating, IReadOnlyDictionary<string, string> stepLevels, CancellationToken cancellationToken)
    {
        if (attempt.Read<OpenAnswer>() is not { } answer || !content.ItemsById.TryGetValue(attempt.ItemId, out var item))
        {
            return Outcome<Attempt>.Invalid("Only answers to questions in the bank can be rated.");
        }
        if (answer.Rating is not null)
        {
            return Outcome<Attempt>.Clash("This attempt is already rated.");
        }
        if (!Enum.IsDefined(rating))
        {
            return Outcome<Attempt>.Invalid("Choose Again, Hard, Good or Easy.");
        }
        var steps = content.Frameworks[item.FrameworkId].Steps.ToDictionary(
            s => s.Id,
            s => stepLevels.TryGetValue(s.Id, out var level) && SelfRating.StepLevels.Contains(level) ? level : "missed",
            StringComparer.Ordinal);
        var schedule = await scheduling.RateAsync(attempt.UserId, item.Id, rating, cancellationToken);
        var rated = attempt.With(answer with { Rating = new SelfRating(steps, rating, clock.GetUtcNow(), schedule.DueAt) }) with { SelfRating = (int)rating };
        await store.UpdateAttemptAsync(rated, cancellationToken);
        return Outcome<Attempt>.Done(rated);
    }

    /// <summary>The follow-up probe to answer next (they come one at a time, in the interviewer's order), or null when none is left.</summary>
    public static int? NextFollowUp(QuestionItem item, OpenAnswer answer) =>
        Enumerable.Range(0, item.FollowUps.Count).Cast<int?>().FirstOrDefault(i => answer.FollowUps?.Any(f => f.Index == i) != true);

    /// <summary>Adds the answer to follow-up probe <paramref name="index"/>, judged on the probe's expected points.</summary>
    public async Task<Outcome<Attempt>> AnswerFollowUpAsync(
        Attempt attempt, int index, string? text, int seconds, CancellationToken cancellationToken)
    {
        if (attempt.Read<OpenAnswer>() is not { } answer || !content.ItemsById.TryGetValue(attempt.ItemId, out var item))
        {
            return Outcome<Attempt>.Invalid("Only answers to questions in the bank have follow-ups.");
        }
        var trimmed = text?.Trim() ?? "";
        if (index != NextFollowUp(item, answer))
        {
            return Outcome<Attempt>.Clash("Answer the follow-ups in order, one at a time.");
        }
        if (trimmed.Length == 0)
        {
            return Outcome<Attempt>.Invalid("Write your answer to the follow-up before submitting.");
        }
        if (text!.Length > MaxFollowUpLength)
        {
            return Outcome<Attempt>.Invalid($"The answer is {text.Length:N0} characters; the limit is {MaxFollowUpLength:N0}.");
        }
        var probe = item.FollowUps[index];
        var coach = await reviewer.ReviewProbeAsync(item, probe.Probe, probe.ExpectedPoints, trimmed, FollowUpTarget, cancellationToken);
        var answered = new FollowUpAnswer(index, probe.Probe, trimmed, Math.Clamp(seconds, 0, 24 * 3600), coach, clock.GetUtcNow());
        var updated = attempt.With(answer with { FollowUps = [.. answer.FollowUps ?? [], answered] });
        await store.UpdateAttemptAsync(updated, cancellationToken);
        return Outcome<Attempt>.Done(updated);
    }
}

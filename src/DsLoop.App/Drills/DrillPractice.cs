using System.Security.Cryptography;
using DsLoop.App.Attempts;
using DsLoop.App.Practice;
using DsLoop.Core;
using DsLoop.Core.Scheduling;
using DsLoop.Drills;
using DsLoop.Drills.Answers;
using DsLoop.Store;

namespace DsLoop.App.Drills;

/// <summary>
/// Statistics and probability drills as attempts. Starting a drill draws a random seed on the server and stores it
/// with the family, so the page refers to the attempt, never to the seed; answering grades once, stores the result,
/// and moves the family's review schedule (<see cref="DrillReview"/>). An unreadable answer stores nothing.
/// </summary>
/// <param name="store">Where attempts live.</param>
/// <param name="scheduling">The FSRS schedules shared with open questions.</param>
/// <param name="clock">Start and answer times.</param>
public sealed class DrillPractice(IAppStore store, ReviewScheduling scheduling, TimeProvider clock)
{
    /// <summary>Every family grouped by area, with <paramref name="userId"/>'s record on each, from one summary query.</summary>
    public async Task<IReadOnlyList<DrillAreaGroup>> FamiliesAsync(string userId, CancellationToken cancellationToken)
    {
        var summaries = (await store.SummarizeAttemptsAsync(userId, AttemptKind.Statistics, 1.0, cancellationToken))
            .ToDictionary(s => s.ItemId, StringComparer.Ordinal);
        return [.. DrillCatalog.Families.GroupBy(f => f.Area).Select(g => new DrillAreaGroup(g.Key, DrillText.AreaTitle(g.Key),
            [.. g.Select(f => Record(f, summaries.GetValueOrDefault(f.Id)))]))];
    }

    /// <summary><paramref name="userId"/>'s record on one family.</summary>
    public async Task<DrillFamilyRecord> RecordAsync(string userId, IDrillFamily family, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(family);
        var summaries = await store.SummarizeAttemptsAsync(userId, AttemptKind.Statistics, 1.0, cancellationToken);
        return Record(family, summaries.FirstOrDefault(s => s.ItemId == family.Id));
    }

    /// <summary>A page of <paramref name="userId"/>'s drills of one family, newest first.</summary>
    public async Task<KeysetPage<DrillAttempt>> HistoryAsync(string userId, IDrillFamily family, int pageSize, PageCursor? before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(family);
        var page = await store.ListAttemptsPageAsync(userId, new AttemptFilter(pageSize) { Kind = AttemptKind.Statistics, ItemId = family.Id, Before = before }, cancellationToken);
        return new([.. page.Items.Select(View).OfType<DrillAttempt>()], page.Next);
    }

    /// <summary>Draws a fresh drill of the family named <paramref name="familyId"/> and stores it, unanswered.</summary>
    public async Task<Outcome<DrillAttempt>> StartAsync(string userId, string? familyId, CancellationToken cancellationToken)
    {
        if (DrillCatalog.Find(familyId ?? "") is not { } family)
        {
            return Outcome<DrillAttempt>.Invalid($"'{familyId}' is not a drill family; choose one of {string.Join(", ", DrillCatalog.Families.Select(f => f.Id))}.");
        }
        var payload = new DrillAnswer(family.Id, NewSeed());
        var attempt = AttemptPayloads.New(userId, family.Id, payload, clock.GetUtcNow(), null, null);
        await store.AddAttemptAsync(attempt, cancellationToken);
        return Outcome<DrillAttempt>.Done(View(attempt)!);
    }

    /// <summary><paramref name="userId"/>'s drill attempt, or null when it is not theirs, not a drill or of a family no longer built.</summary>
    public async Task<DrillAttempt?> FindAsync(string userId, string attemptId, CancellationToken cancellationToken) =>
        await store.GetAttemptAsync(userId, attemptId, cancellationToken) is { Kind: AttemptKind.Statistics } attempt ? View(attempt) : null;

    /// <summary>
    /// Grades <paramref name="answer"/> and stores the result, once. Refused with nothing stored when the answer can't be
    /// read (the message names the expected format) and a conflict when the drill is already answered.
    /// </summary>
    public async Task<Outcome<DrillAttempt>> AnswerAsync(DrillAttempt drill, string? answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drill);
        if (drill.Payload.Answered)
        {
            return Outcome<DrillAttempt>.Clash("This drill is already answered; start a fresh one.");
        }
        var generated = DrillCatalog.Generate(drill.Payload.Family, drill.Payload.Seed);
        var verdict = DrillGrader.Grade(generated, answer);
        if (verdict.Kind == VerdictKind.Refused)
        {
            return Outcome<DrillAttempt>.Invalid(DrillText.Unreadable(generated, verdict));
        }
        var now = clock.GetUtcNow();
        var correct = verdict.Kind == VerdictKind.Correct;
        var payload = drill.Payload with { Answer = answer!.Trim(), Given = verdict.Given, Correct = correct, Mistake = verdict.Mistake?.Name, AnsweredAt = now };
        var updated = drill.Attempt.With(payload) with { SubmittedAt = now, Score = correct ? 1 : 0 };
        await store.UpdateAttemptAsync(updated, cancellationToken);
        await scheduling.RateAsync(drill.Attempt.UserId, DrillReview.ItemId(drill.Payload.Family), correct ? ReviewRating.Good : ReviewRating.Again, cancellationToken);
        return Outcome<DrillAttempt>.Done(View(updated)!);
    }

    /// <summary>A seed for a new drill: random, drawn on the server and never sent to the browser.</summary>
    public static int NewSeed() => RandomNumberGenerator.GetInt32(1, int.MaxValue);

    /// <summary>The attempt with its drill rebuilt from family and seed, or null when the family is no longer built.</summary>
    public static DrillAttempt? View(Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Read<DrillAnswer>() is not { } payload || DrillCatalog.Find(payload.Family) is not { } family)
        {
            return null;
        }
        var drill = family.Generate(payload.Seed);
        DrillReveal? reveal = null;
        if (payload.Answered)
        {
            var verdict = DrillGrader.Grade(drill, payload.Answer);
            var seconds = (long)Math.Max(0, ((payload.AnsweredAt ?? attempt.SubmittedAt ?? attempt.StartedAt) - attempt.StartedAt).TotalSeconds);
            reveal = DrillText.Reveal(drill, verdict, payload.Answer ?? "", seconds);
        }
        return new DrillAttempt(attempt, payload, DrillText.Sheet(drill, family.Area), reveal);
    }

    private static DrillFamilyRecord Record(IDrillFamily family, ItemAttemptSummary? summary) =>
        new(family.Id, family.Title, summary?.Submitted ?? 0, summary?.Passed ?? 0, summary is { Submitted: > 0 } s ? s.LastAt : null);
}

using System.Text.Json;
using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Practice;

/// <summary>What an open-question attempt records.</summary>
internal sealed record OpenAnswer(
    string Answer, int Seconds, int Words, CoachReport? Coach = null, SelfRating? Rating = null, IReadOnlyList<FollowUpAnswer>? FollowUps = null)
{
    /// <summary>The open answer an attempt records, or null for other kinds of attempt.</summary>
    public static OpenAnswer? From(Attempt attempt) =>
        attempt.Kind == AttemptKind.OpenQuestion ? JsonSerializer.Deserialize<OpenAnswer>(attempt.PayloadJson, JsonDefaults.Options) : null;
}

/// <summary>An answer to one of the item's follow-up probes, with the coach's habit and length checks.</summary>
internal sealed record FollowUpAnswer(int Index, string Probe, string Answer, int Seconds, CoachReport Coach, DateTimeOffset AnsweredAt);

/// <summary>The candidate's own verdict: each framework step as missed, partial or solid, and an overall FSRS rating.</summary>
internal sealed record SelfRating(IReadOnlyDictionary<string, string> Steps, DsLoop.Core.Scheduling.ReviewRating Overall, DateTimeOffset RatedAt, DateTimeOffset NextDue);

internal sealed class PracticeItemModel(ContentBank content, IAppStore store, TimeProvider clock) : PageModel
{
    public const int MaxAnswerLength = 20_000;

    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public int Seconds { get; set; }

    public QuestionItem Item { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public IReadOnlyList<Attempt> History { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var text = Answer?.Trim() ?? "";
        Problem = text.Length switch
        {
            0 => "Write your answer before submitting.",
            > MaxAnswerLength => $"The answer is {text.Length:N0} characters; the limit is {MaxAnswerLength:N0}.",
            _ => null,
        };
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow();
        var seconds = Math.Clamp(Seconds, 0, 24 * 3600);
        var coach = AnswerCoach.Review(Item, Framework, text);
        var attempt = new Attempt(Ids.New(), User.UserId(), AttemptKind.OpenQuestion, Item.Id, now.AddSeconds(-seconds), now, coach.Score,
            JsonSerializer.Serialize(new OpenAnswer(text, seconds, coach.Words, coach), JsonDefaults.Options));
        await store.AddAttemptAsync(attempt, cancellationToken);
        return Redirect($"/progress/attempts/{attempt.Id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!content.ItemsById.TryGetValue(id, out var item))
        {
            return false;
        }
        Item = item;
        Framework = content.Frameworks[item.FrameworkId];
        History = await store.ListAttemptsAsync(User.UserId(), item.Id, 20, cancellationToken);
        return true;
    }
}

internal static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

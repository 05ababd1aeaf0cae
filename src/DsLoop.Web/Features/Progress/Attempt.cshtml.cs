using System.Text.Json;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Practice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Progress;

internal sealed class AttemptModel(ContentBank content, IAppStore store, ReviewScheduling scheduling, TimeProvider clock) : PageModel
{
    public Attempt Attempt { get; private set; } = null!;
    public QuestionItem? Item { get; private set; }
    public OpenAnswer? Answer { get; private set; }
    public IReadOnlyList<FrameworkStep> Steps => Item is { } i && content.Frameworks.TryGetValue(i.FrameworkId, out var f) ? f.Steps : [];

    /// <summary>The coach's view as the starting point of the self-rating: heard steps start at partial.</summary>
    public string SuggestedLevel(string stepId) =>
        Answer?.Coach?.Steps.FirstOrDefault(s => s.StepId == stepId)?.Covered == true ? "partial" : "missed";

    public string FrameworkName => Item is { } i && content.Frameworks.TryGetValue(i.FrameworkId, out var f) ? f.Name : "the framework";

    public string StepHint(string stepId) =>
        Item is { } i && content.Frameworks.TryGetValue(i.FrameworkId, out var f)
            ? f.Steps.FirstOrDefault(s => s.Id == stepId)?.Description ?? ""
            : "";

    public static readonly string[] StepLevels = ["missed", "partial", "solid"];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnPostRateAsync(string id, string? overall, CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(id, cancellationToken);
        if (page is not PageResult || Answer is null || Item is null)
        {
            return page is PageResult ? BadRequest() : page;
        }
        if (Answer.Rating is not null)
        {
            Problem = "This attempt is already rated.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (!Enum.TryParse<DsLoop.Core.Scheduling.ReviewRating>(overall, out var rating) || !Enum.IsDefined(rating))
        {
            Problem = "Choose Again, Hard, Good or Easy.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var framework = content.Frameworks[Item.FrameworkId];
        var steps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in framework.Steps)
        {
            var value = Request.Form[$"step-{step.Id}"].ToString();
            steps[step.Id] = StepLevels.Contains(value) ? value : "missed";
        }
        var schedule = await scheduling.RateAsync(Attempt.UserId, Item.Id, rating, cancellationToken);
        var rated = Answer with { Rating = new SelfRating(steps, rating, clock.GetUtcNow(), schedule.DueAt) };
        await store.UpdateAttemptAsync(Attempt with { PayloadJson = JsonSerializer.Serialize(rated, JsonDefaults.Options) }, cancellationToken);
        return Redirect($"/progress/attempts/{Attempt.Id}#rating");
    }

    /// <summary>A follow-up is a short spoken answer: 30 to 60 seconds.</summary>
    public static readonly (int Min, int Max) FollowUpTarget = (50, 150);

    public const int MaxFollowUpLength = 10_000;

    /// <summary>The probe to answer next: follow-ups come one at a time, in the interviewer's order.</summary>
    public int? NextFollowUp => Item is null || Answer is null
        ? null
        : Enumerable.Range(0, Item.FollowUps.Count).Cast<int?>().FirstOrDefault(i => Answer.FollowUps?.Any(f => f.Index == i) != true);

    public FollowUpAnswer? FollowUpAnswered(int index) => Answer?.FollowUps?.FirstOrDefault(f => f.Index == index);

    public string? FollowUpProblem { get; private set; }

    [BindProperty] public string? FollowUpText { get; set; }
    [BindProperty] public int FollowUpSeconds { get; set; }

    public async Task<IActionResult> OnPostFollowUpAsync(string id, int index, CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(id, cancellationToken);
        if (page is not PageResult || Answer is null || Item is null)
        {
            return page is PageResult ? BadRequest() : page;
        }
        var text = FollowUpText?.Trim() ?? "";
        FollowUpProblem = index != NextFollowUp ? "Answer the follow-ups in order, one at a time."
            : text.Length == 0 ? "Write your answer to the follow-up before submitting."
            : text.Length > MaxFollowUpLength ? $"The answer is {text.Length:N0} characters; the limit is {MaxFollowUpLength:N0}."
            : null;
        if (FollowUpProblem is not null)
        {
            Response.StatusCode = index != NextFollowUp ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
        var coach = DsLoop.Content.Coaching.AnswerCoach.Review(text, content.Frameworks[Item.FrameworkId], FollowUpTarget);
        var answered = new FollowUpAnswer(index, Item.FollowUps[index], text, Math.Clamp(FollowUpSeconds, 0, 24 * 3600), coach, clock.GetUtcNow());
        var updated = Answer with { FollowUps = [.. Answer.FollowUps ?? [], answered] };
        await store.UpdateAttemptAsync(Attempt with { PayloadJson = JsonSerializer.Serialize(updated, JsonDefaults.Options) }, cancellationToken);
        return Redirect($"/progress/attempts/{Attempt.Id}#follow-up-{index + 1}");
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        // The store only returns attempts the signed-in user owns; anyone else gets a plain 404.
        if (await store.GetAttemptAsync(User.UserId(), id, cancellationToken) is not { } attempt)
        {
            return NotFound();
        }
        Attempt = attempt;
        Item = content.ItemsById.GetValueOrDefault(attempt.ItemId);
        Answer = OpenAnswer.From(attempt);
        return Page();
    }
}

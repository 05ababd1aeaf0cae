using DsLoop.App;
using DsLoop.App.Attempts;
using DsLoop.App.Practice;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Scheduling;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Progress;

internal sealed class AttemptModel(PracticeService practice, IAppStore store) : PageModel
{
    private ContentBank Bank => practice.Content;

    public Attempt Attempt { get; private set; } = null!;
    public QuestionItem? Item { get; private set; }
    public OpenAnswer? Answer { get; private set; }
    public IReadOnlyList<FrameworkStep> Steps => Framework?.Steps ?? [];

    /// <summary>The item's framework, or null when the item or framework is gone from the bank.</summary>
    public Framework? Framework => Item is { } i ? Bank.Frameworks.GetValueOrDefault(i.FrameworkId) : null;

    /// <summary>The coach's view as the starting point of the self-rating: heard steps start at partial.</summary>
    public string SuggestedLevel(string stepId) =>
        Answer?.Coach?.Steps.FirstOrDefault(s => s.StepId == stepId)?.Covered == true ? "partial" : "missed";

    public static IReadOnlyList<string> StepLevels => SelfRating.StepLevels;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnPostRateAsync(string id, string? overall, CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(id, cancellationToken);
        if (page is not PageResult || Answer is null || Item is null)
        {
            return page is PageResult ? BadRequest() : page;
        }
        if (!Enum.TryParse<ReviewRating>(overall, out var rating) || !Enum.IsDefined(rating))
        {
            return Refuse(Outcome<Attempt>.Invalid("Choose Again, Hard, Good or Easy."), p => Problem = p);
        }
        var levels = Steps.ToDictionary(s => s.Id, s => Request.Form[$"step-{s.Id}"].ToString(), StringComparer.Ordinal);
        var rated = await practice.RateAsync(Attempt, rating, levels, cancellationToken);
        return rated.Ok ? Redirect($"/progress/attempts/{Attempt.Id}#rating") : Refuse(rated, p => Problem = p);
    }

    public const int MaxFollowUpLength = PracticeService.MaxFollowUpLength;

    public static (int Min, int Max) FollowUpTarget => PracticeService.FollowUpTarget;

    /// <summary>The probe to answer next: follow-ups come one at a time, in the interviewer's order.</summary>
    public int? NextFollowUp => Item is null || Answer is null ? null : PracticeService.NextFollowUp(Item, Answer);

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
        var answered = await practice.AnswerFollowUpAsync(Attempt, index, FollowUpText, FollowUpSeconds, cancellationToken);
        return answered.Ok ? Redirect($"/progress/attempts/{Attempt.Id}#follow-up-{index + 1}") : Refuse(answered, p => FollowUpProblem = p);
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        // The store only returns attempts the signed-in user owns; anyone else gets a plain 404.
        if (await store.GetAttemptAsync(User.UserId(), id, cancellationToken) is not { } attempt)
        {
            return NotFound();
        }
        if (attempt.Kind == AttemptKind.Statistics)
        {
            // A drill has its own page, which hides the answer until it is given.
            return Redirect($"/stats/attempts/{attempt.Id}");
        }
        Attempt = attempt;
        Item = Bank.ItemsById.GetValueOrDefault(attempt.ItemId);
        Answer = attempt.Read<OpenAnswer>();
        return Page();
    }

    private PageResult Refuse(Outcome<Attempt> outcome, Action<string?> show)
    {
        show(outcome.Problem);
        Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}

using DsLoop.App.Attempts;
using DsLoop.App.Practice;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Scheduling;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Practice;

/// <summary>One question's history for the signed-in user: every attempt, how each framework step fared, and the review schedule.</summary>
internal sealed class PracticeHistoryModel(ContentBank content, IAppStore store) : PageModel
{
    public QuestionItem Item { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public IReadOnlyList<(Attempt Attempt, OpenAnswer? Answer)> Attempts { get; private set; } = [];
    public FsrsCard? Card { get; private set; }

    /// <summary>How many attempts showed each framework step, in framework order.</summary>
    public IReadOnlyList<(FrameworkStep Step, int Covered, int Of)> StepRecord { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!content.ItemsById.TryGetValue(id, out var item))
        {
            return NotFound();
        }
        Item = item;
        Framework = content.Frameworks[item.FrameworkId];
        var userId = User.UserId();
        var attempts = await Pages.AllAsync(cursor => store.ListAttemptsPageAsync(userId, new AttemptFilter(Pages.Whole) { ItemId = item.Id, Before = cursor }, cancellationToken));
        Attempts = [.. attempts.Select(a => (a, a.Read<OpenAnswer>()))];
        var coached = Attempts.Select(a => a.Answer?.Coach).OfType<DsLoop.Content.Coaching.CoachReport>().ToList();
        StepRecord = [.. Framework.Steps.Select(step => (step, coached.Count(c => c.Steps.Any(s => s.StepId == step.Id && s.Covered)), coached.Count))];
        if (await store.GetScheduleAsync(User.UserId(), item.Id, cancellationToken) is { } schedule)
        {
            Card = ReviewScheduling.Read(schedule);
        }
        return Page();
    }
}

using DsLoop.App.Judging;
using DsLoop.App.Practice;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Judge.Judging;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Practice;

internal sealed class PracticeItemModel(PracticeService practice, IAppStore store) : PageModel
{
    public const int MaxAnswerLength = PracticeService.MaxAnswerLength;

    /// <summary>How many of my latest attempts the page lists; the history page has them all.</summary>
    public const int HistoryShown = 20;

    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public int Seconds { get; set; }
    /// <summary>The level to be judged at, for items asked at both levels: <c>ds</c> (default) or <c>senior</c>.</summary>
    [BindProperty] public string? Level { get; set; }

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
        var level = Level == "senior" && Item.Level != DsLoop.Core.Level.DataScientist ? JudgeLevel.Senior : AnswerReviewer.DefaultLevel(Item);
        var submitted = await practice.SubmitAsync(User.UserId(), Item, Answer, Seconds, cancellationToken, level);
        if (submitted.Value is not { } attempt)
        {
            Problem = submitted.Problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/progress/attempts/{attempt.Id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!practice.Content.ItemsById.TryGetValue(id, out var item))
        {
            return false;
        }
        Item = item;
        Framework = practice.Content.Frameworks[item.FrameworkId];
        History = await store.ListAttemptsAsync(User.UserId(), item.Id, HistoryShown, cancellationToken);
        return true;
    }
}

using System.Globalization;
using System.Text;
using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Core.Scorecard;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.MockLoop;

/// <summary>
/// <c>/loop/{id}/scorecard</c>: the finished loop's scorecard with every rating linked to the round and answer behind
/// it, the Markdown download, and the company red-flags checklist saved with the loop.
/// </summary>
internal sealed class LoopScorecardModel(LoopRuns runs, ContentBank content, TimeProvider clock) : PageModel
{
    public LoopState State { get; private set; } = null!;
    public InterviewScorecard Card => State.Scorecard!;
    public string LoopId { get; private set; } = "";

    /// <summary>Why the red-flags form was refused, shown above it.</summary>
    public string? Problem { get; private set; }
    public DsLoop.Core.LoopRun Run { get; private set; } = null!;

    /// <summary>The bank's company red-flag drills, as the checklist.</summary>
    public IReadOnlyList<QuestionItem> RedFlagItems => RedFlagChecklist.Items(content);

    public string Link(string itemId) => ScorecardLinks.Link(State, LoopId, itemId);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetMarkdownAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other)
        {
            return other;
        }
        var text = LoopMarkdown.Write(State, Run, content);
        return File(Encoding.UTF8.GetBytes(text), "text/markdown; charset=utf-8",
            string.Create(CultureInfo.InvariantCulture, $"dsloop-{State.TemplateId}-{Run.StartedAt:yyyyMMdd-HHmm}.md"));
    }

    public async Task<IActionResult> OnPostRedFlagsAsync(string id, string[]? flags, string? notes, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other)
        {
            return other;
        }
        if (LoopNotes.FirstTooLong(("Notes", notes)) is { } tooLong)
        {
            Problem = tooLong;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var known = RedFlagItems.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        State.RedFlags = [.. (flags ?? []).Where(known.Contains).Distinct(StringComparer.Ordinal)];
        State.RedFlagNotes = LoopNotes.Keep(notes);
        State.RedFlagsSavedAt = clock.GetUtcNow();
        await runs.SaveAsync(Run, State, cancellationToken);
        return Redirect($"/loop/{LoopId}/scorecard#red-flags");
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await runs.LoadAsync(User.UserId(), id, cancellationToken) is not { } loaded)
        {
            return NotFound();
        }
        (Run, State) = loaded;
        LoopId = Run.Id;
        return State.Scorecard is null ? Redirect($"/loop/{LoopId}") : null;
    }
}

/// <summary>Links from scorecard evidence to the round review that shows the answer.</summary>
internal static class ScorecardLinks
{
    public static string Link(LoopState state, string loopId, string itemId)
    {
        var round = state.Rounds.FindIndex(r => r.Items.Any(i => i.Id == itemId));
        return round < 0 ? $"/loop/{loopId}" : $"/loop/{loopId}/rounds/{round + 1}#item-{itemId}";
    }
}

/// <summary>What the scorecard partial shows.</summary>
internal sealed record ScorecardView(LoopState State, string LoopId);

using System.Text.Json;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Practice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Progress;

internal sealed class AttemptModel(ContentBank content, IAppStore store) : PageModel
{
    public Attempt Attempt { get; private set; } = null!;
    public QuestionItem? Item { get; private set; }
    public OpenAnswer? Answer { get; private set; }
    public string FrameworkName => Item is { } i && content.Frameworks.TryGetValue(i.FrameworkId, out var f) ? f.Name : "the framework";

    public string StepHint(string stepId) =>
        Item is { } i && content.Frameworks.TryGetValue(i.FrameworkId, out var f)
            ? f.Steps.FirstOrDefault(s => s.Id == stepId)?.Description ?? ""
            : "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        // The store only returns attempts the signed-in user owns; anyone else gets a plain 404.
        if (await store.GetAttemptAsync(User.UserId(), id, cancellationToken) is not { } attempt)
        {
            return NotFound();
        }
        Attempt = attempt;
        Item = content.ItemsById.GetValueOrDefault(attempt.ItemId);
        if (attempt.Kind == AttemptKind.OpenQuestion)
        {
            Answer = JsonSerializer.Deserialize<OpenAnswer>(attempt.PayloadJson, JsonDefaults.Options);
        }
        return Page();
    }
}

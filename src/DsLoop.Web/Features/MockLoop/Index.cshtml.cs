using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.MockLoop;

/// <summary><c>/loop</c>: the templates by level and company variant, my past loops, and starting a new one.</summary>
internal sealed class MockLoopIndexModel(ContentBank content, IAppStore store, LoopRuns runs) : PageModel
{
    public IReadOnlyList<LoopTemplate> Templates => content.Loops;

    public IReadOnlyList<(LoopRun Run, LoopState State)> Past { get; private set; } = [];
    public string? Older { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(string? before, CancellationToken cancellationToken)
    {
        var cursor = Paging.Read(this, before, out var problem);
        Problem = problem;
        var page = await store.ListLoopsPageAsync(User.UserId(), new LoopFilter(Paging.PageSize) { Before = cursor }, cancellationToken);
        Past = [.. page.Items.Select(r => (r, LoopState.FromJson(r.StateJson)))];
        Older = Paging.OlderLink("/loop", page.Next);
    }

    public async Task<IActionResult> OnPostStartAsync(string? templateId, bool pressure, long? seed, CancellationToken cancellationToken)
    {
        var template = content.Loops.FirstOrDefault(t => t.Id == templateId);
        if (template is null)
        {
            Problem = "Choose one of the loop templates.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(null, cancellationToken);
            return Page();
        }
        var state = LoopEngine.Create(template, seed ?? Random.Shared.NextInt64(1, 1_000_000_000), pressure);
        var run = await runs.CreateAsync(User.UserId(), state, cancellationToken);
        return Redirect($"/loop/{run.Id}");
    }

    public static string Describe(LoopTemplate template) =>
        string.Join(", ", template.Rounds.Where(r => !r.Optional).Select(r => $"{r.Title} ({r.Minutes} min)"));

    public static string Level(Level level) => level == DsLoop.Core.Level.SeniorDataScientist ? "Senior Data Scientist" : "Data Scientist";

    public static string Variant(CompanyVariant variant) => variant switch
    {
        CompanyVariant.B2BSaas => "B2B SaaS",
        CompanyVariant.Consumer => "Consumer",
        CompanyVariant.TrustAndSafety => "Trust & safety",
        _ => "Any company",
    };

    public static string StatusText(LoopState state) => state.Status switch
    {
        LoopStatus.Completed => "finished",
        LoopStatus.Paused => "paused",
        _ when state.Prep is null => "recruiter-screen prep",
        _ => $"round {Math.Min(state.Rounds.Count(r => r.EndedAt is not null) + 1, state.Rounds.Count)} of {state.Rounds.Count}",
    };
}

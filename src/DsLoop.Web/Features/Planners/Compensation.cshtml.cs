using DsLoop.App.Planners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Planners;

/// <summary><c>/planners/compensation</c>: a target range and a recruiter-screen sentence from the ranges the user researched.</summary>
internal sealed class CompensationModel : PageModel
{
    public const int Rows = 4;

    [BindProperty] public string Level { get; set; } = "senior";
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public List<string?> Sources { get; set; } = [];
    [BindProperty] public List<decimal?> Lows { get; set; } = [];
    [BindProperty] public List<decimal?> Highs { get; set; } = [];
    [BindProperty] public List<string> Leverage { get; set; } = [];

    public CompensationPlan? Plan { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var ranges = Enumerable.Range(0, Rows).Select(i => new ResearchedRange(
            (Sources.ElementAtOrDefault(i) ?? "").Trim() is { Length: > 0 } s ? s : $"source {i + 1}",
            Lows.ElementAtOrDefault(i) ?? 0, Highs.ElementAtOrDefault(i) ?? 0));
        Plan = CompensationPlanner.Plan(ranges, Level, Location ?? "", Leverage);
        if (Plan is null)
        {
            Problem = "Enter at least one researched range with a bottom and a top, in thousands of dollars a year.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}

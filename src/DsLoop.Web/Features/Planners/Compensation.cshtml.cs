using DsLoop.App.Planners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Planners;

/// <summary>
/// <c>/planners/compensation</c>: a target base range, the whole package and a recruiter-screen sentence from what the
/// user researched and the evidence they wrote; amounts are read as thousands or dollars and checked.
/// </summary>
internal sealed class CompensationModel : PageModel
{
    public const int Rows = 4;

    /// <summary>The longest evidence line kept for one leverage point.</summary>
    public const int MaxEvidence = 300;

    [BindProperty] public string Level { get; set; } = "senior";
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public List<string?> Sources { get; set; } = [];
    [BindProperty] public List<string?> Lows { get; set; } = [];
    [BindProperty] public List<string?> Highs { get; set; } = [];
    [BindProperty] public string? Bonus { get; set; }
    [BindProperty] public string? EquityLow { get; set; }
    [BindProperty] public string? EquityHigh { get; set; }
    [BindProperty] public List<string> Leverage { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Evidence { get; set; } = [];

    public CompensationPlan? Plan { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<string> Notes { get; private set; } = [];

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var rows = Enumerable.Range(0, Rows).Select(i => new TypedRange(Sources.ElementAtOrDefault(i), Lows.ElementAtOrDefault(i), Highs.ElementAtOrDefault(i))).ToList();
        var (ranges, baseProblems, baseNotes) = SalaryAmounts.ReadBase(rows);
        var problems = baseProblems.ToList();
        var notes = baseNotes.ToList();
        var bonus = SalaryAmounts.ReadBonus(Bonus, problems);
        var equity = SalaryAmounts.ReadEquity(EquityLow, EquityHigh, problems, notes);
        var evidence = Leverage.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => (Evidence.GetValueOrDefault(id) ?? "").Trim(), StringComparer.Ordinal);
        foreach (var (id, line) in evidence.Where(e => e.Value.Length > MaxEvidence))
        {
            problems.Add($"Evidence for {CompensationPlanner.LeveragePoints.FirstOrDefault(p => p.Id == id)?.Name ?? id} is {line.Length:N0} characters; the limit is {MaxEvidence}.");
        }
        if (problems.Count == 0 && ranges.Count == 0)
        {
            problems.Add("Enter at least one researched range with a bottom and a top, in thousands (180) or dollars (180,000) a year.");
        }
        Notes = notes;
        if (problems.Count > 0)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var package = bonus is null && equity is null ? null : new PackageResearch(bonus, equity?.Low, equity?.High);
        Plan = CompensationPlanner.Plan(ranges, Level, Location ?? "", evidence, package);
        return Page();
    }
}

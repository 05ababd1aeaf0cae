using DsLoop.App.Drills;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Drills;

internal sealed class DrillPageModel(DrillPractice drills, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Answer { get; set; }

    public DrillAttempt Drill { get; private set; } = null!;
    public string? Problem { get; private set; }

    /// <summary>Seconds since the drill was drawn, by the server's clock, for the page's timer.</summary>
    public long ElapsedSeconds => (long)Math.Max(0, (clock.GetUtcNow() - Drill.Attempt.StartedAt).TotalSeconds);

    public async Task<IActionResult> OnGetAsync(string attemptId, CancellationToken cancellationToken)
    {
        // Only the owner's drills are found; anyone else gets a plain 404.
        if (await drills.FindAsync(User.UserId(), attemptId, cancellationToken) is not { } drill)
        {
            return NotFound();
        }
        Drill = drill;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string attemptId, CancellationToken cancellationToken)
    {
        if (await OnGetAsync(attemptId, cancellationToken) is not PageResult page)
        {
            return NotFound();
        }
        var answered = await drills.AnswerAsync(Drill, Answer, cancellationToken);
        if (answered.Ok)
        {
            return Redirect($"/stats/attempts/{Drill.Id}#result");
        }
        // Nothing was stored: the same question again with the reason and the expected format.
        Problem = answered.Problem;
        Response.StatusCode = answered.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }
}

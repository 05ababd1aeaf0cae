using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.MockLoop;

/// <summary>
/// <c>/loop/{id}/rounds/{n}</c>: a round after it ends — the answers, the coach's report, SQL verdicts, model answers
/// and solutions — and the candidate's self-rating of each open answer. While the round runs, nothing is shown.
/// </summary>
internal sealed class LoopRoundModel(LoopRuns runs, LoopEngine engine) : PageModel
{
    public LoopState State { get; private set; } = null!;
    public RoundState Round { get; private set; } = null!;
    public string LoopId { get; private set; } = "";
    public int Number { get; private set; }
    public bool Hidden { get; private set; }
    public bool Late { get; private set; }
    public string? Problem { get; private set; }

    public QuestionItem? Question(ExerciseState item) => engine.ItemOf(item);
    public LoopSqlProblem? SqlProblem(ExerciseState item) => item.IsSql ? engine.Sql.Problem(item.Id) : null;
    public DsLoop.App.Drills.DrillSheet? DrillSheet(ExerciseState item) => LoopDrills.Sheet(item);
    public DsLoop.App.Drills.DrillReveal? DrillReveal(ExerciseState item) => LoopDrills.Reveal(item);
    public CoachReport? Coach(ExerciseState item) => engine.Coach(item);

    /// <summary>The framework of an open exercise's question, for the report's step hints.</summary>
    public Framework? FrameworkOf(ExerciseState item) =>
        engine.ItemOf(item) is { } question ? engine.Content.Frameworks.GetValueOrDefault(question.FrameworkId) : null;
    public IEnumerable<DsLoop.Core.Scorecard.ScorecardSignal> Signals(ExerciseState item) =>
        item.Answered && !item.IsGraded ? LoopScoring.Signals(item, engine.Content) : [];

    public async Task<IActionResult> OnGetAsync(string id, int n, bool late, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, n, cancellationToken) is { } failed)
        {
            return failed;
        }
        Late = late;
        if (Hidden)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(string id, int n, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, n, cancellationToken) is { } failed)
        {
            return failed;
        }
        var ratings = new Dictionary<int, int>();
        for (var i = 0; i < Round.Items.Count; i++)
        {
            if (int.TryParse(Request.Form[$"rating-{i}"], out var rating))
            {
                ratings[i] = rating;
            }
        }
        if (engine.Rate(State, n - 1, ratings) is { } problem)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await runs.SaveAsync(Run, State, cancellationToken);
        return Redirect(State.Scorecard is not null ? $"/loop/{LoopId}/scorecard" : $"/loop/{LoopId}");
    }

    private DsLoop.Core.LoopRun Run { get; set; } = null!;

    private async Task<IActionResult?> LoadAsync(string id, int n, CancellationToken cancellationToken)
    {
        if (await runs.LoadAsync(User.UserId(), id, cancellationToken) is not { } loaded || n < 1 || n > loaded.State.Rounds.Count)
        {
            return NotFound();
        }
        (Run, State) = loaded;
        LoopId = Run.Id;
        Number = n;
        if (engine.CloseIfOverdue(State))
        {
            await runs.SaveAsync(Run, State, cancellationToken);
        }
        Round = State.Rounds[n - 1];
        Hidden = Round.EndedAt is null;
        return null;
    }
}

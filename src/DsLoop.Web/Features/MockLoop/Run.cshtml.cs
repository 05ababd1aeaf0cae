using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.MockLoop;

/// <summary>
/// <c>/loop/{id}</c>: runs a loop. Shows the recruiter-screen prep, then each round in turn: a start button, the
/// exercise being asked with the round's countdown (remaining time computed on the server), pause and resume,
/// and in pressure mode the follow-up probes one at a time. Answers are checked against the stored deadline.
/// </summary>
internal sealed class LoopRunModel(LoopRuns runs, LoopEngine engine) : PageModel
{
    public LoopState State { get; private set; } = null!;
    public string LoopId { get; private set; } = "";
    public RoundState? Round => State.Current;
    public int RoundNumber => Round is null ? 0 : State.IndexOf(Round) + 1;
    public ExerciseState? Item => Round?.CurrentItem;
    public int ItemIndex => Round is { } r && Item is { } i ? r.Items.IndexOf(i) : -1;
    public QuestionItem? Question => Item is { } i ? engine.ItemOf(i) : null;
    public LoopSqlProblem? SqlProblem => Item is { IsSql: true } i ? engine.Sql.Problem(i.Id) : null;
    public DsLoop.App.Drills.DrillSheet? DrillSheet => Item is { IsDrill: true } i ? LoopDrills.Sheet(i) : null;
    public string? Probe => Item is { } i ? engine.NextProbe(State, i) : null;
    public int RemainingSeconds => Round is { } r ? (int)Math.Ceiling(engine.Remaining(State, r).TotalSeconds) : 0;
    public string? Problem { get; private set; }

    [BindProperty] public string? Answer { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return (IActionResult?)Next() ?? Page();
    }

    public Task<IActionResult> OnPostPrepAsync(string id, string? roleFit, string? workAuthorization, string? location, string? compensation, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            if (LoopNotes.FirstTooLong(("Role fit", roleFit), ("Work authorization", workAuthorization), ("Location", location), ("Compensation", compensation)) is { } tooLong)
            {
                badInput = true;
                return tooLong;
            }
            var prep = new ScreenPrep(Keep(roleFit), Keep(workAuthorization), Keep(location), Keep(compensation), engine.Now);
            var weakness = await runs.WeaknessAsync(User.UserId(), cancellationToken);
            return engine.Plan(State, prep, weakness) ? null : "The loop is already planned.";
        }, cancellationToken);

    public Task<IActionResult> OnPostStartAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => Task.FromResult(engine.StartRound(State) ? null : "This round cannot start now."), cancellationToken);

    public Task<IActionResult> OnPostSkipAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => Task.FromResult(engine.SkipRound(State) ? null : "Only an optional round that has not started can be skipped."), cancellationToken);

    public Task<IActionResult> OnPostPauseAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => Task.FromResult(engine.Pause(State) ? null : "There is no running round to pause."), cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => Task.FromResult(engine.Resume(State) ? null : "The loop is not paused."), cancellationToken);

    public Task<IActionResult> OnPostEndAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => Task.FromResult(engine.EndRound(State) ? null : "There is no running round to end."), cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(string id, int item, bool auto, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (ClosedOnLoad is { } closed)
        {
            return await AfterAnswerAsync(AnswerOutcome.Late, closed, cancellationToken);
        }
        var round = State.Current;
        var outcome = await engine.AnswerAsync(State, item, Answer, auto, cancellationToken);
        return await AfterAnswerAsync(outcome, round, cancellationToken);
    }

    public async Task<IActionResult> OnPostProbeAsync(string id, int item, bool auto, bool moveOn, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (ClosedOnLoad is { } closed)
        {
            return await AfterAnswerAsync(AnswerOutcome.Late, closed, cancellationToken);
        }
        var round = State.Current;
        var outcome = engine.AnswerProbe(State, item, Answer, auto, moveOn);
        return await AfterAnswerAsync(outcome, round, cancellationToken);
    }

    private async Task<IActionResult> AfterAnswerAsync(AnswerOutcome outcome, RoundState? round, CancellationToken cancellationToken)
    {
        if (outcome is AnswerOutcome.Saved or AnswerOutcome.Late)
        {
            await runs.SaveAsync(Run, State, cancellationToken);
        }
        if (outcome == AnswerOutcome.Late && round is not null)
        {
            return Redirect($"/loop/{LoopId}/rounds/{State.IndexOf(round) + 1}?late=true");
        }
        if (outcome == AnswerOutcome.Saved)
        {
            return AfterRound(round) ?? Next() ?? Redirect($"/loop/{LoopId}");
        }
        Problem = outcome switch
        {
            AnswerOutcome.Empty => "Write your answer before submitting.",
            AnswerOutcome.TooLong => $"The answer is too long; the limit is {LoopEngine.MaxAnswerLength:N0} characters.",
            AnswerOutcome.Paused => "The loop is paused; resume it to answer.",
            AnswerOutcome.NotRunning => "No round is running.",
            AnswerOutcome.Unreadable => Item is { } drill ? LoopDrills.Refusal(drill, Answer) : null,
            _ => "That is not the question being asked now; reload the page.",
        };
        Response.StatusCode = outcome is AnswerOutcome.Empty or AnswerOutcome.TooLong or AnswerOutcome.Unreadable ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private LoopRun Run { get; set; } = null!;

    /// <summary>Set when the action refused what was sent (400) rather than the loop's state (409).</summary>
    private bool badInput;

    /// <summary>The round this request found past its deadline and closed before doing anything else.</summary>
    private RoundState? ClosedOnLoad { get; set; }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await runs.LoadAsync(User.UserId(), id, cancellationToken) is not { } loaded)
        {
            return false;
        }
        (Run, State) = loaded;
        LoopId = Run.Id;
        var running = State.Current;
        if (engine.CloseIfOverdue(State))
        {
            ClosedOnLoad = running;
            await runs.SaveAsync(Run, State, cancellationToken);
        }
        return true;
    }

    /// <summary>Where the loop goes next when this page is not it: the rating of a finished round, or the scorecard.</summary>
    private RedirectResult? Next()
    {
        if (State.Scorecard is not null)
        {
            return Redirect($"/loop/{LoopId}/scorecard");
        }
        if (State.AwaitingRating is { } done)
        {
            return Redirect($"/loop/{LoopId}/rounds/{State.IndexOf(done) + 1}");
        }
        return null;
    }

    private async Task<IActionResult> ActAsync(string id, Func<Task<string?>> action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var round = State.Current;
        if (await action() is { } problem)
        {
            Problem = problem;
            Response.StatusCode = badInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
        }
        await runs.SaveAsync(Run, State, cancellationToken);
        return AfterRound(round) ?? Next() ?? Redirect($"/loop/{LoopId}");
    }

    /// <summary>A round that just ended (not skipped) goes to its review, where answers and solutions are revealed.</summary>
    private RedirectResult? AfterRound(RoundState? round) =>
        round is { EndedAt: not null } && round.EndReason != RoundEnd.Skipped ? Redirect($"/loop/{LoopId}/rounds/{State.IndexOf(round) + 1}") : null;

    private static string Keep(string? text) => LoopNotes.Keep(text) ?? "";
}

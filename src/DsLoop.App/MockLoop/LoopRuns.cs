using DsLoop.App.Attempts;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Scorecard;
using DsLoop.Store;

namespace DsLoop.App.MockLoop;

/// <summary>Loads and saves loop runs with their state; the store returns a loop only to its owner.</summary>
public sealed class LoopRuns(IAppStore store, ContentBank content, TimeProvider clock)
{
    /// <summary>The user's loop with its state, or null when the user has no such loop.</summary>
    public async Task<(LoopRun Run, LoopState State)?> LoadAsync(string userId, string loopId, CancellationToken cancellationToken) =>
        await store.GetLoopAsync(userId, loopId, cancellationToken) is { } run ? (run, LoopState.FromJson(run.StateJson)) : null;

    /// <summary>Stores a new run for the user.</summary>
    public async Task<LoopRun> CreateAsync(string userId, LoopState state, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var run = new LoopRun(Ids.New(), userId, state.TemplateId, state.Status, now, now, state.ToJson());
        await store.AddLoopAsync(run, cancellationToken);
        return run;
    }

    /// <summary>Saves a run's state and status.</summary>
    public async Task SaveAsync(LoopRun run, LoopState state, CancellationToken cancellationToken) =>
        await store.UpdateLoopAsync(run with { Status = state.Status, UpdatedAt = clock.GetUtcNow(), StateJson = state.ToJson() }, cancellationToken);

    /// <summary>The user's finished loops with their scorecards, oldest first.</summary>
    public async Task<IReadOnlyList<(LoopRun Run, LoopState State)>> CompletedAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await Pages.AllAsync(cursor => store.ListLoopsPageAsync(userId, new LoopFilter(Pages.Whole) { Status = LoopStatus.Completed, Before = cursor }, cancellationToken)))
            .Select(r => (Run: r, State: LoopState.FromJson(r.StateJson)))
            .Where(x => x.State.Scorecard is not null)
            .OrderBy(x => x.State.CompletedAt)];

    /// <summary>The weakness per dimension the next plan favours (see <see cref="LoopWeakness"/>).</summary>
    public async Task<IReadOnlyDictionary<Dimension, double>> WeaknessAsync(string userId, CancellationToken cancellationToken)
    {
        var openAnswers = await store.ListAttemptPointsAsync(userId, AttemptKind.OpenQuestion, cancellationToken);
        var drills = await store.ListAttemptPointsAsync(userId, AttemptKind.Statistics, cancellationToken);
        InterviewScorecard? latest = (await CompletedAsync(userId, cancellationToken)).LastOrDefault().State?.Scorecard;
        return LoopWeakness.From(openAnswers, content, latest, drills);
    }
}

using DsLoop.Data.Scenarios;

namespace DsLoop.Data;

/// <summary>What to generate: the same options always give byte-identical data.</summary>
/// <param name="Seed">The seed every random stream derives from.</param>
/// <param name="Scale">How many users.</param>
/// <param name="Scenarios">Planted scenarios (default: none).</param>
/// <param name="LogsFrom">
/// Partial logs: write sessions, and their events, only when the session starts on or after this UTC day. Earlier
/// sessions are still simulated, so users, subscriptions, payments, tickets and every id are exactly those of the whole
/// dataset and no event loses its session. Null (the default): the whole window.
/// </param>
/// <param name="LogsUntil">
/// Partial logs, the other end: write sessions, and their events, only when the session starts before this UTC day
/// (exclusive). Null (the default): to the window's end.
/// </param>
public sealed record GenerationOptions(ulong Seed, DataScale Scale, ScenarioOptions? Scenarios = null, DateOnly? LogsFrom = null, DateOnly? LogsUntil = null)
{
    /// <summary>The scenarios, never null.</summary>
    public ScenarioOptions EffectiveScenarios => Scenarios ?? ScenarioOptions.None;
}

/// <summary>Progress of a generation run.</summary>
/// <param name="UsersDone">Users simulated so far.</param>
/// <param name="UsersTotal">Users to simulate (bots from a planted surge included).</param>
/// <param name="RowsWritten">Rows handed to the sink so far, all tables.</param>
public readonly record struct GenerationProgress(long UsersDone, long UsersTotal, long RowsWritten);

/// <summary>Receives generated rows. Rows are reused by the generator: copy what you keep.</summary>
public interface IDatasetSink
{
    /// <summary>Takes one row of <see cref="DataRow.Table"/>.</summary>
    void Write(DataRow row);
}

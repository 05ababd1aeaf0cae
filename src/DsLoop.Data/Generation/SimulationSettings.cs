using DsLoop.Data.Scenarios;
using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>What one generation pass was asked for, resolved once: seed, user counts, planted scenarios and the logged window.</summary>
internal sealed class SimulationSettings
{
    private readonly long _logsFrom;
    private readonly long _logsUntil;

    public SimulationSettings(GenerationOptions options)
    {
        Seed = options.Seed;
        BaseUsers = options.Scale.Users;
        var scenarios = options.EffectiveScenarios;
        Cause = scenarios.KpiDrop;
        ExperimentPlan = scenarios.Experiment;
        ModelingLeakage = scenarios.ModelingLeakage;
        ChangeDay = scenarios.ChangeDay();
        ChangeStart = DayStart(ChangeDay);
        Releases = Catalog.Releases(Cause == KpiDropCause.TrackingLoss ? ChangeDay : DefaultChangeDay);
        _logsFrom = options.LogsFrom is { } from ? DayStart(DayOf(from)) : long.MinValue;
        _logsUntil = options.LogsUntil is { } until ? DayStart(DayOf(until)) : long.MaxValue;
        SurgeBots = Cause == KpiDropCause.BotSurge ? Math.Max(Bots.MinimumSurgeBots, BaseUsers / Bots.UsersPerSurgeBot) : 0;
    }

    public ulong Seed { get; }

    /// <summary>The organic users (ids 1 to this), before any surge bots.</summary>
    public int BaseUsers { get; }

    /// <summary>Bot users appended after the organic users when a bot surge is planted.</summary>
    public int SurgeBots { get; }

    public KpiDropCause Cause { get; }

    public ExperimentPlan? ExperimentPlan { get; }

    public bool ModelingLeakage { get; }

    /// <summary>The window day on which a planted KPI drop begins.</summary>
    public int ChangeDay { get; }

    public long ChangeStart { get; }

    /// <summary>App releases per platform, with iOS 5.3.0 moved to the change day when a tracking loss is planted.</summary>
    public Release[][] Releases { get; }

    /// <summary>Whether a session starting at <paramref name="start"/> is written (partial logs keep one window).</summary>
    public bool InLoggedWindow(long start) => start >= _logsFrom && start < _logsUntil;
}

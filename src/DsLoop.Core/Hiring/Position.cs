namespace DsLoop.Core.Hiring;

/// <summary>The take-home case of a position: one of the three case exercises.</summary>
public enum TakeHomeCase
{
    /// <summary>Experiment design and readout (exercise A).</summary>
    Experiment,
    /// <summary>Modeling take-home with a hidden holdout (exercise B).</summary>
    Modeling,
    /// <summary>KPI-drop deep dive (exercise C).</summary>
    KpiDrop,
}

/// <summary>Which exercise of a position an invitation is for.</summary>
public enum HiringExercise
{
    /// <summary>The timed SQL screen of the position's bank problems.</summary>
    SqlScreen,
    /// <summary>The position's take-home case.</summary>
    TakeHome,
}

/// <summary>Slugs of the take-home cases and exercises.</summary>
public static class HiringExercises
{
    /// <summary>The slug of a take-home case (the case exercises' own: experiment, modeling, kpi-drop).</summary>
    public static string Slug(TakeHomeCase kind) => kind switch
    {
        TakeHomeCase.Experiment => "experiment",
        TakeHomeCase.Modeling => "modeling",
        TakeHomeCase.KpiDrop => "kpi-drop",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown case."),
    };

    /// <summary>The slug of an exercise.</summary>
    public static string Slug(HiringExercise exercise) => exercise switch
    {
        HiringExercise.SqlScreen => "sql-screen",
        HiringExercise.TakeHome => "take-home",
        _ => throw new ArgumentOutOfRangeException(nameof(exercise), exercise, "Unknown exercise."),
    };

    /// <summary>Finds a take-home case by its slug.</summary>
    public static bool TryParseCase(string? slug, out TakeHomeCase kind) =>
        SlugLookup.TryFind(Enum.GetValues<TakeHomeCase>(), Slug, slug?.Trim().ToLowerInvariant(), out kind);

    /// <summary>Finds an exercise by its slug.</summary>
    public static bool TryParseExercise(string? slug, out HiringExercise exercise) =>
        SlugLookup.TryFind(Enum.GetValues<HiringExercise>(), Slug, slug?.Trim().ToLowerInvariant(), out exercise);
}

/// <summary>The SQL screen of a position: bank problems in order, and the minutes the candidate gets for all of them.</summary>
/// <param name="ProblemIds">The SQL bank problems, in the order the candidate sees them (1 to <see cref="MaxProblems"/>).</param>
/// <param name="Minutes">The time limit, from <see cref="MinMinutes"/> to <see cref="MaxMinutes"/>.</param>
public sealed record SqlScreen(IReadOnlyList<string> ProblemIds, int Minutes)
{
    /// <summary>The most problems a screen holds.</summary>
    public const int MaxProblems = 10;

    /// <summary>The shortest time limit, in minutes.</summary>
    public const int MinMinutes = 5;

    /// <summary>The longest time limit, in minutes.</summary>
    public const int MaxMinutes = 240;
}

/// <summary>The take-home case of a position and the hours the candidate is told to expect.</summary>
/// <param name="Case">Which case.</param>
/// <param name="ExpectedHours">The time the team expects it to take (1 to <see cref="MaxHours"/>), shown before starting.</param>
public sealed record TakeHome(TakeHomeCase Case, int ExpectedHours)
{
    /// <summary>The most hours a take-home may be said to take.</summary>
    public const int MaxHours = 8;
}

/// <summary>A role a workspace hires for, with its loop, scorecard weights and exercises.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="WorkspaceId">The workspace it belongs to.</param>
/// <param name="Title">The job title.</param>
/// <param name="Level">The seniority.</param>
/// <param name="Variant">The company variant the loop is tuned for.</param>
/// <param name="LoopTemplateId">The loop template (content/loops) the interviews follow.</param>
/// <param name="Weights">The scorecard weights, adding up to 100%.</param>
/// <param name="Sql">The SQL screen.</param>
/// <param name="TakeHome">The take-home case.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record Position(
    string Id,
    string WorkspaceId,
    string Title,
    Level Level,
    CompanyVariant Variant,
    string LoopTemplateId,
    ScorecardWeights Weights,
    SqlScreen Sql,
    TakeHome TakeHome,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The longest title, in characters.</summary>
    public const int MaxTitleLength = 120;
}

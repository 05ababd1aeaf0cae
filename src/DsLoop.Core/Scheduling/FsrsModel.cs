namespace DsLoop.Core.Scheduling;

/// <summary>How well the candidate recalled an item, as FSRS grades it.</summary>
public enum ReviewRating
{
    /// <summary>Forgot it.</summary>
    Again = 1,
    /// <summary>Recalled with serious difficulty.</summary>
    Hard = 2,
    /// <summary>Recalled after some thought.</summary>
    Good = 3,
    /// <summary>Recalled at once.</summary>
    Easy = 4,
}

/// <summary>Where an item is in the FSRS life cycle. New items start in <see cref="Learning"/> at step 0.</summary>
public enum CardState
{
    /// <summary>Being learnt through short same-day steps.</summary>
    Learning = 1,
    /// <summary>Scheduled in whole days.</summary>
    Review = 2,
    /// <summary>Forgotten after review; back on short steps.</summary>
    Relearning = 3,
}

/// <summary>The memory state of one item for one user.</summary>
/// <param name="State">Life-cycle state.</param>
/// <param name="Step">Index of the current learning or relearning step; null in review.</param>
/// <param name="Stability">Days for recall probability to fall to 90%; null before the first review.</param>
/// <param name="Difficulty">1 (easy) to 10 (hard); null before the first review.</param>
/// <param name="Due">When the item is next due.</param>
/// <param name="LastReview">When it was last reviewed; null if never.</param>
public sealed record FsrsCard(CardState State, int? Step, double? Stability, double? Difficulty, DateTimeOffset Due, DateTimeOffset? LastReview)
{
    /// <summary>A never-reviewed item, due at <paramref name="now"/>.</summary>
    public static FsrsCard New(DateTimeOffset now) => new(CardState.Learning, 0, null, null, now, null);
}

/// <summary>The scheduler's settings. The defaults are FSRS-6's published ones.</summary>
public sealed record FsrsSettings
{
    /// <summary>FSRS-6's 21 default weights (w0–w20), fitted by its authors on a large body of review logs.</summary>
    public static IReadOnlyList<double> DefaultWeights { get; } =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    /// <summary>The 21 weights.</summary>
    public IReadOnlyList<double> Weights { get; init; } = DefaultWeights;

    /// <summary>The recall probability to schedule reviews at.</summary>
    public double DesiredRetention { get; init; } = 0.9;

    /// <summary>Same-day steps for new items.</summary>
    public IReadOnlyList<TimeSpan> LearningSteps { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    /// <summary>Same-day steps after a lapse.</summary>
    public IReadOnlyList<TimeSpan> RelearningSteps { get; init; } = [TimeSpan.FromMinutes(10)];

    /// <summary>The longest interval, in days.</summary>
    public int MaximumInterval { get; init; } = 36500;

    /// <summary>Spread intervals of 3 days or more a little, so items learnt together drift apart.</summary>
    public bool EnableFuzzing { get; init; } = true;
}

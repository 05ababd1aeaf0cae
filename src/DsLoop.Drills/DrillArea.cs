namespace DsLoop.Drills;

/// <summary>The part of the statistics round a drill family belongs to.</summary>
public enum DrillArea
{
    /// <summary>Planning a test: sample size, duration, detectable effect, power, allocation.</summary>
    ExperimentDesign,

    /// <summary>Reading a finished test: lift, interval, p, sample ratio, variance reduction, many comparisons.</summary>
    Readout,

    /// <summary>Probability: conditional probability, games, counting distributions, limits, random walks.</summary>
    Probability,
}

/// <summary>A generator of drills: the same seed always gives the same drill, and each seed draws new numbers.</summary>
public interface IDrillFamily
{
    /// <summary>The id used on the command line and in URLs, e.g. "sample-size".</summary>
    string Id { get; }

    /// <summary>A short title.</summary>
    string Title { get; }

    /// <summary>Where the family belongs in the round.</summary>
    DrillArea Area { get; }

    /// <summary>Draws the numbers for <paramref name="seed"/> and builds the drill.</summary>
    Drill Generate(int seed);
}

namespace DsLoop.Cases.Modeling;

/// <summary>The kind of error a model makes on a segment.</summary>
public enum BaselineError
{
    /// <summary>Predicted probabilities above the segment's observed rate.</summary>
    OverPredicts,

    /// <summary>Predicted probabilities below the segment's observed rate.</summary>
    UnderPredicts,

    /// <summary>Probabilities right on average, but positives barely ranked above negatives (ROC-AUC near 0.5).</summary>
    RanksPoorly,
}

/// <summary>
/// The one segment a seed plants as the platform baseline's weak spot, and how the baseline fails there. The
/// baseline reads only the numeric columns, so a segment whose outcome rate is shifted makes it under- or
/// over-predict there, and a segment whose outcome does not follow those columns is ranked close to chance.
/// </summary>
/// <param name="Segment">Index into <see cref="SegmentSpec.Values"/>.</param>
/// <param name="Error">The baseline's error there.</param>
public sealed record PlantedWeakness(int Segment, BaselineError Error)
{
    /// <summary>Log-odds added to the weak segment when the baseline under-predicts it.</summary>
    public const double UnderShift = 1.0;

    /// <summary>Log-odds taken from the weak segment when the baseline over-predicts it (larger: over-prediction of a rare event is harder to see).</summary>
    public const double OverShift = 1.2;

    /// <summary>The answer options in order, as slugs.</summary>
    public static IReadOnlyList<string> ErrorSlugs { get; } = ["over-predicts", "under-predicts", "ranks-poorly"];

    /// <summary>The slug of an error kind ("over-predicts", "under-predicts", "ranks-poorly").</summary>
    public static string Slug(BaselineError error) => ErrorSlugs[(int)error];

    /// <summary>The error kind of a slug (case and surrounding spaces ignored; "over", "under" and "ranking" accepted), or null.</summary>
    public static BaselineError? ParseError(string? text) => text?.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-') switch
    {
        "over-predicts" or "over-predict" or "over" or "overpredicts" => BaselineError.OverPredicts,
        "under-predicts" or "under-predict" or "under" or "underpredicts" => BaselineError.UnderPredicts,
        "ranks-poorly" or "rank-poorly" or "ranking" or "ranks" => BaselineError.RanksPoorly,
        _ => null,
    };

    /// <summary>The weakness a seed plants: its own random stream, so it never moves the rest of the data.</summary>
    public static PlantedWeakness For(ulong seed, ModelingScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var rng = CaseRng.For(seed, "modeling-weakness");
        var segment = rng.Next(scenario.Segment.Values.Count);
        return new PlantedWeakness(segment, (BaselineError)rng.Next(3));
    }

    /// <summary>The weak segment's value.</summary>
    public string SegmentName(ModelingScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Segment.Values[Segment];
    }

    /// <summary>What was planted, in plain words (shown after grading).</summary>
    public string Describe(ModelingScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var where = $"`{scenario.Segment.Column}` = `{SegmentName(scenario)}`";
        return Error switch
        {
            BaselineError.UnderPredicts => $"In {where} the outcome is planted about e^{UnderShift:0.0} ≈ {Math.Exp(UnderShift):0.0}× as likely in odds as the numeric columns suggest; the baseline never reads `{scenario.Segment.Column}`, so it under-predicts those rows.",
            BaselineError.OverPredicts => $"In {where} the outcome is planted at about e^-{OverShift:0.0} ≈ {Math.Exp(-OverShift):0.00}× the odds the numeric columns suggest; the baseline never reads `{scenario.Segment.Column}`, so it over-predicts those rows.",
            _ => $"In {where} the outcome is planted to follow drivers that are not in the table, not the numeric columns, so any model built on those columns ranks those rows close to chance, although its probabilities are right on average.",
        };
    }
}

namespace DsLoop.Core;

/// <summary>A scorecard dimension of the Senior Data Scientist loop.</summary>
public enum Dimension
{
    /// <summary>Turning an ambiguous business question into a measurable problem.</summary>
    ProblemFraming,
    /// <summary>Test design, power, readouts and causal reasoning.</summary>
    StatisticsExperimentation,
    /// <summary>Choosing, validating and evaluating models.</summary>
    ModelingEvaluation,
    /// <summary>SQL fluency and judgement about data quality.</summary>
    DataFluency,
    /// <summary>Shipping, monitoring and maintaining what was built.</summary>
    ProductionMindset,
    /// <summary>Clear, structured explanation to mixed audiences.</summary>
    Communication,
    /// <summary>Influence, mentorship and standards beyond one's own work.</summary>
    SeniorLeadership,
}

/// <summary>Names, slugs and scorecard weights of the dimensions.</summary>
public static class Dimensions
{
    /// <summary>Every dimension, in scorecard order.</summary>
    public static IReadOnlyList<Dimension> All { get; } = Enum.GetValues<Dimension>();

    /// <summary>The weight of a dimension in the overall score; the weights add up to 1.</summary>
    public static decimal Weight(Dimension dimension) => dimension switch
    {
        Dimension.ProblemFraming => 0.20m,
        Dimension.StatisticsExperimentation => 0.20m,
        Dimension.ModelingEvaluation => 0.20m,
        Dimension.DataFluency => 0.15m,
        Dimension.ProductionMindset => 0.10m,
        Dimension.Communication => 0.10m,
        Dimension.SeniorLeadership => 0.05m,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    /// <summary>The human-readable name of a dimension.</summary>
    public static string DisplayName(Dimension dimension) => dimension switch
    {
        Dimension.ProblemFraming => "Problem framing & product sense",
        Dimension.StatisticsExperimentation => "Statistics & experimentation",
        Dimension.ModelingEvaluation => "Modeling & evaluation",
        Dimension.DataFluency => "Data fluency (SQL + data quality)",
        Dimension.ProductionMindset => "Production mindset",
        Dimension.Communication => "Communication",
        Dimension.SeniorLeadership => "Senior IC leadership",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    /// <summary>The slug used in content files, URLs and JSON.</summary>
    public static string Slug(Dimension dimension) => dimension switch
    {
        Dimension.ProblemFraming => "problem-framing",
        Dimension.StatisticsExperimentation => "statistics-experimentation",
        Dimension.ModelingEvaluation => "modeling-evaluation",
        Dimension.DataFluency => "data-fluency",
        Dimension.ProductionMindset => "production-mindset",
        Dimension.Communication => "communication",
        Dimension.SeniorLeadership => "senior-leadership",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    /// <summary>Finds a dimension by its slug.</summary>
    public static bool TryParse(string? slug, out Dimension dimension) =>
        SlugLookup.TryFind(All, Slug, slug, out dimension);
}

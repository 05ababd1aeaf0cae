namespace DsLoop.Core;

/// <summary>A stage of the US Data Scientist interview process.</summary>
public enum Round
{
    /// <summary>The 15–30 minute recruiter call: fit, authorization, location, pay.</summary>
    RecruiterScreen,
    /// <summary>The hiring manager's call on metrics, messy data and influence.</summary>
    HiringManager,
    /// <summary>Hands-on SQL on product data.</summary>
    SqlScreen,
    /// <summary>Statistics and experiment design.</summary>
    StatisticsExperimentation,
    /// <summary>Modeling or ML system design.</summary>
    ModelingMlDesign,
    /// <summary>A product or business case.</summary>
    ProductCase,
    /// <summary>Behavioral questions about past work.</summary>
    Behavioral,
}

/// <summary>Slugs and names of the rounds.</summary>
public static class Rounds
{
    /// <summary>Every round, in the order a loop usually runs them.</summary>
    public static IReadOnlyList<Round> All { get; } = Enum.GetValues<Round>();

    /// <summary>The slug used in content files, URLs and JSON.</summary>
    public static string Slug(Round round) => round switch
    {
        Round.RecruiterScreen => "recruiter-screen",
        Round.HiringManager => "hiring-manager",
        Round.SqlScreen => "sql-screen",
        Round.StatisticsExperimentation => "statistics-experimentation",
        Round.ModelingMlDesign => "modeling-ml-design",
        Round.ProductCase => "product-case",
        Round.Behavioral => "behavioral",
        _ => throw new ArgumentOutOfRangeException(nameof(round), round, "Unknown round."),
    };

    /// <summary>The human-readable name of a round.</summary>
    public static string DisplayName(Round round) => round switch
    {
        Round.RecruiterScreen => "Recruiter screen",
        Round.HiringManager => "Hiring manager",
        Round.SqlScreen => "SQL screen",
        Round.StatisticsExperimentation => "Statistics & experimentation",
        Round.ModelingMlDesign => "Modeling & ML design",
        Round.ProductCase => "Product case",
        Round.Behavioral => "Behavioral",
        _ => throw new ArgumentOutOfRangeException(nameof(round), round, "Unknown round."),
    };

    /// <summary>Finds a round by its slug.</summary>
    public static bool TryParse(string? slug, out Round round) =>
        SlugLookup.TryFind(All, Slug, slug, out round);
}

namespace DsLoop.Core;

/// <summary>The seniority an item or loop targets.</summary>
public enum Level
{
    /// <summary>Data Scientist.</summary>
    DataScientist,
    /// <summary>Senior Data Scientist.</summary>
    SeniorDataScientist,
    /// <summary>Fits both levels.</summary>
    Both,
}

/// <summary>Company variants a loop or item can be tuned for.</summary>
public enum CompanyVariant
{
    /// <summary>Any company.</summary>
    Any,
    /// <summary>Business-to-business software sold by subscription.</summary>
    B2BSaas,
    /// <summary>A consumer app or marketplace.</summary>
    Consumer,
    /// <summary>Fraud, abuse and platform integrity.</summary>
    TrustAndSafety,
}

/// <summary>Slugs for levels and variants.</summary>
public static class LevelsAndVariants
{
    /// <summary>The slug of a level.</summary>
    public static string Slug(Level level) => level switch
    {
        Level.DataScientist => "ds",
        Level.SeniorDataScientist => "senior",
        Level.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level."),
    };

    /// <summary>The slug of a company variant.</summary>
    public static string Slug(CompanyVariant variant) => variant switch
    {
        CompanyVariant.Any => "any",
        CompanyVariant.B2BSaas => "b2b-saas",
        CompanyVariant.Consumer => "consumer",
        CompanyVariant.TrustAndSafety => "trust-and-safety",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown variant."),
    };

    /// <summary>Finds a level by its slug.</summary>
    public static bool TryParseLevel(string? slug, out Level level) =>
        SlugLookup.TryFind(Enum.GetValues<Level>(), Slug, slug, out level);

    /// <summary>Finds a company variant by its slug.</summary>
    public static bool TryParseVariant(string? slug, out CompanyVariant variant) =>
        SlugLookup.TryFind(Enum.GetValues<CompanyVariant>(), Slug, slug, out variant);
}

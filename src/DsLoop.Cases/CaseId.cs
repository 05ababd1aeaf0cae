using System.Globalization;

namespace DsLoop.Cases;

/// <summary>The three kinds of case exercise.</summary>
public enum CaseKind
{
    /// <summary>Experiment design and readout (A).</summary>
    Experiment,

    /// <summary>Modeling take-home with a hidden holdout and leakage traps (B).</summary>
    Modeling,

    /// <summary>KPI-drop deep dive on a generated warehouse (C).</summary>
    KpiDrop,
}

/// <summary>How much data a case generates.</summary>
public enum CaseScale
{
    /// <summary>Small enough for tests and a quick attempt.</summary>
    Tiny,

    /// <summary>The realistic size.</summary>
    Standard,
}

/// <summary>
/// A case is fully determined by (kind, seed, scale), so the id is all the server needs to rebuild the
/// brief, the files and the truth. Text form: <c>experiment-42</c>, <c>modeling-7-standard</c>, <c>kpi-drop-9</c>.
/// </summary>
/// <param name="Kind">The kind of case.</param>
/// <param name="Seed">The seed every number derives from.</param>
/// <param name="Scale">The data size.</param>
public sealed record CaseId(CaseKind Kind, ulong Seed, CaseScale Scale = CaseScale.Tiny)
{
    /// <summary>The kinds' slugs, as the CLI and the URLs spell them.</summary>
    public static IReadOnlyList<string> KindSlugs { get; } = ["experiment", "modeling", "kpi-drop"];

    /// <summary>The slug of a kind.</summary>
    public static string Slug(CaseKind kind) => kind switch
    {
        CaseKind.Experiment => "experiment",
        CaseKind.Modeling => "modeling",
        CaseKind.KpiDrop => "kpi-drop",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind with this slug, or null.</summary>
    public static CaseKind? KindFromSlug(string slug) => slug.ToLowerInvariant() switch
    {
        "experiment" => CaseKind.Experiment,
        "modeling" => CaseKind.Modeling,
        "kpi-drop" => CaseKind.KpiDrop,
        _ => null,
    };

    /// <summary>The scales' slugs, as the CLI, the start form and the ids spell them.</summary>
    public static IReadOnlyList<string> ScaleSlugs { get; } = ["tiny", "standard"];

    /// <summary>The slug of a scale.</summary>
    public static string Slug(CaseScale scale) => scale == CaseScale.Standard ? "standard" : "tiny";

    /// <summary>The scale with this slug, or null.</summary>
    public static CaseScale? ScaleFromSlug(string? slug) => slug?.Trim().ToLowerInvariant() switch
    {
        "tiny" => CaseScale.Tiny,
        "standard" => CaseScale.Standard,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Slug(Kind)}-{Seed}{(Scale == CaseScale.Standard ? "-standard" : "")}");

    /// <summary>Parses the text form; null when it is not a case id.</summary>
    public static CaseId? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var rest = text.Trim().ToLowerInvariant();
        var scale = CaseScale.Tiny;
        if (rest.EndsWith("-standard", StringComparison.Ordinal))
        {
            scale = CaseScale.Standard;
            rest = rest[..^"-standard".Length];
        }
        var dash = rest.LastIndexOf('-');
        if (dash <= 0 || KindFromSlug(rest[..dash]) is not { } kind
            || !ulong.TryParse(rest[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            return null;
        }
        return new CaseId(kind, seed, scale);
    }

    /// <summary>A fresh random seed for a new attempt (never 0).</summary>
    public static ulong NewSeed() => (ulong)Random.Shared.NextInt64(1, 1L << 40);
}

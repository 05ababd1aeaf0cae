using System.Text.Json;
using System.Text.Json.Serialization;

namespace DsLoop.Sql;

/// <summary>Which row order a correct answer must have.</summary>
public enum RowOrder
{
    /// <summary>Any order.</summary>
    None,

    /// <summary>Exactly the reference's order.</summary>
    Full,

    /// <summary>Sorted like the reference by <see cref="GradingSpec.OrderKeys"/>; ties in any order.</summary>
    ByKeys,
}

/// <summary>How numbers are compared.</summary>
public enum ToleranceKind
{
    /// <summary>Equal up to floating-point noise (a relative 1e-9), so engines agree.</summary>
    None,

    /// <summary>|expected − actual| ≤ tolerance.</summary>
    Absolute,

    /// <summary>|expected − actual| ≤ tolerance × max(|expected|, |actual|).</summary>
    Relative,
}

/// <summary>Whether duplicate rows count.</summary>
public enum DuplicateRows
{
    /// <summary>Bag semantics: each row must appear as many times as in the reference.</summary>
    Count,

    /// <summary>Set semantics: duplicates are ignored on both sides.</summary>
    Ignore,
}

/// <summary>How one exercise's answer is compared with the reference result. JSON-serialisable (camelCase, enums as camelCase strings).</summary>
public sealed record GradingSpec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Required row order.</summary>
    public RowOrder Order { get; init; } = RowOrder.None;

    /// <summary>Column names the rows must be sorted by when <see cref="Order"/> is <see cref="RowOrder.ByKeys"/>; also used to identify rows in feedback.</summary>
    public IReadOnlyList<string> OrderKeys { get; init; } = [];

    /// <summary>Whether the candidate's column names must match the reference's (case-insensitively); otherwise columns match by position.</summary>
    public bool ColumnNamesMustMatch { get; init; } = true;

    /// <summary>Whether the columns must also be in the reference's order (only with matching names).</summary>
    public bool ColumnOrderMatters { get; init; }

    /// <summary>How numbers are compared.</summary>
    public ToleranceKind Tolerance { get; init; } = ToleranceKind.None;

    /// <summary>The tolerance for <see cref="ToleranceKind.Absolute"/> or <see cref="ToleranceKind.Relative"/>.</summary>
    public double ToleranceValue { get; init; }

    /// <summary>Bag or set semantics.</summary>
    public DuplicateRows Duplicates { get; init; } = DuplicateRows.Count;

    /// <summary>Whether NULL equals NULL (true) or, as in SQL, nothing (false).</summary>
    public bool NullEqualsNull { get; init; } = true;

    /// <summary>Whether integers and decimals compare as numbers (3 equals 3.0).</summary>
    public bool CoerceIntegerDecimal { get; init; } = true;

    /// <summary>Whether dates and timestamps equal their ISO text ('2025-03-02', '2025-03-02T10:00:00'); midnight timestamps equal dates.</summary>
    public bool CoerceDateText { get; init; } = true;

    /// <summary>Whether booleans equal 0/1.</summary>
    public bool CoerceBoolInteger { get; init; } = true;

    /// <summary>
    /// What the grader accepts for numbers that are not whole, in words a candidate can act on, or null when the spec
    /// sets no tolerance (numbers must then match up to floating-point noise, which only suits integer results).
    /// Derived from <see cref="Tolerance"/> and <see cref="ToleranceValue"/>, so it always says what the grader does.
    /// </summary>
    public string? ToleranceStatement()
    {
        if (Tolerance == ToleranceKind.None || !(ToleranceValue > 0) || !double.IsFinite(ToleranceValue))
        {
            return null;
        }
        if (Tolerance == ToleranceKind.Relative)
        {
            return $"Do not round: a number is accepted when it is within {Number(ToleranceValue * 100)}% of the reference value (a relative tolerance).";
        }
        // Rounding to n decimals moves a value by at most half a unit in the last place kept.
        var decimals = 0;
        while (0.5 * Math.Pow(10, -decimals) > ToleranceValue && decimals < 15)
        {
            decimals++;
        }
        var rounding = decimals == 0 ? "rounding to whole numbers" : $"rounding to {decimals} decimal{(decimals == 1 ? "" : "s")}";
        var coarser = decimals == 0 ? "" : $", but {(decimals == 1 ? "rounding to whole numbers" : $"rounding to {decimals - 1} decimal{(decimals == 2 ? "" : "s")}")} may fail";
        return $"Do not round: a number is accepted when it is within {Number(ToleranceValue)} of the reference value (an absolute tolerance); {rounding} also passes{coarser}.";
    }

    private static string Number(double value) =>
        ((decimal)value).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a spec from JSON.</summary>
    public static GradingSpec FromJson(string json) =>
        JsonSerializer.Deserialize<GradingSpec>(json, Json) ?? throw new JsonException("The grading spec is empty.");

    /// <summary>Writes the spec as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>The grader's conclusion.</summary>
public enum GradeVerdict
{
    /// <summary>The candidate's result matches the reference under the spec.</summary>
    Correct,

    /// <summary>The result differs; the feedback says how.</summary>
    Incorrect,

    /// <summary>The candidate's query did not run (error, refusal, time limit).</summary>
    CandidateFailed,

    /// <summary>The reference query or the spec is broken; not the candidate's fault.</summary>
    ReferenceFailed,
}

/// <summary>A verdict with precise feedback lines.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Feedback">What is wrong, most important first, with small samples; "correct" when it passes.</param>
public sealed record GradeResult(GradeVerdict Verdict, IReadOnlyList<string> Feedback)
{
    /// <summary>True when the answer is correct.</summary>
    public bool Passed => Verdict == GradeVerdict.Correct;

    /// <summary>Rows the reference returned.</summary>
    public long ReferenceRows { get; init; }

    /// <summary>Rows the candidate returned.</summary>
    public long CandidateRows { get; init; }

    /// <summary>The most rows the grader held in memory at once (bounded for large results, which are spilled and hashed).</summary>
    public long PeakRowsInMemory { get; init; }
}

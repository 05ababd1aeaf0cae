using System.Globalization;

namespace DsLoop.Drills.Answers;

/// <summary>The ways of writing a number a drill accepts.</summary>
[Flags]
public enum AnswerForms
{
    /// <summary>A plain decimal: 0.25, -3, .5.</summary>
    Decimal = 1,

    /// <summary>A fraction of two numbers: 1/4.</summary>
    Fraction = 2,

    /// <summary>A percentage: 25%.</summary>
    Percent = 4,

    /// <summary>Commas between groups of three digits: 1,234.</summary>
    Thousands = 8,

    /// <summary>Scientific notation: 1.2e3.</summary>
    Scientific = 16,

    /// <summary>A k (thousand) or m (million) suffix: 12k, 1.5m.</summary>
    Suffix = 32,
}

/// <summary>How close an answer must be: within the larger of a relative and an absolute distance.</summary>
/// <param name="Relative">Allowed distance as a share of the exact answer's size.</param>
/// <param name="Absolute">Allowed distance in the answer's own units.</param>
/// <param name="Text">The tolerance in words, shown with the question.</param>
public sealed record Tolerance(double Relative, double Absolute, string Text)
{
    /// <summary>Three significant figures: within 0.6% of the exact value (rounding leaves at most 0.5%).</summary>
    public static Tolerance ThreeSignificantFigures { get; } = new(0.006, 0, "to 3 significant figures");

    /// <summary>Exactly, for a choice or a whole count.</summary>
    public static Tolerance Exact { get; } = new(0, 1e-9, "exactly");

    /// <summary>Within <paramref name="share"/> of the exact value, for answers that calculators round differently.</summary>
    public static Tolerance Within(double share) =>
        new(share, 0, $"within {(share * 100).ToString("0.#", CultureInfo.InvariantCulture)}% of the exact value");

    /// <summary>Within an absolute distance, e.g. 0.005 for a probability to two decimals.</summary>
    public static Tolerance Plus(double distance) =>
        new(0, distance, $"within ±{distance.ToString("0.####", CultureInfo.InvariantCulture)}");

    /// <summary>Whether <paramref name="given"/> is close enough to <paramref name="exact"/>.</summary>
    public bool Accepts(double exact, double given) =>
        Math.Abs(given - exact) <= Math.Max(Relative * Math.Abs(exact), Absolute) + (1e-12 * Math.Abs(exact));
}

/// <summary>What kind of answer a drill expects.</summary>
public enum AnswerKind
{
    /// <summary>A real number.</summary>
    Number,

    /// <summary>A probability in [0, 1].</summary>
    Probability,

    /// <summary>A count of units or days.</summary>
    Count,

    /// <summary>One of a few labelled choices.</summary>
    Choice,
}

/// <summary>The answer a drill expects: its kind, the forms it accepts, its tolerance and the words that say so.</summary>
/// <param name="Kind">Number, probability, count or choice.</param>
/// <param name="Unit">What the number measures, e.g. "users per arm"; the choice question for a choice.</param>
/// <param name="Forms">The accepted ways of writing it.</param>
/// <param name="Tolerance">How close it must be.</param>
/// <param name="Choices">The labels of a choice, in order; empty otherwise.</param>
public sealed record AnswerFormat(AnswerKind Kind, string Unit, AnswerForms Forms, Tolerance Tolerance, IReadOnlyList<string> Choices)
{
    private const AnswerForms Real = AnswerForms.Decimal | AnswerForms.Scientific | AnswerForms.Thousands;

    /// <summary>A probability: decimal, fraction or percentage.</summary>
    public static AnswerFormat Probability(Tolerance tolerance) =>
        new(AnswerKind.Probability, "probability", AnswerForms.Decimal | AnswerForms.Fraction | AnswerForms.Percent | AnswerForms.Scientific, tolerance, []);

    /// <summary>A count such as users or days: digits with optional commas, scientific notation or a k/m suffix.</summary>
    public static AnswerFormat Count(string unit, Tolerance tolerance) => new(AnswerKind.Count, unit, Real | AnswerForms.Suffix, tolerance, []);

    /// <summary>A real number in some unit; fractions accepted.</summary>
    public static AnswerFormat Number(string unit, Tolerance tolerance, bool percent = false) =>
        new(AnswerKind.Number, unit, Real | AnswerForms.Fraction | (percent ? AnswerForms.Percent : 0), tolerance, []);

    /// <summary>One of <paramref name="choices"/>, answered by its label.</summary>
    public static AnswerFormat Choice(params string[] choices) => new(AnswerKind.Choice, "choice", 0, Tolerance.Exact, choices);

    /// <summary>The format in words, e.g. "a probability (decimal, fraction or percentage), within ±0.005".</summary>
    public string Describe() => Kind == AnswerKind.Choice
        ? $"a choice: {string.Join(", ", Choices)}"
        : $"{(Kind == AnswerKind.Probability ? "a probability" : $"a number ({Unit})")} written as {FormsText()}, {Tolerance.Text}";

    /// <summary>A value written in this format: a choice's label or an invariant number.</summary>
    public string Write(double value) => Kind == AnswerKind.Choice
        ? Choices[(int)value]
        : Kind == AnswerKind.Count && value == Math.Floor(value) ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("G6", CultureInfo.InvariantCulture);

    private static readonly (AnswerForms Form, string Text)[] FormNames =
    [
        (AnswerForms.Decimal, "a decimal (0.25)"), (AnswerForms.Fraction, "a fraction (1/4)"), (AnswerForms.Percent, "a percentage (25%)"),
        (AnswerForms.Thousands, "commas (1,234)"), (AnswerForms.Scientific, "scientific notation (1.2e3)"), (AnswerForms.Suffix, "a k or m suffix (12k)"),
    ];

    /// <summary>
    /// The forms in words. A probability still reads scientific notation (a tiny one is written that way), but the line
    /// does not offer it: its example, 1.2e3, is no probability, and a decimal or percentage is the natural way to write one.
    /// </summary>
    private string FormsText() => string.Join(", ", FormNames
        .Where(f => Forms.HasFlag(f.Form) && !(Kind == AnswerKind.Probability && f.Form == AnswerForms.Scientific))
        .Select(f => f.Text));
}

using System.Globalization;
using DsLoop.Drills.Answers;

namespace DsLoop.Drills;

/// <summary>
/// Collects a drill's parts. A known mistake that lands within tolerance of the answer (or of a mistake listed before
/// it) for these numbers, or that the answer format can't express (a "probability" above 1), is left out, so every
/// listed wrong answer can be typed, is really wrong and names one error.
/// </summary>
internal sealed class DrillBuilder(IDrillFamily family, int seed)
{
    private readonly List<KnownMistake> _mistakes = [];
    private readonly Dictionary<string, double> _parameters = new(StringComparer.Ordinal);

    /// <summary>Records a drawn number under <paramref name="name"/> and returns it.</summary>
    public double Param(string name, double value)
    {
        _parameters[name] = value;
        return value;
    }

    /// <summary>Adds a known wrong answer.</summary>
    public DrillBuilder Mistake(string name, double value, string feedback)
    {
        _mistakes.Add(new KnownMistake(name, value, feedback));
        return this;
    }

    /// <summary>The drill, with mistakes that coincide with the answer or with each other removed.</summary>
    public Drill Build(string prompt, AnswerFormat format, double answer, string solution)
    {
        var kept = new List<KnownMistake>();
        foreach (var m in _mistakes)
        {
            if (double.IsFinite(m.Value) && AnswerParser.Parse(format.Write(m.Value), format).Error is null && !format.Tolerance.Accepts(answer, m.Value) && !kept.Any(k => format.Tolerance.Accepts(k.Value, m.Value)))
            {
                kept.Add(m);
            }
        }
        var text = $"{prompt}\n\nAnswer with {format.Describe()}.";
        return new Drill(family.Id, seed, family.Title, text, format, answer, solution, kept, _parameters);
    }
}

/// <summary>Invariant number formatting for prompts and solutions.</summary>
internal static class Text
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Up to <paramref name="digits"/> significant figures, no trailing zeros.</summary>
    public static string G(double x, int digits = 4) => x.ToString("G" + digits, Inv);

    /// <summary>A whole number with thousands separators.</summary>
    public static string N(double x) => x.ToString("#,0", Inv);

    /// <summary>A share as a percentage, e.g. 0.125 → "12.5%".</summary>
    public static string Pct(double x, int decimals = 2) => (x * 100).ToString("0." + new string('#', decimals), Inv) + "%";
}

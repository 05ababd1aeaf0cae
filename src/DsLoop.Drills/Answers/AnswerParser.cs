using System.Globalization;
using System.Text.RegularExpressions;

namespace DsLoop.Drills.Answers;

/// <summary>A parsed answer: its value, or why it was refused.</summary>
/// <param name="Value">The number (a choice's index for a choice), or null when refused.</param>
/// <param name="Error">What is wrong with the text, or null when it parsed.</param>
public readonly record struct ParsedAnswer(double? Value, string? Error)
{
    internal static ParsedAnswer Refuse(string error) => new(null, error);
}

/// <summary>
/// Reads an answer in the forms its drill accepts (0.25, 1/4, 25%, 1,234, 1.2e3, 12k) and refuses anything else with
/// a message that names what is wrong.
/// </summary>
public static partial class AnswerParser
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Parses <paramref name="text"/> for a drill of format <paramref name="format"/>.</summary>
    public static ParsedAnswer Parse(string? text, AnswerFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var s = (text ?? "").Trim();
        if (s.Length == 0)
        {
            return ParsedAnswer.Refuse("The answer is empty.");
        }
        if (s.Length > 64)
        {
            return ParsedAnswer.Refuse("The answer is longer than 64 characters; give just the number.");
        }
        if (format.Kind == AnswerKind.Choice)
        {
            var index = format.Choices.ToList().FindIndex(c => string.Equals(c, s, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? new ParsedAnswer(index, null)
                : ParsedAnswer.Refuse($"'{s}' is not one of the choices: answer {string.Join(" or ", format.Choices)}.");
        }
        var parsed = ParseNumber(s, format.Forms);
        return parsed.Value is { } value ? CheckRange(s, value, format) : parsed;
    }

    private static ParsedAnswer ParseNumber(string s, AnswerForms forms)
    {
        if (s.EndsWith('%'))
        {
            return !forms.HasFlag(AnswerForms.Percent) ? ParsedAnswer.Refuse($"'{s}' is a percentage, which this drill does not take: give a plain number.")
                : Plain(s[..^1].TrimEnd(), forms & ~AnswerForms.Suffix) is { Value: { } p } ? new ParsedAnswer(p / 100, null)
                : ParsedAnswer.Refuse($"'{s}': the part before % is not a number.");
        }
        if (s.Contains('/', StringComparison.Ordinal))
        {
            if (!forms.HasFlag(AnswerForms.Fraction))
            {
                return ParsedAnswer.Refuse($"'{s}' is a fraction, which this drill does not take: give a whole number or a decimal.");
            }
            var parts = s.Split('/', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || Plain(parts[0], AnswerForms.Decimal) is not { Value: { } top } || Plain(parts[1], AnswerForms.Decimal) is not { Value: { } bottom })
            {
                return ParsedAnswer.Refuse($"'{s}' is not a fraction of two numbers such as 1/4.");
            }
            return bottom == 0 ? ParsedAnswer.Refuse($"'{s}' divides by zero.") : new ParsedAnswer(top / bottom, null);
        }
        return Plain(s, forms);
    }

    private static ParsedAnswer Plain(string s, AnswerForms forms)
    {
        var multiplier = 1.0;
        if (s.Length > 1 && char.ToLowerInvariant(s[^1]) is 'k' or 'm')
        {
            if (!forms.HasFlag(AnswerForms.Suffix))
            {
                return ParsedAnswer.Refuse($"'{s}' has a '{s[^1]}' suffix, which this drill does not take: write the number out.");
            }
            multiplier = char.ToLowerInvariant(s[^1]) == 'k' ? 1e3 : 1e6;
            s = s[..^1].TrimEnd();
        }
        if (s.Contains(',', StringComparison.Ordinal))
        {
            if (!forms.HasFlag(AnswerForms.Thousands))
            {
                return ParsedAnswer.Refuse($"'{s}' has commas, which this drill does not take.");
            }
            if (!Grouped().IsMatch(s))
            {
                return ParsedAnswer.Refuse($"'{s}' has misplaced commas: use them only between groups of three digits (1,234,567); the decimal mark is a point.");
            }
            s = s.Replace(",", "", StringComparison.Ordinal);
        }
        if (s.Contains('e', StringComparison.OrdinalIgnoreCase) && !forms.HasFlag(AnswerForms.Scientific))
        {
            return ParsedAnswer.Refuse($"'{s}' is in scientific notation, which this drill does not take.");
        }
        if (!Number().IsMatch(s) || !double.TryParse(s, NumberStyles.Float, Inv, out var value) || !double.IsFinite(value))
        {
            return ParsedAnswer.Refuse($"'{s}' is not a number: write digits with a decimal point, e.g. 0.25.");
        }
        return new ParsedAnswer(value * multiplier, null);
    }

    private static ParsedAnswer CheckRange(string s, double value, AnswerFormat format)
    {
        if (format.Kind == AnswerKind.Probability && value is < 0 or > 1)
        {
            return ParsedAnswer.Refuse(value is > 1 and <= 100 && !s.EndsWith('%')
                ? $"'{s}' is above 1, and a probability lies between 0 and 1; for a percentage add the % sign ({s}%)."
                : $"'{s}' is not a probability: it must lie between 0 and 1.");
        }
        return format.Kind == AnswerKind.Count && value < 0 ? ParsedAnswer.Refuse($"'{s}' is negative, and a count can't be.") : new ParsedAnswer(value, null);
    }

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex Grouped();
}

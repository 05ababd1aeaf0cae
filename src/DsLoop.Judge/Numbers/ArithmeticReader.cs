using System.Globalization;
using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>What a number measures, so that an amount is only compared with an amount of the same kind.</summary>
internal enum AmountKind
{
    /// <summary>A plain count or quantity: "50,000 customers".</summary>
    Count,

    /// <summary>Money: "$1.2 billion".</summary>
    Money,

    /// <summary>A rate or a share: "40%", "2 points".</summary>
    Rate,
}

/// <summary>
/// Reading helpers shared by the arithmetic checks: what kind of amount a number is, the words right after it, the
/// amount an "of those" or "on that" points back to, and the verdict rule all arithmetic claims share.
/// </summary>
internal static partial class ArithmeticReader
{
    /// <summary>A stated result may be off by this share of the right one: a figure said aloud with "about".</summary>
    public const double Tolerance = 0.15;

    /// <summary>True when <paramref name="stated"/> is the right figure as a candidate would round it aloud.</summary>
    public static bool Agrees(NumberToken stated, double truth) =>
        Math.Abs(stated.Value - truth) <= Math.Max(Tolerance * Math.Abs(truth), stated.Step / 2);

    /// <summary>True when <paramref name="stated"/> agrees with any of the readings the words allow.</summary>
    public static bool AgreesWithAny(NumberToken stated, IEnumerable<double> truths) => truths.Any(t => Agrees(stated, t));

    /// <summary>Money, a rate or a count.</summary>
    public static AmountKind KindOf(SpokenSentence sentence, NumberToken token)
    {
        if (token.Unit != NumberUnit.Plain)
        {
            return AmountKind.Rate;
        }
        var at = PositionOf(sentence, token);
        if (at > 0 && sentence.Text[at - 1] is '$' or '€' or '£')
        {
            return AmountKind.Money;
        }
        return After(sentence, token, 1) is "dollars" or "usd" or "euros" ? AmountKind.Money : AmountKind.Count;
    }

    /// <summary>The position of a token's <c>§i</c> placeholder in the sentence text, or -1.</summary>
    public static int PositionOf(SpokenSentence sentence, NumberToken token)
    {
        var mark = "§" + token.Index.ToString(CultureInfo.InvariantCulture);
        var from = 0;
        while ((from = sentence.Text.IndexOf(mark, from, StringComparison.Ordinal)) >= 0)
        {
            var end = from + mark.Length;
            if (end >= sentence.Text.Length || !char.IsAsciiDigit(sentence.Text[end]))
            {
                return from;
            }
            from = end;
        }
        return -1;
    }

    /// <summary>The next <paramref name="words"/> words after the token, lower case, without punctuation.</summary>
    public static string After(SpokenSentence sentence, NumberToken token, int words)
    {
        var at = PositionOf(sentence, token);
        if (at < 0)
        {
            return "";
        }
        var rest = sentence.Text[(at + 1 + token.Index.ToString(CultureInfo.InvariantCulture).Length)..];
        var found = WordPattern().Matches(rest).Take(words).Select(m => m.Value);
        return string.Join(' ', found);
    }

    /// <summary>The rate words after an amount ("a year", "per arm", "each"), or "" when none: amounts per different things differ.</summary>
    public static string PerWhat(SpokenSentence sentence, NumberToken token)
    {
        var next = After(sentence, token, 2);
        return PerPattern().Match(next) is { Success: true } m ? m.Value : "";
    }

    /// <summary>True when the number counts time ("14 days") rather than an amount.</summary>
    public static bool IsDuration(SpokenSentence sentence, NumberToken token) =>
        DurationWord().IsMatch(After(sentence, token, 1));

    /// <summary>A token named by a regex capture of a placeholder.</summary>
    public static NumberToken? Token(SpokenSentence sentence, Match match, string group) => sentence.At(match.Groups[group]);

    /// <summary>
    /// The amount an "of those", "of them" or "on that" points back to: the nearest amount of <paramref name="kind"/>
    /// before <paramref name="before"/> in the same sentence, else the last one in the sentence before.
    /// </summary>
    public static (NumberToken Token, SpokenSentence Sentence)? PriorAmount(AnswerContext context, int i, int before, AmountKind kind)
    {
        var sentence = context.Sentences[i].Sentence;
        var here = sentence.Numbers.Where(t => PositionOf(sentence, t) is var p && p >= 0 && p < before && IsAmount(sentence, t, kind)).LastOrDefault();
        if (here is not null)
        {
            return (here, sentence);
        }
        if (i == 0)
        {
            return null;
        }
        var previous = context.Sentences[i - 1].Sentence;
        var last = previous.Numbers.LastOrDefault(t => IsAmount(previous, t, kind));
        return last is null ? null : (last, previous);
    }

    /// <summary>An amount of the given kind that is not a duration, a year or a zero.</summary>
    public static bool IsAmount(SpokenSentence sentence, NumberToken token, AmountKind kind) =>
        token.Value > 0 && KindOf(sentence, token) == kind && !IsDuration(sentence, token) && !IsCalendarYear(sentence, token);

    /// <summary>A share on the 0–1 scale as said: "40%", or a plain fraction such as "0.05".</summary>
    public static double? ShareOf(NumberToken token) =>
        token.Unit == NumberUnit.Percent && token.Value is > 0 and <= 100 ? token.Value / 100
        : token.Unit == NumberUnit.Plain && token.Value is > 0 and < 1 ? token.Value
        : null;

    /// <summary>An amount said back to the candidate: "$360,000", "3 million", "24 thousand", "13%".</summary>
    public static string Say(double value, AmountKind kind, NumberToken? styleOf = null)
    {
        if (kind == AmountKind.Rate)
        {
            return Figures.Rate(value / 100);
        }
        var money = kind == AmountKind.Money ? "$" : "";
        var magnitude = Math.Abs(value);
        var thousandWords = styleOf?.Text.Contains("thousand", StringComparison.Ordinal) == true;
        var text = magnitude >= 1e9 ? (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " billion"
            : magnitude >= 1e6 ? (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " million"
            : thousandWords && magnitude >= 1e3 ? (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + " thousand"
            : magnitude >= 100 ? RoundTo3(value).ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("0.##", CultureInfo.InvariantCulture);
        return money + text;
    }

    /// <summary>The token as the candidate said it, with its currency sign.</summary>
    public static string Said(SpokenSentence sentence, NumberToken token) =>
        (KindOf(sentence, token) == AmountKind.Money && !token.Text.StartsWith('$') ? "$" : "") + Words(token);

    /// <summary>The token's words on one line ("540 million", even when the answer broke the line between them).</summary>
    public static string Words(NumberToken token) => string.Join(' ', token.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static double RoundTo3(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - 2);
        return Math.Round(value / magnitude) * magnitude;
    }

    private static bool IsCalendarYear(SpokenSentence sentence, NumberToken token) =>
        token.Unit == NumberUnit.Plain && token.Value is >= 1990 and <= 2100 && token.Step == 1 && !token.Text.Contains(',', StringComparison.Ordinal)
        && KindOf(sentence, token) == AmountKind.Count;

    [GeneratedRegex(@"[a-z][a-z'-]*|[$=+/]")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(?:(?:a|an|per|each|every) (?:year|month|week|day|quarter|arm|group|variant|user|customer|account|person|head|seat)|each|annually|monthly|weekly|daily|yearly)\b")]
    private static partial Regex PerPattern();

    [GeneratedRegex(@"^(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|quarters?)$")]
    private static partial Regex DurationWord();
}

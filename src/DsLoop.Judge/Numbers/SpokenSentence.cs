using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// A sentence in a normal form the extraction patterns read: lower case, number words for small counts turned into
/// digits, units spelt one way, and each number replaced by <c>§i</c>, its index in <see cref="Numbers"/>.
/// </summary>
internal sealed partial class SpokenSentence
{
    /// <summary>Longer sentences are not read: nobody says one, and it keeps the cost bounded.</summary>
    public const int MaxLength = 2_000;

    private SpokenSentence(string original, string text, IReadOnlyList<NumberToken> numbers)
    {
        Original = original;
        Text = text;
        Numbers = numbers;
    }

    /// <summary>The sentence as the candidate wrote it.</summary>
    public string Original { get; }

    /// <summary>The normal form with <c>§i</c> placeholders.</summary>
    public string Text { get; }

    /// <summary>The numbers, in sentence order.</summary>
    public IReadOnlyList<NumberToken> Numbers { get; }

    /// <summary>The token a <c>§i</c> capture names, or null.</summary>
    public NumberToken? At(Group group) =>
        group.Success && int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < Numbers.Count ? Numbers[i] : null;

    public static SpokenSentence Read(string sentence)
    {
        if (sentence.Length > MaxLength)
        {
            return new SpokenSentence(sentence, "", []);
        }
        var text = Normalise(sentence);
        var numbers = new List<NumberToken>();
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match m in NumberPattern().Matches(text))
        {
            builder.Append(text, last, m.Index - last);
            last = m.Index + m.Length;
            var token = Parse(m, numbers.Count);
            if (token is null)
            {
                builder.Append(" ? ");
                continue;
            }
            numbers.Add(token);
            builder.Append('§').Append(token.Index.ToString(CultureInfo.InvariantCulture));
        }
        builder.Append(text, last, text.Length - last);
        var placed = Spaces().Replace(builder.ToString(), " ").Trim();
        return new SpokenSentence(sentence, placed, numbers);
    }

    private static NumberToken? Parse(Match m, int index)
    {
        var digits = m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal);
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        var step = dot < 0 ? 1 : Math.Pow(10, -(digits.Length - dot - 1));
        var multiplier = m.Groups["mult"].Value.Trim() switch
        {
            "k" or "thousand" => 1e3,
            "m" or "mm" or "million" => 1e6,
            "bn" or "billion" => 1e9,
            "hundred" => 1e2,
            _ => 1,
        };
        value *= multiplier;
        step *= multiplier;
        if (m.Groups["neg"].Success)
        {
            value = -value;
        }
        if (!double.IsFinite(value) || Math.Abs(value) > 1e13)
        {
            return null;
        }
        var unitText = m.Groups["unit"].Value.Trim();
        var unit = unitText.Length == 0 ? NumberUnit.Plain
            : unitText is "%" or "percent" ? NumberUnit.Percent
            : NumberUnit.Points;
        return new NumberToken(index, value, unit, step, m.Value.Trim());
    }

    private static string Normalise(string sentence)
    {
        var s = sentence.ToLowerInvariant()
            .Replace('’', '\'').Replace('−', '-').Replace('—', ',').Replace("–", " to ", StringComparison.Ordinal)
            .Replace("per cent", "percent", StringComparison.Ordinal);
        s = Sided().Replace(s, m => m.Groups[1].Value == "one" ? " onesided " : " twosided ");
        s = Split().Replace(s, m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) == 100
            ? $" split{m.Groups[1].Value}x{m.Groups[2].Value} "
            : m.Value);
        s = PercentagePoints().Replace(s, " pp");
        s = NumberHyphen().Replace(s, "$1 $2");
        s = NumberRange().Replace(s, "$1 to $2");
        s = Fortnight().Replace(s, "2 weeks");
        s = ACouple().Replace(s, "2 ");
        s = OneOfAKind().Replace(s, "1 ");
        s = NumberWord().Replace(s, m => Words[m.Groups[1].Value] + " ");
        return s;
    }

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["one"] = "1",
        ["two"] = "2",
        ["three"] = "3",
        ["four"] = "4",
        ["five"] = "5",
        ["six"] = "6",
        ["seven"] = "7",
        ["eight"] = "8",
        ["nine"] = "9",
        ["ten"] = "10",
        ["eleven"] = "11",
        ["twelve"] = "12",
        ["fourteen"] = "14",
        ["fifteen"] = "15",
        ["twenty"] = "20",
        ["thirty"] = "30",
    };

    [GeneratedRegex(@"(?<![\w.§])(?<neg>-(?=\d|\.\d))?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?<mult>\s?(?:k|mm|m|million|thousand|hundred|bn|billion)\b)?(?<unit>\s?(?:%|percent\b|pp\b|points?\b|pts?\b))?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(one|two)[\s-](?:sided|tailed)\b")]
    private static partial Regex Sided();

    [GeneratedRegex(@"(?<![\d.,])(\d{1,2})\s?(?:/|-|:)\s?(\d{1,2})(?![\d.,%])")]
    private static partial Regex Split();

    [GeneratedRegex(@"\s?(?:%|percent|percentage)\s?points?\b|\s?percentage points?\b")]
    private static partial Regex PercentagePoints();

    [GeneratedRegex(@"(\d)-([a-z])")]
    private static partial Regex NumberHyphen();

    [GeneratedRegex(@"(\d%?)\s?-\s?(?=\.?\d)(\d|\.)")]
    private static partial Regex NumberRange();

    [GeneratedRegex(@"\b(?:a|one) fortnight\b")]
    private static partial Regex Fortnight();

    [GeneratedRegex(@"\ba couple (?:of )?(?=(?:more |full |extra )?(?:days?|weeks?|months?)\b)")]
    private static partial Regex ACouple();

    [GeneratedRegex(@"(?<=\b(?:for|take|takes|about|around|roughly|within|in|than|only|just|over|least|last|lasts|run|runs|is|be|of)\s)(?:a|an)\s(?=(?:full |single |whole )?(?:day|week|month)\b)")]
    private static partial Regex OneOfAKind();

    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)\s(?=(?:more |full |extra |whole )?(?:days?|weeks?|months?|arms?|variants?|groups?|variations?|treatments?|points?|pp|percent|thousand|hundred|million)\b)")]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

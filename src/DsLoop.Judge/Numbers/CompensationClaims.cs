using System.Text.RegularExpressions;
using static DsLoop.Judge.Numbers.ArithmeticReader;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// A compensation total built from its parts: a base, a bonus as a percent of base (or an amount) and equity or other
/// yearly amounts, said with a total ("195 base, a 20% bonus and 60 thousand a year in stock, so about 294 in total").
/// Figures under 2,000 are read in thousands, as candidates say salaries. Parts are summed exactly, so the total may
/// only be off by <see cref="TotalTolerance"/> or its own rounding.
/// </summary>
internal static partial class CompensationClaims
{
    /// <summary>A sum of stated parts is rounded, not estimated: 3% of the right total.</summary>
    public const double TotalTolerance = 0.03;

    /// <summary>"A base of 190 thousand … with a 20% bonus and equity of 40 thousand a year, that comes to about 268 total."</summary>
    public static CheckedClaim? TotalOfParts(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        var totalMatch = TotalAfter().Match(sentence.Text);
        if (!totalMatch.Success)
        {
            totalMatch = TotalBefore().Match(sentence.Text);
        }
        if (!totalMatch.Success || Token(sentence, totalMatch, "t") is not { Unit: NumberUnit.Plain } total)
        {
            return null;
        }
        var totalAt = totalMatch.Groups["t"].Index;
        var window = new List<(SpokenSentence Sentence, NumberToken Token)>();
        if (i > 0 && !BaseWord().IsMatch(sentence.Text[..totalAt]))
        {
            var previous = context.Sentences[i - 1].Sentence;
            window.AddRange(previous.Numbers.Select(t => (previous, t)));
        }
        window.AddRange(sentence.Numbers.Where(t => t != total && PositionOf(sentence, t) is var at && at >= 0 && at < totalAt).Select(t => (sentence, t)));
        var baseIndex = window.FindLastIndex(w => IsBase(w.Sentence, w.Token));
        if (baseIndex < 0)
        {
            return null;
        }
        var salary = Thousands(window[baseIndex].Token.Value);
        double bonus = 0, other = 0;
        var parts = 0;
        var pieces = new List<string> { $"a base of {InThousands(salary)}" };
        foreach (var (s, t) in window.Skip(baseIndex + 1))
        {
            var next = After(s, t, 4);
            if (IsDuration(s, t))
            {
                continue;
            }
            if (t.Unit == NumberUnit.Percent && BonusWord().IsMatch(next))
            {
                bonus = t.Value / 100 * salary;
                pieces.Add($"a {Words(t)} bonus of {InThousands(bonus)}");
                parts++;
            }
            else if (t.Unit == NumberUnit.Plain && (PartAfter().IsMatch(next) || PartBefore().IsMatch(Before(s, t))))
            {
                other += Thousands(t.Value);
                pieces.Add(InThousands(Thousands(t.Value)));
                parts++;
            }
            else
            {
                // A number that is not a part (a share of a grant, a range): the sum is not what the answer adds.
                return null;
            }
        }
        // Every part named between the base and the total must carry a figure: "plus equity" with no amount is not summed.
        var baseSentence = window[baseIndex].Sentence;
        var baseAt = PositionOf(baseSentence, window[baseIndex].Token);
        var named = ReferenceEquals(baseSentence, sentence)
            ? PartNoun().Matches(sentence.Text[baseAt..totalAt]).Count
            : PartNoun().Matches(baseSentence.Text[baseAt..]).Count + PartNoun().Matches(sentence.Text[..totalAt]).Count;
        if (parts == 0 || named > parts)
        {
            return null;
        }
        var sum = salary + bonus + other;
        var stated = Thousands(total.Value);
        var fits = Math.Abs(stated - sum) <= Math.Max(TotalTolerance * sum, Thousands(total.Step) / 2);
        var truth = $"{Capital(string.Join(" plus ", pieces))} is {InThousands(sum)} in total";
        return CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"total compensation of {Words(total)}", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, not {Words(total)}.", sum);
    }

    private static bool IsBase(SpokenSentence sentence, NumberToken token) =>
        token.Unit == NumberUnit.Plain && !IsDuration(sentence, token) && (After(sentence, token, 1) is "base" || BaseBefore().IsMatch(Before(sentence, token)));

    private static string InThousands(double value) => (value / 1000).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " thousand";

    private static double Thousands(double value) => Math.Abs(value) < 2000 ? value * 1000 : value;

    /// <summary>The few words right before a token, lower case.</summary>
    private static string Before(SpokenSentence sentence, NumberToken token)
    {
        var at = PositionOf(sentence, token);
        return at <= 0 ? "" : sentence.Text[Math.Max(0, at - 40)..at];
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"\$?§(?<t>\d+)k?(?: (?:in )?total\b| all-in\b| all in\b)")]
    private static partial Regex TotalAfter();

    [GeneratedRegex(@"\btotal(?: compensation| comp| package| cash)?(?: of| is| comes to| at| near| around| to| would be)(?: (?:about|roughly|around|approximately|nearly|almost))* \$?§(?<t>\d+)")]
    private static partial Regex TotalBefore();

    [GeneratedRegex(@"\bbase\b")]
    private static partial Regex BaseWord();

    [GeneratedRegex(@"\bbase(?: salary| pay)?(?: of| at| is)?(?: (?:about|around|roughly))? \$?$")]
    private static partial Regex BaseBefore();

    [GeneratedRegex(@"^(?:[a-z-]+ ){0,2}?bonus\b")]
    private static partial Regex BonusWord();

    [GeneratedRegex(@"^(?:(?:a|per) year )?(?:[a-z']+ ){0,2}?(?:in |of )?(?:stock|equity|rsus?|grant|bonus|sign-on|signing)\b")]
    private static partial Regex PartAfter();

    [GeneratedRegex(@"\b(?:stock|equity|rsus?|grant|bonus)(?: [a-z]+){0,2}? (?:of|at|worth)(?: (?:about|around|roughly))? \$?$")]
    private static partial Regex PartBefore();

    [GeneratedRegex(@"\b(?:stock|equity|rsus?|grant|bonus|sign-on|signing)\b")]
    private static partial Regex PartNoun();
}

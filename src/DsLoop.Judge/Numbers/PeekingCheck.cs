using System.Text.RegularExpressions;
using DsLoop.Stats.Design;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Peeking: "checks every morning of a two-week test, that's 14 looks, and the overall false-positive rate goes from 5%
/// to about 6%". The rate for K equally spaced looks at the usual threshold is Stats' <see cref="InterimLooks"/>. A stated
/// overall rate is wrong below the true one ÷ <see cref="Understated"/> or above <see cref="Overstated"/> × it (beyond
/// half a unit of its last digit). Beyond <see cref="MaxLooks"/> looks only an understatement against
/// the rate at that many looks is flagged. Sentences about a correction (a sequential boundary, α spending,
/// Bonferroni) are skipped: there the overall rate is meant to stay at α.
/// </summary>
internal static partial class PeekingCheck
{
    /// <summary>A stated rate below the true one divided by this is wrong (14 looks: 22%, so under about 15%).</summary>
    public const double Understated = 1.5;

    /// <summary>A stated rate above this multiple of the true one is wrong (the "1 − 0.95^K" of independent looks overshoots by about this much).</summary>
    public const double Overstated = 2;

    /// <summary>Looks beyond this are not computed (the cost grows with the square of the looks); the rate at this many is a lower bound.</summary>
    public const int MaxLooks = 30;

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    [GeneratedRegex(@"(?:§(?<k>\d+)|\b(?<w>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))(?: [a-z-]+){0,2}? (?:looks|peeks|interim looks|interim analyses|analyses|checks|check-ins|(?:equally spaced|evenly spaced|interim|separate) (?:points|times|checks|reads))\b|\b(?:every|each) (?:day|morning|evening|night)(?: [a-z-]+){0,2}? (?:of|for|over|during) (?:a |an |the )?§(?<d>\d+) (?<u>day|week)s?\b|\bdaily (?:for|over|during|across) (?:a |an |the )?§(?<d>\d+) (?<u>day|week)s?\b|\b(?:peek\w*|look\w*|check\w*)(?: at (?:it|the results|the dashboard|the test|the p-value))? §(?<k>\d+) times\b")]
    private static partial Regex LooksPattern();

    [GeneratedRegex(@"\b(?:false[- ]positives?|type i|false alarms?|error rate|chance|probability|odds|risk|declar\w+ a winner|crosses|dips below)\b")]
    private static partial Regex RateWords();

    [GeneratedRegex(@"(?:\bfrom (?:a |the |nominal |its )?§(?<a>\d+) )?\b(?:to|is|becomes|reaches|hits|of|at|around|about|roughly|nearly|almost|near|approximately|be|inflates to|climbs to|rises to|grows to)(?: (?:about|around|roughly|nearly|almost|approximately|only|just|~))* ?§(?<b>\d+)")]
    private static partial Regex StatedRatePattern();

    [GeneratedRegex(@"\b(?:boundary|boundaries|spending|o'brien|fleming|pocock|sequential|msprt|always-valid|always valid|bonferroni|corrected|correction|adjusted|adjust|confidence sequence|haybittle|peto)\b")]
    private static partial Regex Corrected();

    public static CheckedClaim? Check(AnswerContext context, int i)
    {
        var facts = context.Sentences[i];
        var text = facts.Sentence.Text;
        if (!RateWords().IsMatch(text) || Corrected().IsMatch(text) || (i > 0 && Corrected().IsMatch(context.Sentences[i - 1].Sentence.Text)))
        {
            return null;
        }
        var looks = Looks(facts.Sentence);
        if (looks.Count == 0 && i > 0)
        {
            looks = [.. Looks(context.Sentences[i - 1].Sentence).Select(l => (l.K, At: -1))];
        }
        if (looks.Count == 0)
        {
            return null;
        }
        CheckedClaim? first = null;
        foreach (Match m in StatedRatePattern().Matches(text))
        {
            if (facts.Sentence.At(m.Groups["b"]) is not { Unit: NumberUnit.Percent, Value: > 0 and < 100 } stated)
            {
                continue;
            }
            var k = looks.Where(l => l.At <= m.Index).Select(l => l.K).LastOrDefault(looks[0].K);
            if (k < 2)
            {
                continue;
            }
            // The answer's α only when it is not this very figure: "a false positive rate of 30%" is read as α by the sizing reader.
            var alpha = facts.Sentence.At(m.Groups["a"]) is { Unit: NumberUnit.Percent, Value: > 0 and <= 20 } from ? from.Share
                : context.Design.AlphaStated && context.Design.Alpha <= 0.1 && Math.Abs(context.Design.Alpha - stated.Share) > 1e-9 ? context.Design.Alpha
                : 0.05;
            var claim = Judge(facts.Sentence.Original, k, alpha, context.Design.OneSided, stated);
            if (claim.Note.Wrong)
            {
                return claim;
            }
            first ??= claim;
        }
        return first;
    }

    private static CheckedClaim Judge(string sentence, int looks, double alpha, bool oneSided, NumberToken stated)
    {
        var computedLooks = Math.Min(looks, MaxLooks);
        var right = InterimLooks.FalsePositiveRate(computedLooks, alpha, oneSided);
        var rounding = stated.ShareStep / 2;
        var fits = stated.Share + rounding >= right / Understated && (looks > MaxLooks || stated.Share - rounding <= Overstated * right);
        var sided = oneSided ? "one-sided" : "two-sided";
        var truth = looks > MaxLooks
            ? $"With more than {MaxLooks} equally spaced looks at {sided} α = {alpha:0.###}, the chance that some look crosses when nothing changed is above {Figures.Rate(right)}"
            : $"With {looks} equally spaced looks at {sided} α = {alpha:0.###}, the chance that some look crosses when nothing changed is about {Figures.Rate(right)}";
        var explanation = fits ? $"{truth}, as the answer says." : $"{truth}, not {stated.Text}.";
        return CheckedClaim.Of(ClaimKind.Peeking, sentence, $"{looks} looks give an overall false-positive rate of {stated.Text}", !fits, explanation, right);
    }

    /// <summary>The numbers of looks a sentence names, with where each is said.</summary>
    private static List<(int K, int At)> Looks(SpokenSentence sentence)
    {
        var looks = new List<(int K, int At)>();
        foreach (Match m in LooksPattern().Matches(sentence.Text))
        {
            var k = m.Groups["w"].Success ? Array.IndexOf(NumberWords, m.Groups["w"].Value)
                : sentence.At(m.Groups["k"]) is { IsCount: true, Value: >= 2 and <= 10_000 } count ? (int)count.Value
                : sentence.At(m.Groups["d"]) is { IsCount: true, Value: >= 1 and <= 400 } days ? (int)days.Value * (m.Groups["u"].Value == "week" ? 7 : 1)
                : 0;
            if (k >= 2)
            {
                looks.Add((k, m.Index));
            }
        }
        return looks;
    }
}

using System.Text.RegularExpressions;
using DsLoop.Stats;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// The width of an interval on a difference of two rates said as rates and arm sizes, not counts: "each arm had
/// 400,000 visitors, 2.00% in control against 2.02% … the 95% interval on the difference is plus or minus 0.01
/// points". The half-width is z·√(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂) (Wald, as statsmodels' <c>confint_proportions_2indep</c>).
/// Wrong when the stated half-width (± h, or half an interval's span) is off by more than
/// <see cref="ReadoutChecks.BoundTolerance"/> of the computed one and by more than half a unit of its last digit.
/// </summary>
internal static partial class RateIntervalCheck
{
    [GeneratedRegex(FactReader.MarginWords + @"§(?<h>\d+)")]
    private static partial Regex HalfWidthPattern();

    [GeneratedRegex(@"§(?<a>\d+) (?:[a-z-]+ ){0,4}?(?:against|versus|vs\.?|compared (?:to|with)|and|to) (?:a |an |the |about |around )?(?:[a-z-]+ ){0,2}?§(?<b>\d+)")]
    private static partial Regex RatePairPattern();

    [GeneratedRegex(@"\b(?:each|per|every|both) (?:arm|group|variant|side|bucket)s? (?:had|has|have|got|gets|saw|sees|with|of|had about|had roughly) (?:about |roughly |around |over |nearly )?§(?<n>\d+)|§(?<n>\d+) (?:[a-z-]+ ){0,2}?(?:per|in each|each|in both|for each) (?:arm|group|variant|side|bucket)\b")]
    private static partial Regex PerArmPattern();

    [GeneratedRegex(@"§(?<n>\d+) (?:confidence )?(?:interval|ci)\b")]
    private static partial Regex LevelPattern();

    [GeneratedRegex(@"\b(?:ratio|odds|hazard|log|revenue|dollars?)\b|\$")]
    private static partial Regex NotARateDifference();

    [GeneratedRegex(@"^ ?(?:[a-z%]+ ){0,2}?(?:relative|of the (?:baseline|control|mean))\b")]
    private static partial Regex RelativeAfter();

    public static CheckedClaim? Check(AnswerContext context, int i)
    {
        var facts = context.Sentences[i];
        var sentence = facts.Sentence;
        if (context.CountsFor(i).Count > 0 || NotARateDifference().IsMatch(sentence.Text) || facts.MentionsMeans)
        {
            return null;
        }
        var stated = HalfWidthPattern().Match(sentence.Text) is { Success: true } pm && sentence.At(pm.Groups["h"]) is { Value: > 0 } h
            && !RelativeAfter().IsMatch(sentence.Text[(pm.Index + pm.Length)..])
            ? (Half: h, Words: $"± {h.Text}")
            : facts.Interval is { } interval && (interval.Low.Unit == interval.High.Unit || interval.Low.Unit == NumberUnit.Plain || interval.High.Unit == NumberUnit.Plain) && interval.High.Value != interval.Low.Value
                ? (Half: interval.High with
                {
                    Value = Math.Abs(interval.High.Value - interval.Low.Value) / 2,
                    Step = Math.Max(interval.Low.Step, interval.High.Step),
                    Unit = interval.High.Unit == NumberUnit.Plain ? interval.Low.Unit : interval.High.Unit,
                }, Words: $"{interval.Low.Text} to {interval.High.Text}")
                : default;
        if (stated.Half is null || !sentence.Text.Contains("interval", StringComparison.Ordinal) && !sentence.Text.Contains("ci", StringComparison.Ordinal) && !sentence.Text.Contains("margin", StringComparison.Ordinal))
        {
            return null;
        }
        var rates = Nearest(context, i, RatesOf);
        var perArm = Nearest(context, i, f => f.PerArm is { IsCount: true, Value: >= 20 } n ? n.Value : PerArmOf(f.Sentence));
        if (rates is not var (a, b) || perArm is not { } n)
        {
            return null;
        }
        var (p1, p2) = (a.Share, b.Share);
        var confidence = LevelPattern().Match(sentence.Text) is { Success: true } l && sentence.At(l.Groups["n"]) is { Unit: NumberUnit.Percent, Value: >= 50 and < 100 } level ? level.Share : 0.95;
        var z = StandardNormal.Isf((1 - confidence) / 2);
        var half = z * Math.Sqrt((p1 * (1 - p1) / n) + (p2 * (1 - p2) / n));
        var token = stated.Half;
        var scales = token.Unit == NumberUnit.Plain ? new[] { 1.0, 0.01 } : [0.01];
        var fits = scales.Any(s => Math.Abs((token.Value * s) - half) <= Math.Max(ReadoutChecks.BoundTolerance * half, token.Step * s / 2));
        var inputs = $"{a.Text} against {b.Text} with {Figures.Exact(n)} per arm";
        var truth = $"{inputs} gives a {Figures.Rate(confidence)} interval on the difference of about ± {Figures.FinePoints(half)} (Wald)";
        var explanation = fits ? $"{truth}, as the answer says." : $"{truth}, not {stated.Words}.";
        return CheckedClaim.Of(ClaimKind.Interval, sentence.Original, $"{inputs}: {stated.Words}", !fits, explanation, half);
    }

    private static T? Nearest<T>(AnswerContext context, int at, Func<SentenceFacts, T?> read)
        where T : struct
    {
        for (var j = at; j >= Math.Max(0, at - 2); j--)
        {
            if (read(context.Sentences[j]) is { } value)
            {
                return value;
            }
        }
        return null;
    }

    private static (NumberToken, NumberToken)? RatesOf(SentenceFacts facts)
    {
        foreach (Match m in RatePairPattern().Matches(facts.Sentence.Text))
        {
            if (facts.Sentence.At(m.Groups["a"]) is { Unit: NumberUnit.Percent, IsRate: true } a && facts.Sentence.At(m.Groups["b"]) is { Unit: NumberUnit.Percent, IsRate: true } b)
            {
                return (a, b);
            }
        }
        return null;
    }

    private static double? PerArmOf(SpokenSentence sentence) =>
        PerArmPattern().Match(sentence.Text) is { Success: true } m && sentence.At(m.Groups["n"]) is { IsCount: true, Value: >= 20 } n ? n.Value : null;
}

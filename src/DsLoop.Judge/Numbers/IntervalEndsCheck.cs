using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// An estimate said with its margin ("2.0% plus or minus about 3 points") and then one end of that interval named
/// ("the low end, 0.5%"): the ends are the estimate minus and plus the margin, so here −1.0% and 5.0%. A named end is
/// wrong when it is off by more than <see cref="ReadoutChecks.BoundTolerance"/> of the margin plus the rounding of the
/// three figures (half a unit of each one's last digit). The margin may be said up to two sentences before the end.
/// </summary>
internal static partial class IntervalEndsCheck
{
    [GeneratedRegex(@"§(?<c>\d+) (?:[a-z-]+ ){0,2}?" + FactReader.MarginWords + @"§(?<h>\d+)")]
    private static partial Regex MarginPattern();

    [GeneratedRegex(@"\b(?<end>low|lower|bottom|high|higher|upper|top) (?:end|bound|limit|edge)(?: of (?:the |that |this |our )?(?:interval|range|ci))?,? (?:(?:is|at|of|around|about|roughly|near|just|only) )*~? ?§(?<z>\d+)|§(?<z>\d+),? (?:is |as )?(?:the |its )(?<end>low|lower|bottom|high|higher|upper|top) (?:end|bound|limit|edge)\b")]
    private static partial Regex EndPattern();

    /// <summary>A named end of an interval said as an estimate plus or minus a margin.</summary>
    public static CheckedClaim? Check(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (EndPattern().Match(sentence.Text) is not { Success: true } end || sentence.At(end.Groups["z"]) is not { } stated)
        {
            return null;
        }
        for (var j = i; j >= Math.Max(0, i - 2); j--)
        {
            var before = context.Sentences[j].Sentence;
            var margins = MarginPattern().Matches(before.Text).Where(m => j < i || m.Index < end.Index).ToList();
            if (margins.Count == 0)
            {
                continue;
            }
            var margin = margins[^1];
            if (before.At(margin.Groups["c"]) is not { } centre || before.At(margin.Groups["h"]) is not { Value: > 0 } half
                || !SameScale(centre, half) || !SameScale(centre, stated))
            {
                return null;
            }
            var low = end.Groups["end"].Value is "low" or "lower" or "bottom";
            var right = low ? centre.Value - half.Value : centre.Value + half.Value;
            var allowed = (ReadoutChecks.BoundTolerance * half.Value) + ((centre.Step + half.Step + stated.Step) / 2);
            var wrong = Math.Abs(stated.Value - right) > allowed;
            var unit = centre.Unit == NumberUnit.Percent ? "%" : "";
            var which = low ? "low" : "high";
            var truth = $"{centre.Text} plus or minus {half.Text} runs from {Figures.Exact(centre.Value - half.Value)}{unit} to {Figures.Exact(centre.Value + half.Value)}{unit}";
            return CheckedClaim.Of(ClaimKind.Interval, sentence.Original, $"the {which} end is {stated.Text}", wrong,
                wrong ? $"{truth}, so its {which} end is {Figures.Exact(right)}{unit}, not {stated.Text}." : $"{truth}, as the answer says.", right);
        }
        return null;
    }

    // Percent and points are one scale here (an estimate in % with a margin in points); a plain number goes only with plain numbers.
    private static bool SameScale(NumberToken a, NumberToken b) => (a.Unit == NumberUnit.Plain) == (b.Unit == NumberUnit.Plain);
}

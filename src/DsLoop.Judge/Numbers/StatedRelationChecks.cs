using DsLoop.Stats;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Relations between numbers an answer states without counts: an interval and a p-value for the same estimate, and a
/// CUPED-style variance reduction from a correlation. Each allows for the rounding of every figure it reads.
/// </summary>
internal static class StatedRelationChecks
{
    /// <summary>A share of variance may be off by this much (on the 0–1 scale) beyond rounding.</summary>
    public const double VarianceTolerance = 0.03;

    /// <summary>A rescaled width may be off by this share of the right one.</summary>
    public const double WidthTolerance = 0.1;

    /// <summary>Rounding to the stated last digit may excuse at most this share: "1 point" for 1.41 is not rounding.</summary>
    public const double MaxWidthRounding = 0.2;

    /// <summary>
    /// "0.5% to 3.5%, p = 0.04": an interval around an estimate implies its standard error (half-width ÷ z), and so the
    /// p-value of the estimate against 0. The p-value may be in the interval's sentence or the one just before or after.
    /// Wrong when the stated p disagrees (as in <see cref="ReadoutChecks.Agrees"/>) with the p computed from every
    /// rounding of the bounds.
    /// </summary>
    public static CheckedClaim? IntervalPValueCheck(AnswerContext context, int i)
    {
        var facts = context.Sentences[i];
        if (facts.Interval is not { } interval || facts.RatioScale || context.CountsFor(i).Count > 0)
        {
            return null;
        }
        var stated = facts.PValue ?? PValueNear(context, i - 1) ?? PValueNear(context, i + 1);
        if (stated is null)
        {
            return null;
        }
        var (low, high) = (Math.Min(interval.Low.Value, interval.High.Value), Math.Max(interval.Low.Value, interval.High.Value));
        if (high <= low)
        {
            return null;
        }
        var z = StandardNormal.Isf((1 - interval.Confidence) / 2);
        double PFor(double a, double b, bool oneSided)
        {
            var se = (b - a) / 2 / z;
            var tail = StandardNormal.Sf(Math.Abs((a + b) / 2) / se);
            return oneSided ? tail : 2 * tail;
        }
        var (rl, rh) = (interval.Low.Step / 2, interval.High.Step / 2);
        var corners = new[] { (low - rl, high - rh), (low - rl, high + rh), (low + rl, high - rh), (low + rl, high + rh) }.Where(c => c.Item2 > c.Item1).ToList();
        var sides = context.Design.OneSided ? new[] { true, false } : [false];
        var fits = corners.SelectMany(c => sides.Select(s => PFor(c.Item1, c.Item2, s))).Any(p => ReadoutChecks.Agrees(stated, p, context.Design.Alpha));
        var computed = PFor(low, high, context.Design.OneSided);
        var level = Figures.Rate(interval.Confidence);
        var span = $"a {level} interval of {interval.Low.Text} to {interval.High.Text}";
        var truth = $"{Cap(span)} puts the estimate {Math.Abs(low + high) / 2 / ((high - low) / 2 / z):0.00} standard errors from zero, so p {Figures.P(computed)} ({(context.Design.OneSided ? "one" : "two")}-sided)";
        var explanation = fits ? $"{truth}, as the answer says." : $"{truth}, not {stated.Token.Text}.";
        return CheckedClaim.Of(ClaimKind.IntervalPValue, facts.Sentence.Original, $"{span} with p {Word(stated.Relation)} {stated.Token.Text}", !fits, explanation, computed);
    }

    /// <summary>
    /// "A correlation of 0.5 keeps 75% of the variance": regression on a pre-period covariate (CUPED) removes ρ² of the
    /// variance and leaves 1 − ρ². The correlation may be in the claim's sentence or the one before.
    /// </summary>
    public static CheckedClaim? VarianceCheck(AnswerContext context, int i)
    {
        var facts = context.Sentences[i];
        if (facts.VarianceShare is not { } share)
        {
            return null;
        }
        var rho = facts.Correlation ?? (i > 0 ? context.Sentences[i - 1].Correlation : null);
        if (rho is null)
        {
            return null;
        }
        var (removed, said) = (share.Removed, share.Share);
        double Truth(double r) => removed ? r * r : 1 - (r * r);
        var (a, b) = (Truth(Math.Max(0, rho.Value - (rho.Step / 2))), Truth(Math.Min(1, rho.Value + (rho.Step / 2))));
        var (lowest, highest) = (Math.Min(a, b), Math.Max(a, b));
        var allowed = Math.Max(VarianceTolerance, said.ShareStep / 2);
        var fits = said.Share >= lowest - allowed && said.Share <= highest + allowed;
        var right = Truth(rho.Value);
        var what = removed ? "removes" : "leaves";
        var claim = $"a correlation of {rho.Text} {what} {said.Text} of the variance";
        var truth = $"A covariate with correlation {rho.Text} removes ρ² = {Figures.Rate(rho.Value * rho.Value)} of the variance and leaves {Figures.Rate(1 - (rho.Value * rho.Value))}";
        var explanation = fits ? $"{truth}, as the answer says." : $"{truth}, not {said.Text} {(removed ? "removed" : "left")}.";
        return CheckedClaim.Of(ClaimKind.VarianceReduction, facts.Sentence.Original, claim, !fits, explanation, right);
    }

    /// <summary>
    /// "With four times as many users the margin drops from 1.5 to 0.75 points": an interval's width and a standard error
    /// scale with 1/√n, so k times the sample divides them by √k. Wrong when the new width is off by more than
    /// <see cref="WidthTolerance"/> of the right one (or half a unit of its last digit, up to <see cref="MaxWidthRounding"/>).
    /// </summary>
    public static CheckedClaim? WidthScalingCheck(SentenceFacts facts)
    {
        if (facts.WidthScaling is not { } scaling)
        {
            return null;
        }
        var right = scaling.From.Value / Math.Sqrt(scaling.Multiplier);
        var stated = scaling.To.Value;
        var fits = Math.Abs(stated - right) <= Math.Max(WidthTolerance * right, Math.Min(scaling.To.Step / 2, MaxWidthRounding * right));
        var claim = $"{scaling.Words}: {scaling.From.Text} becomes {scaling.To.Text}";
        var truth = $"A width shrinks with the square root of the sample, so {scaling.Multiplier:0.##} times the sample takes {scaling.From.Text} to about {right:0.###}";
        var explanation = fits ? $"{truth}, as the answer says." : $"{truth}, not {scaling.To.Text}.";
        return CheckedClaim.Of(ClaimKind.WidthScaling, facts.Sentence.Original, claim, !fits, explanation, right);
    }

    private static StatedPValue? PValueNear(AnswerContext context, int j) =>
        j >= 0 && j < context.Sentences.Count && context.Sentences[j] is { Interval: null, Counts.Count: 0, RatioScale: false } near ? near.PValue : null;

    private static string Word(Relation relation) => relation switch
    {
        Relation.Below => "<",
        Relation.Above => ">",
        _ => "=",
    };

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

using System.Text.RegularExpressions;
using DsLoop.Stats;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// A one-sided test against a two-sided one at the same α and power: the sample scales with (z_α + z_power)², so it
/// needs ((z_{1−α} + z_power) ÷ (z_{1−α/2} + z_power))² of the users (79% at α = 0.05 and 80% power, about 21% fewer,
/// not half). A stated share ("half as many", "20% fewer users", "79% of the sample") is wrong off by more than
/// <see cref="Tolerance"/> beyond its rounding.
/// </summary>
internal static partial class OneSidedCheck
{
    /// <summary>A stated share of the two-sided sample may be off by this much on the 0–1 scale.</summary>
    public const double Tolerance = 0.07;

    private const string Sample = @"(?:users|sample|sample size|traffic|units|people|visitors|observations|data|customers|sessions|n)\b";

    [GeneratedRegex(@"\b(?<half>half) (?:as many|as much|the)(?: [a-z-]+){0,2}? " + Sample + @"|\b(?:cuts?|reduces?|shrinks?|saves?|lowers?|halves|trims?)(?: the| our| its)?(?: [a-z-]+)? " + Sample + @"(?: [a-z]+){0,2}? (?:by (?:about |roughly |around |~ ?)?(?:§(?<fewer>\d+)|(?<half>half))|(?<half>in half))|§(?<fewer>\d+) (?:fewer|less|smaller|lower)(?: [a-z-]+){0,2}? " + Sample + @"|§(?<share>\d+) of (?:the |our |its |a )?(?:[a-z-]+ )?" + Sample)]
    private static partial Regex RatioPattern();

    /// <summary>A stated share of the two-sided sample for a one-sided test.</summary>
    public static CheckedClaim? Check(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        var said = sentence.Text.Contains("onesided", StringComparison.Ordinal)
            || (i > 0 && context.Sentences[i - 1].Sentence.Text.Contains("onesided", StringComparison.Ordinal));
        if (!said || RatioPattern().Match(sentence.Text) is not { Success: true } m)
        {
            return null;
        }
        double stated;
        double step;
        string words;
        if (m.Groups["half"].Success)
        {
            (stated, step, words) = (0.5, 0, "half the sample");
        }
        else if (sentence.At(m.Groups["fewer"]) is { Unit: NumberUnit.Percent, Value: > 0 and < 100 } fewer)
        {
            (stated, step, words) = (1 - fewer.Share, fewer.ShareStep, $"{fewer.Text} fewer");
        }
        else if (sentence.At(m.Groups["share"]) is { Unit: NumberUnit.Percent, Value: > 0 and < 100 } share)
        {
            (stated, step, words) = (share.Share, share.ShareStep, $"{share.Text} of the sample");
        }
        else
        {
            return null;
        }
        var design = context.Design;
        var power = StandardNormal.Ppf(design.Power);
        var right = Math.Pow((StandardNormal.Isf(design.Alpha) + power) / (StandardNormal.Isf(design.Alpha / 2) + power), 2);
        var fits = Math.Abs(stated - right) <= Tolerance + (step / 2);
        var truth = $"At α = {design.Alpha:0.###} and {Figures.Rate(design.Power)} power a one-sided test needs ((z₁₋α + z_power) ÷ (z₁₋α/₂ + z_power))² ≈ {Figures.Rate(right)} of the two-sided sample, about {Figures.Rate(1 - right)} fewer";
        return CheckedClaim.Of(ClaimKind.OneSidedSample, sentence.Original, words, !fits, fits ? $"{truth}, as the answer says." : $"{truth}, not {words}.", right);
    }
}

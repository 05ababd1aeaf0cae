using System.Text.RegularExpressions;
using static DsLoop.Judge.Numbers.ArithmeticReader;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// A mix shift between a full-price and a discounted plan: "monthly is $15, annual was 15% off and is now 25% off, and
/// annual's share went from 30% to 50%: average revenue per subscriber falls about 8%". The average price is
/// P × ((1 − s) + s × (1 − d)) before and after; the stated change must match the whole change, or the part from the
/// mix alone or from the discount alone, within <see cref="ArithmeticReader.Tolerance"/>.
/// </summary>
internal static partial class MixShiftClaims
{
    /// <summary>The change in average revenue per customer when both the discounted plan's share and its discount move.</summary>
    public static CheckedClaim? AverageRevenueChange(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (RevenueChange().Match(sentence.Text) is not { Success: true } claim || Token(sentence, claim, "c") is not { Unit: NumberUnit.Percent } stated)
        {
            return null;
        }
        var previous = i > 0 ? context.Sentences[i - 1].Sentence : null;
        if ((Read(sentence, sentence.Text[..claim.Index]) ?? (previous is null ? null : Read(previous, previous.Text))) is not { } mix)
        {
            return null;
        }
        var (price, oldOff, newOff, oldShare, newShare) = mix;
        double Average(double share, double off) => price * ((1 - share) + share * (1 - off));
        var was = Average(oldShare, oldOff);
        var now = Average(newShare, newOff);
        var whole = (now / was - 1) * 100;
        var readings = new[] { whole, (Average(newShare, oldOff) / was - 1) * 100, (Average(oldShare, newOff) / was - 1) * 100 };
        var falls = FallWord().IsMatch(claim.Groups["verb"].Value);
        var signed = falls ? -stated.Value : stated.Value;
        var fits = readings.Any(r => Agrees(stated with { Value = signed }, r));
        var truth = $"The average goes from {Say(was, AmountKind.Money)} to {Say(now, AmountKind.Money)}, a {(whole < 0 ? "drop" : "rise")} of {Figures.Rate(Math.Abs(whole) / 100)}";
        return CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"average revenue {(falls ? "falls" : "rises")} {Words(stated)}", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, not {Words(stated)}.", Math.Abs(whole));
    }

    private static (double Price, double OldOff, double NewOff, double OldShare, double NewShare)? Read(SpokenSentence sentence, string text)
    {
        var price = sentence.Numbers.FirstOrDefault(t => PositionOf(sentence, t) is var at && at >= 0 && at < text.Length && KindOf(sentence, t) == AmountKind.Money);
        var offs = sentence.Numbers.Where(t => t.Unit == NumberUnit.Percent && PositionOf(sentence, t) is var at && at >= 0 && at < text.Length
            && After(sentence, t, 1) is "off" or "discount").ToList();
        if (price is null || offs.Count != 2 || ShareMove().Match(text) is not { Success: true } move
            || sentence.At(move.Groups["a"]) is not { Unit: NumberUnit.Percent } from || sentence.At(move.Groups["b"]) is not { Unit: NumberUnit.Percent } to)
        {
            return null;
        }
        return (price.Value, offs[0].Value / 100, offs[1].Value / 100, from.Value / 100, to.Value / 100);
    }

    [GeneratedRegex(@"\b(?:revenue|arpu|arppu|price|spend|bill)\b[a-z -]{0,50}?\b(?<verb>falls|drops|declines|decreases|rises|grows|increases|goes up|goes down|is down|is up|moves)(?: by)?(?: (?:only|just|about|roughly|around|approximately|nearly))* §(?<c>\d+)")]
    private static partial Regex RevenueChange();

    [GeneratedRegex(@"\b(?:share|mix)\b[a-z' -]{0,40}?\bfrom §(?<a>\d+) to §(?<b>\d+)")]
    private static partial Regex ShareMove();

    [GeneratedRegex(@"falls|drops|declines|decreases|goes down|is down")]
    private static partial Regex FallWord();
}

using System.Text.RegularExpressions;
using static DsLoop.Judge.Numbers.ArithmeticReader;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Arithmetic over parts of a whole: parts that "add" an amount on top of a base ("a 15% bonus and 40 thousand of
/// equity add about 64 thousand, so about 224 thousand in total"), a sum said with "plus", a segment's share of a drop
/// ("25% of DAU down 8% accounts for 2 points of the decline") and a lift stated in the sentence after its move
/// ("From 12% to 9%. That's a 25% drop").
/// </summary>
internal static partial class PartsClaims
{
    /// <summary>"A 15% bonus and equity of 40 thousand add roughly 20 thousand on top of that, so a total of about 180 thousand."</summary>
    public static CheckedClaim? AddedOnTop(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (AddPattern().Match(sentence.Text) is not { Success: true } add || Token(sentence, add, "y") is not { } added)
        {
            return null;
        }
        var kind = KindOf(sentence, added);
        if (kind == AmountKind.Rate)
        {
            return null;
        }
        var clauseStart = Math.Max(sentence.Text.LastIndexOf(", ", add.Index, StringComparison.Ordinal), sentence.Text.LastIndexOf("; ", add.Index, StringComparison.Ordinal));
        var parts = sentence.Numbers.Where(t => PositionOf(sentence, t) is var p && p > clauseStart && p < add.Index).ToList();
        var shares = parts.Where(t => t.Unit == NumberUnit.Percent).ToList();
        var amounts = parts.Where(t => t.Unit == NumberUnit.Plain && IsAmount(sentence, t, kind)).ToList();
        if (parts.Count != shares.Count + amounts.Count || shares.Count + amounts.Count < 1)
        {
            return null;
        }
        NumberToken? baseAmount = null;
        if (add.Groups["base"].Success)
        {
            baseAmount = Token(sentence, add, "base");
        }
        else if (add.Groups["that"].Success && i > 0)
        {
            var previous = context.Sentences[i - 1].Sentence;
            baseAmount = previous.Numbers.LastOrDefault(t => IsAmount(previous, t, kind));
        }
        if ((shares.Count > 0 && baseAmount is null) || shares.Count + amounts.Count + (baseAmount is null ? 0 : 1) < 2)
        {
            return null;
        }
        var baseValue = baseAmount?.Value ?? 0;
        var sum = amounts.Sum(t => t.Value) + shares.Sum(t => t.Value / 100 * baseValue);
        var rest = sentence.Text[(add.Index + add.Length)..];
        var total = TotalPattern().Match(rest) is { Success: true } t ? sentence.At(t.Groups["t"]) : null;
        var addFits = Agrees(added, sum);
        var totalFits = total is null || baseAmount is null || Agrees(total, baseValue + sum);
        var pieces = shares.Select(s => $"{Words(s)} of {Say(baseValue, kind, baseAmount)} is {Say(s.Value / 100 * baseValue, kind, baseAmount)}").ToList();
        var truth = pieces.Count > 0 ? string.Join(", ", pieces) + $", so the parts add {Say(sum, kind, added)}" : $"The parts add {Say(sum, kind, added)}";
        if (total is not null && baseAmount is not null)
        {
            truth += $" and the total is {Say(baseValue + sum, kind, total)}";
        }
        var wrongWords = !addFits ? (totalFits || total is null ? $"not {Words(added)}" : $"not {Words(added)} and {Words(total)}") : $"not {(total is null ? "" : Words(total))}";
        var fits = addFits && totalFits;
        return CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"the parts add {Words(added)}", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, {wrongWords}.", sum);
    }

    /// <summary>"20 plus 15 plus 5 is 40."</summary>
    public static CheckedClaim? PlusSum(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (PlusPattern().Match(sentence.Text) is not { Success: true } m || Token(sentence, m, "t") is not { } total)
        {
            return null;
        }
        var terms = m.Groups["term"].Captures.Select(c => int.TryParse(c.Value, out var n) && n < sentence.Numbers.Count ? sentence.Numbers[n] : null).ToList();
        if (terms.Any(t => t is null) || terms.Count < 2)
        {
            return null;
        }
        var kind = KindOf(sentence, total);
        if (terms.Any(t => KindOf(sentence, t!) != kind || t!.Unit != total.Unit))
        {
            return null;
        }
        var sum = terms.Sum(t => t!.Value);
        var fits = Agrees(total, sum);
        var said = string.Join(" plus ", terms.Select(t => Words(t!)));
        return CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"{said} is {Words(total)}", !fits,
            fits ? $"{said} is {Say(sum, kind, total)}, as the answer says." : $"{said} is {Say(sum, kind, total)}, not {Words(total)}.", sum);
    }

    /// <summary>
    /// "Android, 25% of our DAU, is down 8% … that accounts for the entire 6% decline": a segment with share w of the
    /// whole that moves by d moves the whole by w × d points. "If it is 40% of DAU, a 15% drop there is 6 points" is right.
    /// </summary>
    public static CheckedClaim? SegmentContribution(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        var claim = AccountsFor().Match(sentence.Text);
        var direct = claim.Success ? null : DropThereIs().Match(sentence.Text);
        if (!claim.Success && direct is not { Success: true })
        {
            return null;
        }
        var stated = claim.Success ? Token(sentence, claim, "t") : Token(sentence, direct!, "t");
        if (stated is null || stated.Unit == NumberUnit.Plain)
        {
            return null;
        }
        var qualifier = claim.Success ? claim.Groups["q"].Value.Trim() : "";
        var change = claim.Success ? null : Token(sentence, direct!, "d");
        double? weight = null;
        for (var j = i; j >= Math.Max(0, i - 2) && (weight is null || change is null); j--)
        {
            var text = context.Sentences[j].Sentence;
            weight ??= SegmentShare(text);
            change ??= ChangeOf(text, stated);
        }
        if (weight is not { } w || change is null || change.Unit == NumberUnit.Plain)
        {
            return null;
        }
        var contribution = w * Math.Abs(change.Value);
        var target = Math.Abs(stated.Value);
        var fits = qualifier switch
        {
            "most of" => contribution >= 0.5 * target,
            "half of" or "half" => contribution >= 0.35 * target && contribution <= 0.65 * target,
            _ => Agrees(stated with { Value = target }, contribution),
        };
        var whole = qualifier.Length == 0 ? "" : qualifier + " ";
        var truth = $"A segment with {Figures.Rate(w)} of the total that moves {Words(change)} moves the total by {Figures.Points(contribution / 100)}";
        var verdict = fits ? $"{truth}, as the answer says." : $"{truth}, not {whole}{Words(stated)}{(qualifier.Length > 0 ? $"; it is {Figures.Rate(contribution / target)} of it" : "")}.";
        return CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"{Figures.Rate(w)} of the total moving {Words(change)} accounts for {whole}{Words(stated)}", !fits, verdict, contribution);
    }

    /// <summary>"Conversion goes from 12% to 9%. That's a 3% drop": the lift check across the sentence boundary.</summary>
    public static CheckedClaim? LiftOfPreviousMove(AnswerContext context, int i)
    {
        var facts = context.Sentences[i];
        if (i == 0 || facts.Move is not null || facts.Effect is not { } effect || !PointsBack().IsMatch(facts.Sentence.Text))
        {
            return null;
        }
        var previous = context.Sentences[i - 1];
        if (previous.Move is not { } move || (previous.Effect is not null && previous.EffectDescribesMove))
        {
            return null;
        }
        var start = PositionOf(facts.Sentence, effect.Token);
        if (start < 0 || facts.Sentence.Text[..start].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6)
        {
            return null;
        }
        return LiftCheck.Check(new SentenceFacts { Sentence = facts.Sentence, Move = move, Effect = effect, EffectDescribesMove = true });
    }

    private static double? SegmentShare(SpokenSentence sentence)
    {
        if (ShareOfWhole().Match(sentence.Text) is { Success: true } m)
        {
            if (m.Groups["w"].Success)
            {
                return sentence.At(m.Groups["w"]) is { Unit: NumberUnit.Percent } t && t.Value is > 0 and < 100 ? t.Value / 100 : null;
            }
            return m.Groups["f"].Value switch
            {
                "a quarter" or "one quarter" => 0.25,
                "a third" or "one third" => 1.0 / 3,
                "half" => 0.5,
                "a fifth" or "one fifth" => 0.2,
                "a tenth" or "one tenth" => 0.1,
                "two thirds" => 2.0 / 3,
                "three quarters" => 0.75,
                _ => null,
            };
        }
        return null;
    }

    private static NumberToken? ChangeOf(SpokenSentence sentence, NumberToken exclude)
    {
        foreach (Match m in SegmentChange().Matches(sentence.Text))
        {
            if (sentence.At(m.Groups["d"]) is { Unit: NumberUnit.Percent } d && !ReferenceEquals(d, exclude))
            {
                return d;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\badd(?:s|ing|ed)? (?:(?:about|roughly|around|another|an extra|approximately|nearly|some|up to) )*\$?§(?<y>\d+)(?: [a-z]+){0,2}? (?:(?<that>on top of (?:that|it|this|the base|base pay|my base|the salary))|on top of (?:a |the |my )?(?:base|salary)(?: of)? \$?§(?<base>\d+)|(?<that>to (?:that|it|this|the base)))")]
    private static partial Regex AddPattern();

    [GeneratedRegex(@"^[^§.;?!]{0,60}?\btotal[a-z ]{0,30}?\b(?:of|is|comes to|at|around|about|roughly|=|to|be)(?: (?:about|roughly|around|approximately|nearly))* \$?§(?<t>\d+)")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"(?<![§\d.] ?(?:plus|\+) )\$?§(?<term>\d+)(?:(?: [a-z]+){0,3}? (?:plus|\+) \$?§(?<term>\d+))+(?: [a-z]+){0,3}?,? (?:is|=|comes to|gives|makes|that's|so|for a total of|totals?|adds up to)(?: (?:about|roughly|around|approximately))* \$?§(?<t>\d+)")]
    private static partial Regex PlusPattern();

    [GeneratedRegex(@"\b(?:accounts? for|explains?|is responsible for|makes up|covers|drives?)(?<q>(?: the entire| the whole| the full| all of| all| most of| half of| half)?) (?:the |our |that |this )?§(?<t>\d+)(?: [a-z]+)? (?:decline|drop|fall|gap|loss|miss|decrease|dip|increase|rise|growth|lift|gain|shortfall)\b")]
    private static partial Regex AccountsFor();

    [GeneratedRegex(@"\ba §(?<d>\d+) (?:drop|decline|fall|decrease|dip|increase|rise|lift|gain) (?:there |in (?:that|this|it) (?:segment|version|group|cohort) |in it )?(?:is|means|comes to|works out to|would be)(?: (?:about|roughly|around))? §(?<t>\d+)")]
    private static partial Regex DropThereIs();

    [GeneratedRegex(@"(?:§(?<w>\d+)|(?<f>a quarter|one quarter|a third|one third|half|a fifth|one fifth|a tenth|one tenth|two thirds|three quarters)) of (?:our |the |all |total )?(?:dau|mau|wau|users|traffic|revenue|sessions|customers|orders|actives|active users|signups|sign-ups|bookings|sales|volume|the user base|daily actives)\b")]
    private static partial Regex ShareOfWhole();

    [GeneratedRegex(@"\b(?:down|dropped|fell|declined|decreased|up|rose|grew|increased|dropping|falling)(?: by)?(?: (?:about|roughly|around))? §(?<d>\d+)|§(?<d>\d+) (?:drop|decline|fall|decrease|dip|increase|rise)\b")]
    private static partial Regex SegmentChange();

    [GeneratedRegex(@"^(?:so |and )?(?:that's|that is|this is|which is|it's|it is|that would be|that means|that makes it)\b")]
    private static partial Regex PointsBack();
}

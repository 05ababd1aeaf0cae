using System.Text.RegularExpressions;
using static DsLoop.Judge.Numbers.ArithmeticReader;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Arithmetic on amounts stated earlier in the answer: a share whose whole was said before ("the round valued it at
/// 500 million; 0.08% is 400 thousand", "worth $1.5M a month; at an 18% take that's $270K", "5% worse, which on a base
/// of 2.0 is 0.1"), a unit price times a quantity ("40 TB a pass at $6 per terabyte, a dozen runs is about $2,900") and
/// a rate made of stated amounts ("started at $10.0M, ended at $11.2M, an NRR of 112%"). A claim is wrong only when no
/// reading of the amounts in reach gives the stated result (docs/COACH-NUMBERS.md).
/// </summary>
internal static partial class AmountClaims
{
    /// <summary>A percent said as a rate may be off by this many points at least: "about 13%" for 12.6%.</summary>
    private const double RatePointsAllowance = 1;

    /// <summary>"0.08% is about 400 thousand" after the whole was named; "which on a base of 2.0 is 0.1".</summary>
    public static CheckedClaim? ShareOfStatedWhole(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (StatisticsWords().IsMatch(sentence.Text))
        {
            return null;
        }
        var claims = new List<CheckedClaim>();
        foreach (Match m in OnABase().Matches(sentence.Text))
        {
            var p = sentence.Numbers.LastOrDefault(t => t.Unit == NumberUnit.Percent && PositionOf(sentence, t) is var at && at >= 0 && at < m.Index);
            if (p is not null && Token(sentence, m, "a") is { } whole && Token(sentence, m, "z") is { } result)
            {
                claims.Add(ShareClaim(sentence, p, [(whole, sentence)], result));
            }
        }
        foreach (Match m in ShareIs().Matches(sentence.Text))
        {
            if (Token(sentence, m, "p") is not { Unit: NumberUnit.Percent } p || Token(sentence, m, "z") is not { } result)
            {
                continue;
            }
            var kind = KindOf(sentence, result);
            if (kind == AmountKind.Rate || IsDuration(sentence, result))
            {
                continue;
            }
            var wholes = WholesBefore(context, i, m.Index, kind, result);
            if (wholes.Count > 0)
            {
                claims.Add(ShareClaim(sentence, p, wholes, result));
            }
        }
        return claims.FirstOrDefault(c => c.Note.Wrong) ?? claims.FirstOrDefault();
    }

    /// <summary>
    /// A chain of two shares: "route 60% of the 5,000 daily tickets at 90% precision and we'd misroute about 300" (5,000
    /// × 60% × 10%). Each share may be taken or its rest, so only a result no chain gives is wrong.
    /// </summary>
    public static CheckedClaim? ShareChain(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (ChainPattern().Match(sentence.Text) is not { Success: true } m || Token(sentence, m, "p") is not { Unit: NumberUnit.Percent } first
            || Token(sentence, m, "a") is not { } whole || Token(sentence, m, "q") is not { Unit: NumberUnit.Percent } second
            || Token(sentence, m, "z") is not { Unit: NumberUnit.Plain } result)
        {
            return null;
        }
        var kind = KindOf(sentence, whole);
        if (kind == AmountKind.Rate || KindOf(sentence, result) != kind || IsDuration(sentence, whole) || IsDuration(sentence, result)
            || first.Value is <= 0 or >= 100 || second.Value is <= 0 or >= 100)
        {
            return null;
        }
        double p = first.Value / 100, q = second.Value / 100;
        var readings = new[] { p, 1 - p }.SelectMany(a => new[] { a * q, a * (1 - q) }).Select(f => f * whole.Value).ToList();
        var fits = AgreesWithAny(result, readings);
        var taken = p * whole.Value;
        var nearest = readings.MinBy(r => Math.Abs(r - result.Value));
        var truth = $"{Words(first)} of {Said(sentence, whole)} is {Say(taken, kind, whole)}; {Words(second)} of those is {Say(taken * q, kind, whole)} and the rest {Say(taken * (1 - q), kind, whole)}";
        return CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"{Words(first)} of {Said(sentence, whole)} at {Words(second)} is {Said(sentence, result)}", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, not {Said(sentence, result)}.", nearest);
    }

    /// <summary>"At 40 TB a pass and $6 per terabyte, a dozen runs is around $2,900": price × quantity × repeats.</summary>
    public static CheckedClaim? UnitPriceProduct(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (UnitPrice().Match(sentence.Text) is not { Success: true } rate || Token(sentence, rate, "x") is not { } price
            || KindOf(sentence, price) != AmountKind.Money)
        {
            return null;
        }
        var unit = Stem(rate.Groups["u"].Value);
        var quantity = sentence.Numbers.FirstOrDefault(t => t != price && t.Unit == NumberUnit.Plain && Stem(After(sentence, t, 1)) == unit);
        if (quantity is null || KindOf(sentence, quantity) != AmountKind.Count)
        {
            return null;
        }
        var last = Math.Max(PositionOf(sentence, price), PositionOf(sentence, quantity));
        if (MoneyResult().Match(sentence.Text[last..]) is not { Success: true } claim || sentence.At(claim.Groups["r"]) is not { } result)
        {
            return null;
        }
        var repeats = sentence.Numbers.Where(t => t != price && t != quantity && t != result && t.IsCount && RepeatWord().IsMatch(After(sentence, t, 1)))
            .Select(t => t.Value).ToList();
        foreach (Match word in RepeatInWords().Matches(sentence.Text))
        {
            repeats.Add(word.Groups["n"].Value switch
            {
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                "eight" => 8,
                "ten" => 10,
                "twenty" => 20,
                "fifty" => 50,
                "a hundred" => 100,
                _ => 12,
            });
        }
        var once = price.Value * quantity.Value;
        var readings = new List<double> { once };
        readings.AddRange(repeats.Select(n => once * n));
        var fits = AgreesWithAny(result, readings);
        var right = readings[^1];
        var times = repeats.Count > 0 ? $" a time, {Say(right, AmountKind.Money)} over {Figures.Exact(repeats[^1])}" : "";
        var truth = $"{Words(quantity)} {rate.Groups["u"].Value} at {Said(sentence, price)} is {Say(once, AmountKind.Money)}{times}";
        return CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"{Said(sentence, price)} per {rate.Groups["u"].Value} comes to {Said(sentence, result)}", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, not {Said(sentence, result)}.", right);
    }

    /// <summary>"Started at $10.0M and ended at $11.2M, an NRR of 112%"; "$1.2M and $1.4M lost on $20M, so churn is 13%".</summary>
    public static CheckedClaim? RateOfAmounts(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (NamedRate().Match(sentence.Text) is not { Success: true } m || Token(sentence, m, "p") is not { Unit: NumberUnit.Percent } stated)
        {
            return null;
        }
        var amounts = sentence.Numbers.Where(t => PositionOf(sentence, t) is var at && at >= 0 && at < m.Index && IsAmount(sentence, t, AmountKind.Money)).ToList();
        if (amounts.Count < 2 && i > 0)
        {
            var previous = context.Sentences[i - 1].Sentence;
            amounts.InsertRange(0, previous.Numbers.Where(t => IsAmount(previous, t, AmountKind.Money)));
        }
        if (amounts.Count is < 2 or > 5)
        {
            return null;
        }
        // Every way of adding or taking away the other amounts, over each amount as the whole: churn (lost over start),
        // retention (what is left, plus expansion, over start) and growth (end over start) are all among them.
        var readings = new List<double>();
        foreach (var whole in amounts)
        {
            var others = amounts.Where(t => t != whole).Select(t => t.Value).ToList();
            foreach (var change in SignedSums(others))
            {
                readings.Add(Math.Abs(change) / whole.Value * 100);
                readings.Add(Math.Abs(whole.Value + change) / whole.Value * 100);
            }
        }
        var first = amounts[0];
        var rest = amounts.Skip(1).Sum(t => t.Value);
        var headline = rest / first.Value * 100;
        var fits = readings.Any(r => RateAgrees(stated, r));
        var name = m.Groups["name"].Value;
        var truth = $"{Say(rest, AmountKind.Money)} on {Say(first.Value, AmountKind.Money)} is {Figures.Rate(headline / 100)}";
        return CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"{name} of {Words(stated)}", !fits,
            fits ? $"The stated amounts give a {name} of {Words(stated)}, as the answer says."
                : $"{truth}, and no way of adding or dividing the stated amounts gives {Words(stated)}.",
            headline);
    }

    /// <summary>Each sum of the amounts taken with a sign of +1, −1 or 0, not all 0.</summary>
    private static IEnumerable<double> SignedSums(IReadOnlyList<double> amounts)
    {
        var combinations = (int)Math.Pow(3, amounts.Count);
        for (var c = 1; c < combinations; c++)
        {
            double sum = 0;
            var code = c;
            foreach (var amount in amounts)
            {
                sum += (code % 3 == 1 ? 1 : code % 3 == 2 ? -1 : 0) * amount;
                code /= 3;
            }
            yield return sum;
        }
    }

    /// <summary>A percent against a right rate: off by at most a point, or 15% of the distance to 0 or to 100%, whichever is larger.</summary>
    internal static bool RateAgrees(NumberToken stated, double truth) =>
        Math.Abs(stated.Value - truth) <= Math.Max(Math.Max(RatePointsAllowance, stated.Step / 2), Tolerance * Math.Min(Math.Abs(truth), Math.Abs(100 - truth)));

    private static CheckedClaim ShareClaim(SpokenSentence sentence, NumberToken p, IReadOnlyList<(NumberToken Token, SpokenSentence Sentence)> wholes, NumberToken result)
    {
        var share = p.Value / 100;
        var readings = wholes.SelectMany(w => new[] { share * w.Token.Value, (1 - share) * w.Token.Value, (1 + share) * w.Token.Value }).ToList();
        var fits = AgreesWithAny(result, readings);
        var whole = wholes.MinBy(w => Math.Abs(share * w.Token.Value - result.Value));
        var kind = KindOf(whole.Sentence, whole.Token);
        var right = share * whole.Token.Value;
        var truth = $"{Words(p)} of {Said(whole.Sentence, whole.Token)} is {Say(right, kind, whole.Token)}";
        return CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"{Words(p)} of {Said(whole.Sentence, whole.Token)} is {Said(sentence, result)}", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, not {Said(sentence, result)}.", right);
    }

    /// <summary>Amounts of the result's kind said before the share, in this sentence or the one before, per the same thing.</summary>
    private static List<(NumberToken Token, SpokenSentence Sentence)> WholesBefore(AnswerContext context, int i, int before, AmountKind kind, NumberToken result)
    {
        var sentence = context.Sentences[i].Sentence;
        var per = PerWhat(sentence, result);
        bool Fits(SpokenSentence s, NumberToken t) => IsAmount(s, t, kind) && t.Value >= 100 && t.Value > result.Value / 2
            && (per.Length == 0 || PerWhat(s, t) is var p && (p.Length == 0 || p == per));
        var wholes = sentence.Numbers.Where(t => PositionOf(sentence, t) is var at && at >= 0 && at < before && Fits(sentence, t)).Select(t => (t, sentence)).ToList();
        if (i > 0)
        {
            var previous = context.Sentences[i - 1].Sentence;
            wholes.AddRange(previous.Numbers.Where(t => Fits(previous, t)).Select(t => (t, previous)));
        }
        return wholes;
    }

    private static string Stem(string word) => word switch
    {
        "tb" or "terabyte" or "terabytes" => "tb",
        "gb" or "gigabyte" or "gigabytes" => "gb",
        "pb" or "petabyte" or "petabytes" => "pb",
        _ => word.EndsWith('s') ? word[..^1] : word,
    };

    [GeneratedRegex(@"(?:^|[^§\d])(?:at |with )?(?:an? |the )?§(?<p>\d+)(?: [a-z-]+){0,2}?,? (?:that's|that is|is|comes to|which is|would be|works out to|gives)(?: (?:about|roughly|around|approximately|nearly|almost|only|just))* \$?§(?<z>\d+)")]
    private static partial Regex ShareIs();

    [GeneratedRegex(@"§(?<p>\d+) of (?:the |our |all |about |around |roughly )*\$?§(?<a>\d+)(?: [a-z-]+){0,3}? (?:at|with) (?:an? )?§(?<q>\d+) [a-z-]+(?: [a-z-]+)?[,;]? (?:(?:we'd|we would|we'll|we will|that's|that is|that would be|that leaves|which leaves|which is|which means|means|gives|leaves) )(?:[a-z-]+ )?(?:(?:about|roughly|around|approximately|nearly|only|just|some) )*\$?§(?<z>\d+)")]
    private static partial Regex ChainPattern();

    [GeneratedRegex(@"\bon (?:a |the |our |today's )?(?:base|baseline) of \$?§(?<a>\d+),? (?:is|comes to|means|would be|that's|gives)(?: (?:about|roughly|around|approximately|only|just))* \$?§(?<z>\d+)")]
    private static partial Regex OnABase();

    [GeneratedRegex(@"\$§(?<x>\d+) (?:per|a|an|/|each) ?(?<u>tb|terabytes?|gb|gigabytes?|pb|petabytes?|query|queries|run|scan|order|ticket|request|call|message|seat|license|unit|item|hour|kwh)\b")]
    private static partial Regex UnitPrice();

    [GeneratedRegex(@"^[^.;?!]{0,80}?\b(?:is|are|comes to|come to|costs?|that's|that is|so|=|works out to|adds up to|totals?|would be|runs)(?: (?:about|roughly|around|approximately|nearly|almost|only|just|over|under))* \$§(?<r>\d+)")]
    private static partial Regex MoneyResult();

    [GeneratedRegex(@"^(?:runs?|iterations?|times|passes|scans|queries|reruns?|attempts|tries|rounds|refreshes)$")]
    private static partial Regex RepeatWord();

    [GeneratedRegex(@"\b(?<n>(?:a|one) dozen|two|three|four|five|six|eight|ten|twenty|fifty|a hundred) (?:runs|iterations|times|passes|scans|queries|reruns|attempts|tries|rounds|refreshes)\b")]
    private static partial Regex RepeatInWords();

    [GeneratedRegex(@"(?:\bso|\bwhich (?:is|gives|means)|that's|giving|,) (?:an? |the |our |that )?(?:[a-z-]+ ){0,2}?(?<name>nrr|ndr|grr|net revenue retention|net dollar retention|net retention|gross retention|gross revenue churn|revenue churn|churn rate|churn|retention)(?: rate)?(?: of| is| was| at| comes to| works out to| looks like| would be)?(?: (?:about|roughly|around|approximately|only|just|nearly|almost))* §(?<p>\d+)")]
    private static partial Regex NamedRate();

    [GeneratedRegex(@"\b(?:confidence|power|alpha|significan\w*|p-value|interval|standard (?:error|deviation)|z-score|variance)\b|α")]
    private static partial Regex StatisticsWords();
}

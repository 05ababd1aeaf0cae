using System.Text.RegularExpressions;
using static DsLoop.Judge.Numbers.ArithmeticReader;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Plain arithmetic a business, product or behavioral answer states: a share of an amount ("70% of our 50,000
/// customers, that's 35,000"), a ratio said as a percent ("a gap of 550 on 4,200 is about 13%") and a monthly price
/// made annual ("4,200 customers at $60 a month each, about $3 million a year"). Only a stated relation is a claim
/// ("that's", "is", "comes to", "leaving", "or"); two numbers side by side are not. A claim is wrong when its result
/// is off every reading the words allow by more than <see cref="ArithmeticReader.Tolerance"/> (docs/COACH-NUMBERS.md).
/// </summary>
internal static partial class ArithmeticClaims
{
    /// <summary>"70% of our 50,000 customers, that's 35,000"; "0.05 of them would be 5"; "a 0.03% lift on that is $36 million".</summary>
    public static CheckedClaim? ShareOfAmount(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        var claims = new List<CheckedClaim>();
        foreach (Match m in ShareOfExplicit().Matches(sentence.Text))
        {
            if (Token(sentence, m, "p") is { } p && Token(sentence, m, "a") is { } a)
            {
                AddShareClaim(claims, sentence, p, a, sentence, m.Index + m.Length);
            }
        }
        foreach (Match m in ShareOfPointer().Matches(sentence.Text))
        {
            if (Token(sentence, m, "p") is not { } p || ResultAfter(sentence, m.Index + m.Length) is not { } result)
            {
                continue;
            }
            var kind = KindOf(sentence, result);
            if (PriorAmount(context, i, m.Index, kind) is { } prior)
            {
                AddShareClaim(claims, sentence, p, prior.Token, prior.Sentence, m.Index + m.Length);
            }
        }
        return claims.FirstOrDefault(c => c.Note.Wrong) ?? claims.FirstOrDefault();
    }

    /// <summary>"A gap of 550 on 4,200 is about 30%"; "160 of 165 wins are real, about 97%".</summary>
    public static CheckedClaim? RatioAsPercent(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        var claims = new List<CheckedClaim>();
        foreach (Match m in RatioPattern().Matches(sentence.Text))
        {
            if (Token(sentence, m, "a") is not { } a || Token(sentence, m, "b") is not { } b || Token(sentence, m, "p") is not { } p)
            {
                continue;
            }
            var kind = KindOf(sentence, a);
            if (p.Unit != NumberUnit.Percent || kind == AmountKind.Rate || KindOf(sentence, b) != kind || a.Value <= 0 || b.Value <= a.Value
                || IsDuration(sentence, a) || IsDuration(sentence, b) || RatioFollower().IsMatch(After(sentence, p, 1))
                || ChangeWords().IsMatch(m.Groups["mid"].Value))
            {
                continue;
            }
            var share = a.Value / b.Value * 100;
            var readings = new List<double> { share, 100 - share, a.Value / (b.Value - a.Value) * 100 };
            var fits = AgreesWithAny(p, readings);
            var truth = $"{Said(sentence, a)} of {Said(sentence, b)} is {Figures.Rate(share / 100)}";
            claims.Add(CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"{Said(sentence, a)} of {Said(sentence, b)} is {Words(p)}", !fits,
                fits ? $"{truth}, as the answer says." : $"{truth}, not {Words(p)}.", share));
        }
        return claims.FirstOrDefault(c => c.Note.Wrong) ?? claims.FirstOrDefault();
    }

    /// <summary>"4,200 customers. At $60 a month each, annual revenue comes to about $250,000" (it is about $3 million).</summary>
    public static CheckedClaim? Annualised(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (PerPeriodPrice().Match(sentence.Text) is not { Success: true } rate || Token(sentence, rate, "x") is not { } price)
        {
            return null;
        }
        // A share anywhere in the sentence ("a 2% churn cut at $10 a month is $120,000 a year") changes what is multiplied.
        if (sentence.Numbers.Any(t => t.Unit != NumberUnit.Plain))
        {
            return null;
        }
        var perYear = rate.Groups["per"].Value switch
        {
            "month" => 12,
            "week" => 52,
            "day" => 365,
            "quarter" => 4,
            _ => 0,
        };
        var rest = sentence.Text[(rate.Index + rate.Length)..];
        if (perYear == 0 || AnnualResult().Match(rest) is not { Success: true } annual)
        {
            return null;
        }
        var result = sentence.At(annual.Groups["r"]);
        if (result is null || KindOf(sentence, result) != AmountKind.Money)
        {
            return null;
        }
        if (!YearAnywhere().IsMatch(rest[..annual.Groups["r"].Index]) && !YearWords().IsMatch(PerWhat(sentence, result)))
        {
            return null;
        }
        var count = PriorAmount(context, i, rate.Index, AmountKind.Count)?.Token;
        var readings = new List<double> { price.Value * perYear };
        if (count is not null)
        {
            readings.Add(count.Value * price.Value * perYear);
        }
        var fits = AgreesWithAny(result, readings);
        var right = readings[^1];
        var period = rate.Groups["per"].Value;
        var truth = count is null
            ? $"{Said(sentence, price)} a {period} is {Say(right, AmountKind.Money)} a year"
            : $"{Words(count)} at {Said(sentence, price)} a {period} is {Say(right, AmountKind.Money)} a year ({Say(count.Value * price.Value, AmountKind.Money)} a {period} × {perYear})";
        return CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"{Said(sentence, price)} a {period} comes to {Said(sentence, result)} a year", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, not {Said(sentence, result)}.", right);
    }

    private static void AddShareClaim(List<CheckedClaim> claims, SpokenSentence sentence, NumberToken p, NumberToken amount, SpokenSentence amountSentence, int after)
    {
        if (ShareOf(p) is not { } share || ResultAfter(sentence, after) is not { } result || result == amount || result == p)
        {
            return;
        }
        var kind = KindOf(amountSentence, amount);
        // A share of a rate ("20% of the 40% are new, so 80% are returning") says too little about which whole is meant.
        if (kind == AmountKind.Rate || KindOf(sentence, result) != kind || IsDuration(amountSentence, amount) || IsDuration(sentence, result)
            || PerWhat(sentence, result) is var per && per.Length > 0 && per != PerWhat(amountSentence, amount))
        {
            return;
        }
        // "70% of them, that's 35,000", "40% of those, leaving 21,000", "a 10% lift on 2% gives 2.2%": each reading counts.
        var readings = new[] { share * amount.Value, (1 - share) * amount.Value, (1 + share) * amount.Value };
        var fits = AgreesWithAny(result, readings);
        var leaving = ResultLink().Match(sentence.Text[after..]) is { Success: true } link && link.Groups["leave"].Success;
        var right = leaving ? readings[1] : readings[0];
        var said = $"{Words(p)} of {Said(amountSentence, amount)}";
        var truth = leaving ? $"{Said(amountSentence, amount)} less {Words(p)} leaves {Say(right, kind, amount)}" : $"{Capital(said)} is {Say(right, kind, amount)}";
        claims.Add(CheckedClaim.Of(ClaimKind.Arithmetic, sentence.Original, $"{said} is {Said(sentence, result)}", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, not {Said(sentence, result)}.", right));
    }

    /// <summary>The result an amount is said to come to, right after a linking word: "that's 35,000", "leaving 21,000".</summary>
    private static NumberToken? ResultAfter(SpokenSentence sentence, int after)
    {
        if (after >= sentence.Text.Length || ResultLink().Match(sentence.Text[after..]) is not { Success: true } m)
        {
            return null;
        }
        return sentence.At(m.Groups["r"]);
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"§(?<p>\d+) (?:of|on) (?:(?:our|the|their|its|all|those|these|about|around|roughly|some|an estimated|approximately|nearly|almost) )*\$?§(?<a>\d+)")]
    private static partial Regex ShareOfExplicit();

    [GeneratedRegex(@"§(?<p>\d+) (?:[a-z'-]+ ){0,5}?(?:of|on) (?:those|them|these|that|this|it)\b")]
    private static partial Regex ShareOfPointer();

    [GeneratedRegex(@"^[^§.;:?!]{0,60}?\b(?:that's|that is|which is|which comes to|comes to|come to|so|or|i\.e\.|is|are|gives|equals|works out to|would be|will be|(?<leave>leaving|leaves|that leaves|which leaves))(?: (?:about|roughly|around|approximately|nearly|almost|only|just|some|an estimated|another|a total of))* ?\$?§(?<r>\d+)|^ ?= ?\$?§(?<r>\d+)")]
    private static partial Regex ResultLink();

    [GeneratedRegex(@"(?<![§\d])§(?<a>\d+) (?:[a-z]+ ){0,2}?(?:of|out of|on|over|in) (?:(?:the|our|a|all|about|around|roughly) )*§(?<b>\d+)(?! ?(?:to|and|or)\b)(?<mid>[a-z' ]{0,40}?),? (?:(?:is|are|=|that's|that is|which is|or|comes to|gives|means|so|about|roughly|around|approximately|nearly|almost|just under|just over|only) )+§(?<p>\d+)")]
    private static partial Regex RatioPattern();

    [GeneratedRegex(@"^(?:each|per|relative|lift|increase|decrease|drop|higher|lower|more|less|fewer|growth|decline|change|improvement|better|worse|above|below|a|an|on|in|of|to|from|for|than|pp|points?)$")]
    private static partial Regex RatioFollower();

    [GeneratedRegex(@"\b(?:down|up|dropped|fell|rose|grew|increased|decreased|declined|moved|changed|lift|lifted|higher|lower|by)\b")]
    private static partial Regex ChangeWords();

    [GeneratedRegex(@"\$§(?<x>\d+) (?:a|an|per|/|every) ?(?<per>month|week|day|quarter)\b")]
    private static partial Regex PerPeriodPrice();

    [GeneratedRegex(@"^[^§.;?!]{0,100}?\b(?:comes to|come to|is|of|=|that's|that is|so|gives|would be|will be|totals?|works out to|adds up to|about|roughly|around)(?: (?:about|roughly|around|approximately|nearly|almost|only|just))* \$§(?<r>\d+)")]
    private static partial Regex AnnualResult();

    [GeneratedRegex(@"\b(?:annual|annually|yearly|a year|per year)\b")]
    private static partial Regex YearAnywhere();

    [GeneratedRegex(@"^(?:a|per) year$|^annually$|^yearly$")]
    private static partial Regex YearWords();
}

using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Many comparisons at one α. m comparisons ("100 metrics", "60 segments", "0.05 divided by 20") give a Bonferroni
/// per-comparison cut-off of α ÷ m, a chance of at least one false positive among independent nulls of 1 − (1 − α)^m,
/// and m·α false positives expected. A stated cut-off is wrong off α ÷ m by more than <see cref="CutoffTolerance"/>
/// (Šidák's 1 − (1 − α)^(1/m) lies within it); a stated chance or expected count is wrong off by more than
/// <see cref="Tolerance"/> of the right one (at least <see cref="MinimumGap"/> or one false positive), beyond rounding.
/// </summary>
internal static partial class MultipleTestingCheck
{
    /// <summary>A stated cut-off may be off α ÷ m by this share.</summary>
    public const double CutoffTolerance = 0.15;

    /// <summary>A stated chance or expected count may be off by this share of the right one.</summary>
    public const double Tolerance = 0.2;

    /// <summary>…and a chance always by this much on the 0–1 scale.</summary>
    public const double MinimumGap = 0.05;

    private const string FamilyNouns = @"(?:comparisons|tests|metrics|segments|slices|subgroups|hypotheses|outcomes|endpoints|kpis|cells|variants|cuts|breakdowns|countries|markets|cohorts|p-values|pairs)";

    [GeneratedRegex(@"§(?<m>\d+) (?:[a-z-]+ ){0,2}?" + FamilyNouns + @"\b|\b" + FamilyNouns + @" (?:is|are|=|of|:|comes to|comes out to|gives|makes) (?:about |roughly |around )?§(?<m>\d+)\b")]
    private static partial Regex FamilyPattern();

    [GeneratedRegex(@"§(?<a>\d+) ?(?:/|÷|divided by|over|split (?:over|across|between)|spread (?:over|across)|shared (?:over|across)|across) ?(?:the |our )?§(?<m>\d+)|\bdivid\w*(?: (?:α|alpha|it|the alpha|the level|our alpha))?(?: §(?<a>\d+))? (?:by|over|across|between) (?:the |our )?§(?<m>\d+)")]
    private static partial Regex DivisionPattern();

    [GeneratedRegex(@"\b(?:bonferroni|šidák|sidak|corrected|correction|adjusted|per[- ](?:comparison|test|metric|segment|hypothesis))\b")]
    private static partial Regex CorrectionWords();

    [GeneratedRegex(@"(?:\b(?:cutoff|cut-off|threshold|bar|level|alpha|α|each|means|becomes|gives|giving|leaves|is|at|of|to)\b|=|≈|~)(?: (?:a|an|the|of|about|roughly|around|approximately|~|new|corrected|per-comparison|only|just))* ?§(?<c>\d+)|§(?<c>\d+) (?:per|each|for each|as the|cutoff|cut-off|threshold)\b")]
    private static partial Regex CutoffPattern();

    [GeneratedRegex(@"\b(?:p|p-values?|p values?|pvalues?)\b(?: [^\s§]+){0,2}? ?$")]
    private static partial Regex PValueBefore();

    [GeneratedRegex(@"\b(?:at least one|one or more|any one|any of (?:them|these|those)|some (?:segment|metric|test|comparison)|family-?wise|fwer|somewhere)\b")]
    private static partial Regex AnyWords();

    [GeneratedRegex(@"(?<=\b(?:chance|probability|odds|risk|likely|likelihood)\b(?: [^\s]+){0,14}? )§(?<p>\d+)|§(?<p>\d+) (?:[a-z-]+ ){0,2}?(?:chance|probability|odds|risk|likely)\b")]
    private static partial Regex ChancePattern();

    [GeneratedRegex(@"\bexpect(?:ed|s|ing)?\b(?: [^\s§]+){0,4}? §(?<k>\d+)(?: [a-z-]+){0,3}? (?:false positives?|false alarms?|false discoveries|hits|significant|winners|spurious|by chance|from noise|from chance|to (?:come out|show up|light up|pass|clear))|§(?<k>\d+) (?:false positives?|false alarms?|false discoveries|spurious (?:hits|wins|results))(?: [a-z-]+){0,3}? (?:expected|by chance|from noise|from chance)")]
    private static partial Regex ExpectedPattern();

    [GeneratedRegex(@"§\d+ (?:[a-z-]+ )?(?:looks|peeks|checks)\b|\b(?:peek\w*|interim|dashboard|every (?:day|morning)|sequential)\b")]
    private static partial Regex PeekingWords();

    /// <summary>A stated Bonferroni cut-off against α ÷ m.</summary>
    public static CheckedClaim? CutoffCheck(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        var text = sentence.Text;
        if (!CorrectionWords().IsMatch(text) || Family(context, i, out var alpha) is not { } m)
        {
            return null;
        }
        var a = alpha?.Share ?? 0.05;
        var cutoff = CutoffPattern().Matches(text).Select(c => sentence.At(c.Groups["c"]))
            .FirstOrDefault(t => t is not null && t != alpha && t.Value != m.Value && t.Share > 0 && t.Share < a && IsLevel(t)
                && !IsPValue(text, t));
        if (cutoff is null && alpha is { Share: < 0.05 } level && CutoffPattern().Matches(text).Any(c => sentence.At(c.Groups["c"]) == level))
        {
            // "Bonferroni would set the bar at 0.01": the only level said is the cut-off, against the usual α of 0.05.
            (cutoff, a) = (level, 0.05);
        }
        if (cutoff is null)
        {
            return null;
        }
        var right = a / m.Value;
        var allowed = (CutoffTolerance * right) + (cutoff.ShareStep / 2);
        var fits = Math.Abs(cutoff.Share - right) <= allowed;
        var truth = $"Bonferroni over {Figures.Exact(m.Value)} comparisons at α = {Level(a)} is {Level(a)} ÷ {Figures.Exact(m.Value)} = {Level(right)} each";
        return CheckedClaim.Of(ClaimKind.MultipleTesting, sentence.Original, $"a cut-off of {cutoff.Text}", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, not {cutoff.Text}.", right);
    }

    /// <summary>A stated chance of at least one false positive against 1 − (1 − α)^m.</summary>
    public static CheckedClaim? FamilyWiseCheck(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        var text = sentence.Text;
        if (!AnyWords().IsMatch(text) || CorrectionWords().IsMatch(text) || Family(context, i, out var alpha) is not { } m)
        {
            return null;
        }
        var a = alpha?.Share ?? 0.05;
        var stated = ChancePattern().Matches(text).Select(c => sentence.At(c.Groups["p"]))
            .FirstOrDefault(t => t is { Unit: NumberUnit.Percent, Value: > 0 and <= 100 } && t != alpha);
        if (stated is null || m.Value < 2)
        {
            return null;
        }
        var right = 1 - Math.Pow(1 - a, m.Value);
        var allowed = Math.Max(MinimumGap, Tolerance * right) + (stated.ShareStep / 2);
        var fits = Math.Abs(stated.Share - right) <= allowed;
        var truth = $"With {Figures.Exact(m.Value)} independent comparisons at {Level(a)}, the chance of at least one false positive is 1 − {1 - a:0.###}^{Figures.Exact(m.Value)} ≈ {Figures.Rate(right)}";
        return CheckedClaim.Of(ClaimKind.MultipleTesting, sentence.Original, $"a {stated.Text} chance of a false positive", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, not {stated.Text}.", right);
    }

    /// <summary>A stated number of false positives expected against m·α.</summary>
    public static CheckedClaim? ExpectedCheck(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (ExpectedPattern().Match(sentence.Text) is not { Success: true } e || sentence.At(e.Groups["k"]) is not { IsCount: true } stated
            || Family(context, i, out var alpha) is not { } m || m == stated)
        {
            return null;
        }
        var a = alpha?.Share ?? 0.05;
        var right = m.Value * a;
        var allowed = Math.Max(1, Tolerance * right) + (stated.Step / 2);
        var fits = Math.Abs(stated.Value - right) <= allowed;
        var truth = $"{Figures.Exact(m.Value)} comparisons at {Level(a)} give about {Figures.Exact(Math.Round(right, 1))} false positives by chance";
        return CheckedClaim.Of(ClaimKind.MultipleTesting, sentence.Original, $"{stated.Text} false positives expected", !fits,
            fits ? $"{truth}, as the answer says." : $"{truth}, not {stated.Text}.", right);
    }

    /// <summary>The number of comparisons, from this sentence or the two before, and the α said with it.</summary>
    private static NumberToken? Family(AnswerContext context, int i, out NumberToken? alpha)
    {
        alpha = null;
        for (var j = i; j >= Math.Max(0, i - 2); j--)
        {
            var sentence = context.Sentences[j].Sentence;
            if (j == i && PeekingWords().IsMatch(sentence.Text) && !FamilyPattern().IsMatch(sentence.Text))
            {
                return null;
            }
            if (DivisionPattern().Match(sentence.Text) is { Success: true } d && sentence.At(d.Groups["m"]) is { IsCount: true, Value: >= 2 and <= 1e6 } dm)
            {
                alpha = sentence.At(d.Groups["a"]) is { } da && IsLevel(da) ? da : StatedAlpha(context, i);
                return dm;
            }
            // "20 countries by 2 platforms, 40 segments": the largest count is the number of comparisons.
            var largest = FamilyPattern().Matches(sentence.Text).Select(f => sentence.At(f.Groups["m"]))
                .Where(t => t is { IsCount: true, Value: >= 2 and <= 1e6 }).MaxBy(t => t!.Value);
            if (largest is not null)
            {
                alpha = StatedAlpha(context, i);
                return largest;
            }
        }
        return null;
    }

    /// <summary>α as said in the sentence ("at 0.05", "at the 5% level"); the usual 0.05 is assumed otherwise.</summary>
    private static NumberToken? StatedAlpha(AnswerContext context, int i)
    {
        for (var j = i; j >= Math.Max(0, i - 2); j--)
        {
            var sentence = context.Sentences[j].Sentence;
            if (sentence.Numbers.FirstOrDefault(t => IsLevel(t) && t.Share is 0.05 or 0.1 or 0.01 && !IsPValue(sentence.Text, t)) is { } alpha)
            {
                return alpha;
            }
        }
        return null;
    }

    /// <summary>True when the words just before the number name a p-value ("p = 0.01"): it is a result, not α or a cut-off.</summary>
    private static bool IsPValue(string text, NumberToken t)
    {
        var at = PlaceholderAt(text, t);
        return at >= 0 && PValueBefore().IsMatch(text[..at]);
    }

    private static int PlaceholderAt(string text, NumberToken t)
    {
        var mark = "§" + t.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var at = text.IndexOf(mark, StringComparison.Ordinal); at >= 0; at = text.IndexOf(mark, at + 1, StringComparison.Ordinal))
        {
            var end = at + mark.Length;
            if (end == text.Length || !char.IsAsciiDigit(text[end]))
            {
                return at;
            }
        }
        return -1;
    }

    private static bool IsLevel(NumberToken t) => t.Unit == NumberUnit.Percent ? t.Value is > 0 and <= 20 : t.Unit == NumberUnit.Plain && t.Value is > 0 and <= 0.2;

    private static string Level(double share) => share.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Clustering: with m observations per unit and a within-unit correlation ρ, the design effect is 1 + (m − 1)ρ. It
/// multiplies the variance, so the standard error grows by √deff and a naive z shrinks by √deff. Checks a stated design
/// effect, standard-error or variance factor, and a z "becoming" another, each against the design effect from m and ρ
/// (or, without them, the design effect the answer states). Wrong when off by more than <see cref="Tolerance"/> of the
/// right figure and by more than half a unit of the stated last digit.
/// </summary>
internal static partial class DesignEffectCheck
{
    /// <summary>A figure may be off by this share of the right one.</summary>
    public const double Tolerance = 0.05;

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    private const string Times = @" ?(?:times|x|×|fold)\b";

    [GeneratedRegex(@"(?:§(?<m>\d+)|\b(?<w>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)) (?:[a-z-]+ )?(?:sessions|observations|visits|events|pageviews|page views|measurements|records|rows|orders|purchases|impressions|clicks|users|students|members|patients|employees|searches|queries|trips|rides|transactions|responses|units) (?:per|each|for each|a|an|in each|in every) (?:user|person|customer|cluster|account|visitor|school|store|household|team|city|driver|rider|member|device|class|clinic|market|region)\b|\b(?:cluster|group) size (?:of |is |= )?(?:about |around |roughly )?§(?<m>\d+)")]
    private static partial Regex ClusterSizePattern();

    [GeneratedRegex(@"\b(?:within-[a-z]+ |within [a-z]+ |intra-?class |intra-?cluster |intraclass |intracluster )(?:correlation|corr)(?: coefficient)?(?: \([a-z]+\))?(?: (?:of|is|=|around|about|roughly|at))* ?§(?<r>\d+)|\b(?:icc|rho|ρ)(?: (?:of|is|=|around|about|roughly|at))* ?§(?<r>\d+)")]
    private static partial Regex IccPattern();

    [GeneratedRegex(@"\bdesign effect\b(?: (?:of|is|=|would be|becomes|comes to|works out to|:|about|roughly|around|approximately|here is))*(?<rest>[^,;]*)")]
    private static partial Regex StatedDeffPattern();

    [GeneratedRegex(@"\b(?:standard errors?|se|ses|confidence intervals?|intervals?|cis?|margins? of error)\b(?: (?!variances?\b)\S+){0,6}? (?:by )?(?:a factor of )?(?:about |roughly |around |approximately |~ ?)*§(?<f>\d+)" + Times + @"|\b(?:inflat\w*|increas\w*|grow\w*|multipl\w*|widen\w*|scal\w*) (?:the |our )?(?:standard errors?|se|intervals?)\b (?:by )?(?:a factor of )?(?:about |roughly |around )*§(?<f>\d+)(?! ?%)")]
    private static partial Regex StandardErrorFactorPattern();

    [GeneratedRegex(@"\bvariance\b(?: (?!standard\b|se\b|errors?\b|intervals?\b|cis?\b)\S+){0,6}? (?:by )?(?:a factor of )?(?:about |roughly |around |approximately |~ ?)*§(?<v>\d+)" + Times)]
    private static partial Regex VarianceFactorPattern();

    [GeneratedRegex(@"\bz(?:-score| score| statistic| stat|-stat|-value)?(?: of| =|=| is)? ?§(?<a>\d+) (?:becomes|drops to|falls to|shrinks to|goes to|goes down to|turns into|is now|would become|comes down to|would be)(?: (?:about|roughly|around|approximately|only|just|~))* ?§(?<b>\d+)")]
    private static partial Regex ShrunkZPattern();

    public static CheckedClaim? Check(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        var claims = Claims(sentence).ToList();
        if (claims.Count == 0)
        {
            return null;
        }
        var window = Enumerable.Range(Math.Max(0, i - 3), i - Math.Max(0, i - 3) + 1).Reverse().Select(j => context.Sentences[j].Sentence).ToList();
        var m = window.Select(ClusterSize).FirstOrDefault(x => x is not null);
        var rho = window.Select(Icc).FirstOrDefault(x => x is not null);
        double deff;
        string basis;
        if (m is not null && rho is not null)
        {
            deff = 1 + ((m.Value - 1) * rho.Value);
            basis = $"With {m.Value.ToString("0.##", CultureInfo.InvariantCulture)} per cluster and a within-cluster correlation of {rho.Value.ToString("0.###", CultureInfo.InvariantCulture)}, the design effect is 1 + {(m.Value - 1).ToString("0.##", CultureInfo.InvariantCulture)} × {rho.Value.ToString("0.###", CultureInfo.InvariantCulture)} = {deff:0.###}";
        }
        else if (window.Select(StatedDeff).FirstOrDefault(x => x is not null) is { Value: > 1 } stated)
        {
            deff = stated.Value;
            basis = $"A design effect of {stated.Text}";
        }
        else
        {
            return null;
        }
        CheckedClaim? first = null;
        foreach (var (what, token, input) in claims)
        {
            var (right, words) = what switch
            {
                "deff" => (deff, "the design effect"),
                "se" => (Math.Sqrt(deff), "the standard error grows by its square root"),
                "variance" => (deff, "the variance grows by the design effect"),
                _ => (input / Math.Sqrt(deff), $"a naive z of {input.ToString("0.###", CultureInfo.InvariantCulture)} shrinks by √{deff:0.###}"),
            };
            if (what == "deff" && (m is null || rho is null))
            {
                continue;
            }
            var fits = Math.Abs(token.Value - right) <= Math.Max(Tolerance * right, token.Step / 2);
            var truth = what == "deff" ? $"{basis}" : $"{basis}, so {words}, to about {right:0.00}";
            var explanation = fits ? $"{truth}, as the answer says." : $"{truth}, not {token.Text}.";
            var said = what switch
            {
                "deff" => $"a design effect of {token.Text}",
                "se" => $"a standard error {token.Text} times the naive one",
                "variance" => $"a variance {token.Text} times the naive one",
                _ => $"a z of {input.ToString("0.###", CultureInfo.InvariantCulture)} becoming {token.Text}",
            };
            var claim = CheckedClaim.Of(ClaimKind.DesignEffect, sentence.Original, said, !fits, explanation, right);
            if (!fits)
            {
                return claim;
            }
            first ??= claim;
        }
        return first;
    }

    private static IEnumerable<(string What, NumberToken Token, double Input)> Claims(SpokenSentence sentence)
    {
        if (StatedDeff(sentence) is { } deff)
        {
            yield return ("deff", deff, 0);
        }
        if (StandardErrorFactorPattern().Match(sentence.Text) is { Success: true } se && sentence.At(se.Groups["f"]) is { Unit: NumberUnit.Plain, Value: > 1 and < 100 } factor)
        {
            yield return ("se", factor, 0);
        }
        if (VarianceFactorPattern().Match(sentence.Text) is { Success: true } v && sentence.At(v.Groups["v"]) is { Unit: NumberUnit.Plain, Value: > 1 and < 1000 } variance)
        {
            yield return ("variance", variance, 0);
        }
        if (ShrunkZPattern().Match(sentence.Text) is { Success: true } z && sentence.At(z.Groups["a"]) is { Unit: NumberUnit.Plain, Value: > 0 and < 100 } naive
            && sentence.At(z.Groups["b"]) is { Unit: NumberUnit.Plain, Value: > 0 } shrunk && shrunk.Value < naive.Value)
        {
            yield return ("z", shrunk, naive.Value);
        }
    }

    private static double? ClusterSize(SpokenSentence sentence)
    {
        if (ClusterSizePattern().Match(sentence.Text) is not { Success: true } m)
        {
            return null;
        }
        return m.Groups["w"].Success ? Array.IndexOf(NumberWords, m.Groups["w"].Value)
            : sentence.At(m.Groups["m"]) is { Unit: NumberUnit.Plain, Value: >= 1 and <= 100_000 } size ? size.Value : null;
    }

    private static double? Icc(SpokenSentence sentence) =>
        IccPattern().Match(sentence.Text) is { Success: true } m && sentence.At(m.Groups["r"]) is { Unit: NumberUnit.Plain, Value: > 0 and < 1 } r ? r.Value : null;

    /// <summary>"The design effect is 1.3", or the result of "1 + 3 × 0.1 = 1.3".</summary>
    private static NumberToken? StatedDeff(SpokenSentence sentence)
    {
        if (StatedDeffPattern().Match(sentence.Text) is not { Success: true } m)
        {
            return null;
        }
        var rest = m.Groups["rest"].Value;
        var equals = rest.LastIndexOf('=');
        var part = equals >= 0 ? rest[(equals + 1)..] : rest;
        var at = part.IndexOf('§', StringComparison.Ordinal);
        if (at < 0 || (equals < 0 && at > 3))
        {
            return null;
        }
        var digits = new string([.. part[(at + 1)..].TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sentence.Numbers.Count
            && sentence.Numbers[index] is { Unit: NumberUnit.Plain, Value: >= 1 and < 1000 } token ? token : null;
    }
}

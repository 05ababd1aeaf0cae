using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Precision and recall from the counts behind them. A population with a prevalence ("2 million reviews of which 0.5%
/// are fake", "200,000 payments a day and a 0.5% fraud rate") gives the positives P = N·π; positives caught ("we catch
/// 240 frauds", "catch 4,800 of about 6,000") give recall = caught ÷ P; recall and a false positive rate give
/// precision = r·P ÷ (r·P + FPR·(N − P)). A stated recall or precision is wrong when it is off by more than
/// <see cref="Tolerance"/> of the right figure (at least <see cref="MinimumGap"/>) beyond the rounding of the inputs.
/// </summary>
internal static partial class ClassifierRateCheck
{
    /// <summary>A stated rate may be off by this share of the right one.</summary>
    public const double Tolerance = 0.2;

    /// <summary>…and always by this much on the 0–1 scale.</summary>
    public const double MinimumGap = 0.05;

    [GeneratedRegex(@"§(?<n>\d+) (?:[a-z-]+ ){0,4}?(?:of which|of whom|where|and|with|,) (?:about |only |roughly |around |just )?§(?<p>\d+) (?:of them |of those |of these )?(?:are|is|were|was|turn out to be|being) (?:actually |truly |really )?(?<l>[a-z]+)|§(?<n>\d+) (?:[a-z-]+ ){0,4}?(?:and|with|at|,) (?:a |an |the )?(?:about |roughly |around )?§(?<p>\d+) (?<l>[a-z-]+) (?:rate|prevalence|base rate|share)\b|§(?<p>\d+) of (?:a |an |the |our |all |about )?§(?<n>\d+) (?:[a-z-]+ ){0,2}?(?:are|is|were|turn out to be) (?:actually |truly |really )?(?<l>[a-z]+)")]
    private static partial Regex PopulationPattern();

    [GeneratedRegex(@"\brecall\b(?: (?:of|is|=|at|around|about|roughly|approximately|~|:|would be|comes to|of about|of around|be|only|just))* ?§(?<r>\d+)(?! ?(?:precision|false))|§(?<r>\d+) recall\b")]
    private static partial Regex RecallPattern();

    [GeneratedRegex(@"\bprecision\b(?: (?:of|is|=|at|around|about|roughly|approximately|~|:|would be|comes to|of about|of around|be|only|just|drops to|falls to|stays at|is still|still))* ?§(?<q>\d+)(?! ?(?:recall|false))|§(?<q>\d+) precision\b")]
    private static partial Regex PrecisionPattern();

    [GeneratedRegex(@"§(?<f>\d+) (?:false positive rate|false-positive rate|fpr)\b|\b(?:false positive rate|false-positive rate|fpr)(?: (?:of|is|=|at|around|about|roughly|~|:))* ?§(?<f>\d+)")]
    private static partial Regex FalsePositiveRatePattern();

    [GeneratedRegex(@"\b(?:catch|catches|caught|catching|detect|detects|detected|detecting|identify|identifies|identified|find|finds|found|flag|flags|flagged|stop|stops|stopped|block|blocks|blocked) (?:about |roughly |around |only |just |some )?§(?<c>\d+)(?: (?:[a-z-]+ )?(?:of|out of) (?:the |about |roughly |around )?§(?<p>\d+))? ?(?<l>[a-z-]+)?|§(?<c>\d+) true positives\b")]
    private static partial Regex CaughtPattern();

    private sealed record Population(double N, double Prevalence, string Label, string Words);

    private sealed record Caught(double Count, double? OfPositives);

    /// <summary>A stated recall against positives caught over the positives there are.</summary>
    public static CheckedClaim? RecallCheck(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (Claimed(sentence, RecallPattern(), "r") is not { } stated)
        {
            return null;
        }
        var window = Window(context, i);
        var population = window.Select(PopulationOf).FirstOrDefault(p => p is not null);
        if (window.Select(s => CaughtOf(s, population)).FirstOrDefault(c => c is not null) is not { } caught)
        {
            return null;
        }
        var positives = caught.OfPositives ?? population?.N * population?.Prevalence;
        if (positives is not > 0 || caught.Count > positives)
        {
            return null;
        }
        var basis = caught.OfPositives is not null
            ? $"{Figures.Exact(caught.Count)} caught of {Figures.Exact(positives.Value)}"
            : $"{Figures.Exact(caught.Count)} caught of the {Figures.Count(positives.Value)} positives in {population!.Words}";
        return Judge(sentence, "recall", stated, caught.Count / positives.Value, basis);
    }

    /// <summary>A stated precision against the recall and false positive rate at a prevalence.</summary>
    public static CheckedClaim? PrecisionCheck(AnswerContext context, int i)
    {
        var sentence = context.Sentences[i].Sentence;
        if (Claimed(sentence, PrecisionPattern(), "q") is not { } stated)
        {
            return null;
        }
        var window = Window(context, i);
        var recall = window.Select(s => Claimed(s, RecallPattern(), "r")).FirstOrDefault(r => r is not null);
        var fpr = window.Select(s => Claimed(s, FalsePositiveRatePattern(), "f")).FirstOrDefault(f => f is not null);
        if (window.Select(PopulationOf).FirstOrDefault(p => p is not null) is not { } population || recall is null || fpr is null)
        {
            return null;
        }
        var positives = population.N * population.Prevalence;
        var truePositives = recall.Share * positives;
        var falsePositives = fpr.Share * (population.N - positives);
        var basis = $"{recall.Text} recall of the {Figures.Count(positives)} positives in {population.Words} catches {Figures.Count(truePositives)}, "
            + $"and {fpr.Text} of the {Figures.Count(population.N - positives)} negatives is {Figures.Count(falsePositives)} false alarms";
        return Judge(sentence, "precision", stated, truePositives / (truePositives + falsePositives), basis);
    }

    private static NumberToken? Claimed(SpokenSentence sentence, Regex pattern, string group) =>
        pattern.Match(sentence.Text) is { Success: true } m && sentence.At(m.Groups[group]) is { IsRate: true, Unit: NumberUnit.Percent } token ? token : null;

    /// <summary>The claim's sentence and the two before it, nearest first.</summary>
    private static List<SpokenSentence> Window(AnswerContext context, int i) =>
        [.. Enumerable.Range(Math.Max(0, i - 2), i - Math.Max(0, i - 2) + 1).Reverse().Select(j => context.Sentences[j].Sentence)];

    private static CheckedClaim Judge(SpokenSentence sentence, string what, NumberToken stated, double right, string basis)
    {
        var allowed = Math.Max(MinimumGap, Tolerance * right) + (stated.ShareStep / 2);
        var fits = Math.Abs(stated.Share - right) <= allowed;
        var truth = $"{Cap(basis)}: {what} is about {Figures.Rate(right)}";
        var explanation = fits ? $"{truth}, as the answer says." : $"{truth}, not {stated.Text}.";
        return CheckedClaim.Of(ClaimKind.ClassifierRates, sentence.Original, $"{what} of {stated.Text}", !fits, explanation, right);
    }

    private static Population? PopulationOf(SpokenSentence sentence)
    {
        foreach (Match m in PopulationPattern().Matches(sentence.Text))
        {
            if (sentence.At(m.Groups["n"]) is { IsCount: true, Value: >= 100 } n && sentence.At(m.Groups["p"]) is { Unit: NumberUnit.Percent, IsRate: true } p)
            {
                return new Population(n.Value, p.Share, m.Groups["l"].Value, $"{n.Text} at {p.Text}");
            }
        }
        return null;
    }

    /// <summary>Positives caught, with the positives they are out of when said ("catch 4,800 of about 6,000").</summary>
    private static Caught? CaughtOf(SpokenSentence sentence, Population? population)
    {
        foreach (Match m in CaughtPattern().Matches(sentence.Text))
        {
            if (sentence.At(m.Groups["c"]) is not { IsCount: true, Value: > 0 } count)
            {
                continue;
            }
            if (sentence.At(m.Groups["p"]) is { IsCount: true } of && of.Value >= count.Value)
            {
                return new Caught(count.Value, of.Value);
            }
            var label = m.Groups["l"].Value;
            var positiveNoun = m.Value.EndsWith("true positives", StringComparison.Ordinal)
                || (population is not null && label.Length >= 4 && population.Label.Length >= 4 && label[..4] == population.Label[..4]);
            if (positiveNoun)
            {
                return new Caught(count.Value, null);
            }
        }
        return null;
    }

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

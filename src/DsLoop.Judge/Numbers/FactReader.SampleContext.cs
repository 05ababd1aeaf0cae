using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Which numbers may be read as a sample: never money ("$480 each", "$60 a month in total"), and a loose "400 each" or
/// "64,000 overall" only with a people or units word beside it or an experiment in the sentence, so a capacity plan or a
/// price list is not read as arms of a test.
/// </summary>
internal static partial class FactReader
{
    /// <summary>True when token <paramref name="t"/>, matched by <paramref name="m"/>, can be a sample per arm or in total.</summary>
    private static bool IsSample(string text, Match m, NumberToken t) =>
        t.Unit == NumberUnit.Plain && t.Value >= 2 && !IsMoney(text, t)
        && (!m.Groups["loose"].Success || SampleUnits().IsMatch(m.Value) || ExperimentWords().IsMatch(text));

    /// <summary>True when the number is an amount of money: a currency sign before it or a currency word after it.</summary>
    private static bool IsMoney(string text, NumberToken t)
    {
        var at = Placeholder(text, t);
        if (at < 0)
        {
            return false;
        }
        if (at > 0 && text[at - 1] is '$' or '€' or '£' or '¥')
        {
            return true;
        }
        var end = at + 1 + t.Index.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        return CurrencyAfter().IsMatch(text[end..]);
    }

    [GeneratedRegex(@"^ ?(?:dollars?|euros?|pounds?|usd|eur|gbp|bucks)\b")]
    private static partial Regex CurrencyAfter();

    [GeneratedRegex(@"\b(?:users?|visitors?|sessions|customers|people|accounts|members|participants|subjects|respondents|units|observations|households|shoppers|buyers|players|riders|drivers|merchants|sellers|patients|subscribers|learners|listeners|viewers|devices|installs|sign-?ups)\b")]
    private static partial Regex SampleUnits();

    [GeneratedRegex(@"\b(?:arms?|variants?|variations?|control|treatment|treatments|tests?|experiments?|a/b|sample|samples|power|powered|detect\w*|mde|randomi[sz]\w*|enrol\w*|cells?|buckets?|holdout|split)\b")]
    private static partial Regex ExperimentWords();
}

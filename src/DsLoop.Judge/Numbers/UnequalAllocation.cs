using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// "5,300 in treatment and 47,000 in control": a sentence that sizes the arms differently plans an unequal split, which
/// the sample-size check (equal arms) does not model, so it is not read as a size per arm.
/// </summary>
internal static partial class UnequalAllocation
{
    /// <summary>True when the sentence gives treatment and control sizes more than 10% apart.</summary>
    public static bool Applies(SentenceFacts facts)
    {
        var sentence = facts.Sentence;
        double? Size(string arm) =>
            ArmSize().Matches(sentence.Text).Where(m => m.Groups["arm"].Value.StartsWith(arm, StringComparison.Ordinal))
                .Select(m => sentence.At(m.Groups["n"])?.Value).FirstOrDefault(v => v is > 0);
        return Size("treat") is { } treatment && Size("control") is { } control
            && Math.Abs(treatment - control) > 0.1 * Math.Max(treatment, control);
    }

    [GeneratedRegex(@"§(?<n>\d+) (?:[a-z-]+ )?(?:in|for) (?:the )?(?<arm>treatment|control)\b")]
    private static partial Regex ArmSize();
}

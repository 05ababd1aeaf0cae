using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// When a size is said as what the test requires ("needs about 19,000 per arm", "comes to 19,000 per arm"), it must be
/// near the requirement, not merely above it: a stated need of twice the true one is usually the total read as per arm,
/// or the effect on the wrong scale. A plan that takes more on purpose ("I'd run 19,000 to be safe") is not a need.
/// </summary>
internal static partial class SampleRequirement
{
    /// <summary>
    /// A stated requirement above this multiple of the computed one is wrong. Twice the need is the usual slip (the total
    /// said per arm, or the effect on the wrong scale); 90% power where 80% was assumed is 1.34×, so it still passes.
    /// </summary>
    public const double Overstated = 1.5;

    [GeneratedRegex(@"\b(?:need|needs|needed|needing|require|requires|required|requirement|comes? to|came to|works? out (?:to|at|as)|worked out (?:to|at)|calls for|sample size (?:is|of|would be|comes|works))\b")]
    private static partial Regex RequirementWords();

    [GeneratedRegex(@"\b(?:to be safe|safe side|anyway|buffer|pad|padding|cushion|round(?:ed|ing)? (?:it )?up|conservative|conservatively|extra|headroom|more than (?:we|enough|needed|necessary|required|the minimum)|instead|rather|i'd run|we'd run|i would run|we will run|we'll run|i'd take|i'd book|i'd plan|plan for|aim for|i'd go with)\b")]
    private static partial Regex DeliberatelyMore();

    [GeneratedRegex(@"\b(?:bonferroni|holm|sidak|šidák|corrected|correction|multiple comparisons|multiple testing|design effect|cluster|clustered|icc|intra-?class|intracluster|attrition|drop-?off|dropout|drop out|non-?compliance|complier|dilut\w*|inflat\w*|sequential|interim|alpha spending|o'brien|pocock|delta method|ratio metric|unequal|imbalanced|variance of|per-user|heavy users)\b")]
    private static partial Regex SizedUpOnPurpose();

    /// <summary>True when sentence <paramref name="i"/> states a sample as the requirement, with nothing in the answer that sizes it up on purpose.</summary>
    public static bool IsStated(AnswerContext context, int i)
    {
        var text = context.Sentences[i].Sentence.Text;
        if (!RequirementWords().IsMatch(text) || DeliberatelyMore().IsMatch(text))
        {
            return false;
        }
        if ((context.NearestValue(i, f => f.Arms) ?? 2) > 2)
        {
            return false;
        }
        return !context.Sentences.Any(s => SizedUpOnPurpose().IsMatch(s.Sentence.Text));
    }
}

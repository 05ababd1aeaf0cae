using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>Unequal arms: "5,300 in treatment and 47,000 in control", "control gets 45,000 and treatment 5,000".</summary>
internal static partial class FactReader
{
    private const string ArmNoun = @"(?<arm>treatment|control|variant|holdout|test group|new (?:flow|version|page|design|experience)|old (?:flow|version|page|design|experience))";

    [GeneratedRegex(@"§(?<n>\d+) (?:[a-z-]+ )?(?:in|for|on|to|into|go to|going to) (?:the )?" + ArmNoun + @"(?: (?:arm|group|side|cell|bucket))?\b|\b" + ArmNoun + @"(?: (?:arm|group|side|cell|bucket))?(?: (?:gets|get|has|had|needs|need|would need|will need|of|with|at|=))?:?(?: (?:about|roughly|around|approximately|~))* ?§(?<n>\d+)")]
    private static partial Regex ArmSizePattern();

    /// <summary>
    /// Reads a treatment and a control size said in one sentence about sizing a test, before the sample roles can take
    /// them; arm counts in a sentence about the split stay free for the sample-ratio check.
    /// </summary>
    private static void ReadArmSizes(SentenceFacts facts, SpokenSentence sentence, string text, Roles roles)
    {
        var srmCall = SrmWords().IsMatch(text) && (NoMismatch().IsMatch(text) || FineWords().IsMatch(text) || MismatchWords().IsMatch(text));
        if (!(NeedPattern().IsMatch(text) || SizingWordsPattern().IsMatch(text)) || srmCall)
        {
            return;
        }
        NumberToken? treatment = null;
        NumberToken? control = null;
        foreach (Match m in ArmSizePattern().Matches(text))
        {
            var token = sentence.At(m.Groups["n"]);
            if (token is not { IsCount: true, Value: >= 20 } || !roles.Free(token) || token == treatment || token == control)
            {
                continue;
            }
            var arm = m.Groups["arm"].Value;
            if (arm is "control" or "holdout" || arm.StartsWith("old", StringComparison.Ordinal))
            {
                control ??= token;
            }
            else
            {
                treatment ??= token;
            }
        }
        if (treatment is null || control is null || treatment.Value == control.Value)
        {
            return;
        }
        roles.Claim(treatment);
        roles.Claim(control);
        facts.ArmSizes = (treatment, control);
    }
}

using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Two arms said as units "with" outcomes or outcomes "from" units: "control had 10,000 searchers with 1,100 bookings",
/// "2,000 checkout starts with 1,040 orders", "940 orders from 2,000 starts". Read only as a pair of arms in one
/// sentence, put control first when the words name the arms.
/// </summary>
internal static partial class FactReader
{
    [GeneratedRegex(@"§(?<t>\d+) (?:[a-z-]+ ){0,3}?(?:with|and|producing|generating|yielding|giving|making|leading to|resulting in|that (?:made|produced|converted into|turned into)) (?:about |around |roughly |only |just )?§(?<s>\d+) (?!(?:days?|weeks?|months?|percent|arms?|variants?)\b)[a-z-]+|§(?<s>\d+) (?:[a-z-]+ ){1,2}?(?:from|in|among|across) (?:the |their |its )?§(?<t>\d+) [a-z-]+")]
    private static partial Regex WithCountsPattern();

    [GeneratedRegex(@"\b(?:(?<c>control|holdout|baseline|old|existing|current)|(?<v>treatment|variant|new|test group|challenger))\b")]
    private static partial Regex ArmWord();

    private static void ReadArmsWithCounts(SentenceFacts facts, SpokenSentence sentence, Roles roles)
    {
        if (facts.Counts.Count > 0)
        {
            return;
        }
        var text = sentence.Text;
        var pairs = new List<(NumberToken Successes, NumberToken Total, bool? Control)>();
        var previousEnd = 0;
        foreach (Match m in WithCountsPattern().Matches(text))
        {
            var successes = sentence.At(m.Groups["s"]);
            var total = sentence.At(m.Groups["t"]);
            if (successes is not { IsCount: true } || total is not { IsCount: true, Value: >= 20 } || successes.Value > total.Value || !roles.Free(successes) || !roles.Free(total))
            {
                continue;
            }
            bool? control = null;
            foreach (Match w in ArmWord().Matches(text[previousEnd..m.Index]))
            {
                control = w.Groups["c"].Success;
            }
            previousEnd = m.Index + m.Length;
            pairs.Add((successes, total, control));
        }
        if (pairs.Count != 2)
        {
            return;
        }
        if (pairs[0].Control == false && pairs[1].Control != false)
        {
            pairs.Reverse();
        }
        foreach (var (successes, total, _) in pairs)
        {
            roles.Claim(successes);
            roles.Claim(total);
            facts.Counts.Add(new StatedCounts((long)successes.Value, (long)total.Value));
        }
    }
}

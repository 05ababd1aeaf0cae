using System.Text.RegularExpressions;

namespace DsLoop.Judge.Judging;

/// <summary>Word-level checks the embedding model is blind to: dismissive negation and how much a sentence says.</summary>
internal static partial class Wording
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with", "as",
        "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "i", "we", "you",
        "he", "she", "they", "my", "our", "your", "their", "me", "us", "them", "would", "will", "could", "should", "can",
        "do", "does", "did", "have", "has", "had", "not", "no", "also", "just", "very", "really", "all", "any", "some",
        "there", "here", "what", "which", "who", "when", "where", "how", "why", "from", "into", "than", "too", "about",
        "i'd", "i'm", "i'll", "i've", "we'd", "we'll", "it's", "that's", "there's", "let's", "then", "once", "up", "out",
        "use", "using", "make", "sure", "look", "check", "run", "get", "go", "want", "need", "thing", "things", "etc",
    };

    /// <summary>
    /// True when the sentence waves a step away ("I wouldn't bother with an SRM check", "no need for guardrails",
    /// "skip the power calculation"). Such a sentence shows no step, however close its words are to one.
    /// </summary>
    public static bool Dismisses(string sentence) => Dismissive().IsMatch(sentence);

    /// <summary>True when the sentence contains any negation at all, so it cannot be read as doing what it names.</summary>
    public static bool Negates(string sentence) => AnyNegation().IsMatch(sentence);

    /// <summary>True when a mistake's description names something left out ("Never asking…", "No guardrail…").</summary>
    public static bool NamesAnOmission(string mistake) => Omission().IsMatch(mistake);

    /// <summary>Content words: lower-case words of three letters or more that are not function words.</summary>
    public static IReadOnlyList<string> ContentWords(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3 && !StopWords.Contains(w))];

    [GeneratedRegex(@"\b(?:no need (?:to|for)|(?:would|will|do|does|did|should|could|won|don|doesn|didn|shouldn|wouldn)(?:n['’]?t|['’]t| not) (?:bother|need|really need|worry|care|check|run|use|track|look|do|compute|calculate|set|pick|define|think|split|randomi[sz]e|estimate|monitor|segment)|not (?:bother|needed|necessary|worth|required|important)|(?:skip|skipping|ignore|ignoring|drop|dropping)\s+(?:the|a|an|any|all)?\s*\w+|unnecessary|overkill|doesn['’]?t matter|not a concern)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dismissive();

    [GeneratedRegex(@"\b(?:not|no|never|without|n['’]t|don['’]t|won['’]t|wouldn['’]t|shouldn['’]t|can['’]t|cannot|avoid|instead of|rather than|resist)\b|n['’]t\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyNegation();

    [GeneratedRegex(@"^(?:no|never|not|nobody|nothing|missing|forgetting|ignoring|skipping|without|omitting|overlooking|(?:giving|naming|offering|having|with) no|ending without|leaving out)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Omission();

    [GeneratedRegex(@"[a-z][a-z'’\-]*")]
    private static partial Regex WordPattern();
}

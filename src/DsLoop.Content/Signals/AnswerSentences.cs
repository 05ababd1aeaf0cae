using System.Text.RegularExpressions;

namespace DsLoop.Content.Signals;

/// <summary>
/// Cuts an answer into the sentences a signal quotes. Typed answers are not tidy prose, so besides a full stop, question
/// or exclamation mark it treats every line break as an end (a list item or a line without a full stop is its own
/// sentence, not glued to the next one), drops list markers ("-", "*", "2."), and does not end a sentence at an
/// abbreviation such as "e.g." or "vs." (which would quote the half after it). A signal then quotes exactly the
/// sentence holding its trigger, never a neighbour.
/// </summary>
public static partial class AnswerSentences
{
    // Lower-cased words that end with a full stop without ending the sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "e.g", "i.e", "eg", "ie", "vs", "v", "approx", "incl", "cf", "al", "dr", "mr", "mrs", "ms", "fig", "u.s", "u.k", "jr", "sr", "inc", "ltd", "co",
    };

    /// <summary>The sentences of <paramref name="text"/>, trimmed, in order, without list markers; empty ones dropped.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var sentences = new List<string>();
        foreach (var rawLine in (text ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            var line = ListMarker().Replace(rawLine.Trim(), "");
            var start = 0;
            foreach (Match end in SentenceEnd().Matches(line))
            {
                if (IsAbbreviation(line, end.Index))
                {
                    continue;
                }
                Add(sentences, line[start..(end.Index + end.Length)]);
                start = end.Index + end.Length;
            }
            Add(sentences, line[start..]);
        }
        return sentences;
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Any(char.IsLetterOrDigit))
        {
            sentences.Add(trimmed);
        }
    }

    // True when the full stop at 'index' closes an abbreviation ("e.g.", "vs.").
    private static bool IsAbbreviation(string line, int index)
    {
        if (line[index] != '.')
        {
            return false;
        }
        var wordStart = index;
        while (wordStart > 0 && (char.IsLetter(line[wordStart - 1]) || line[wordStart - 1] == '.'))
        {
            wordStart--;
        }
        var word = line[wordStart..index].ToLowerInvariant();
        return Abbreviations.Contains(word);
    }

    [GeneratedRegex(@"[.!?]+[""'”’)\]]*(?=\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:[-*•]\s+|\d{1,2}[.)]\s+)")]
    private static partial Regex ListMarker();
}

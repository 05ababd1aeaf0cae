namespace DsLoop.Judge.Judging;

/// <summary>
/// A framework's own words (its cues and step names) plus interview buzzwords. Words from here do not count as
/// content: saying "guardrail, power, randomization unit" names steps without doing them. Stems of five letters or more
/// match longer words, as cues do ("randomiz" covers "randomized").
/// </summary>
internal sealed class Vocabulary(IEnumerable<string> words)
{
    private readonly HashSet<string> exact = new(words, StringComparer.Ordinal);

    public bool Contains(string word) =>
        exact.Contains(word) || exact.Any(stem => stem.Length >= 5 && word.StartsWith(stem, StringComparison.Ordinal));
}

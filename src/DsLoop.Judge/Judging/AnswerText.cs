using System.Text.RegularExpressions;
using DsLoop.Content.Coaching;

namespace DsLoop.Judge.Judging;

/// <summary>
/// An answer cut into the units the judge embeds: every sentence, and the clauses of a long sentence, so that one
/// sentence carrying two ideas can show two steps without either being diluted by the other.
/// </summary>
internal sealed partial class AnswerText
{
    private const int LongSentenceWords = 22;

    private AnswerText(string text, IReadOnlyList<string> sentences, IReadOnlyList<Unit> units)
    {
        Text = text;
        Sentences = sentences;
        Units = units;
        Fragments = [.. FragmentsOf(sentences, units)];
    }

    /// <summary>The whole answer.</summary>
    public string Text { get; }

    /// <summary>The sentences, in order.</summary>
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>Sentences and clauses of long sentences; each knows its sentence.</summary>
    public IReadOnlyList<Unit> Units { get; }

    /// <summary>
    /// The comma-separated pieces of each sentence that are not already units ("So I run it for one day, stop once p is
    /// below 0.05, and ship"): a mistake is often one item of a list, and the rest of the list dilutes it.
    /// </summary>
    public IReadOnlyList<Unit> Fragments { get; }

    /// <summary>
    /// True when <paramref name="unit"/> is negated in its sentence: by its own words, or by a negation earlier in the
    /// sentence whose list it belongs to ("what I won't do: lower the confidence level, stop early on a good day").
    /// </summary>
    public bool Negated(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var sentence = Sentences[unit.Sentence];
        var at = sentence.IndexOf(unit.Text, StringComparison.Ordinal);
        return Wording.Negates(at < 0 ? unit.Text : sentence[..(at + unit.Text.Length)]);
    }

    /// <summary>Words in the answer.</summary>
    public int Words => AnswerCoach.CountWords(Text);

    public static AnswerText Of(string? answer)
    {
        var text = answer ?? "";
        var sentences = AnswerCoach.SplitSentences(text);
        var units = new List<Unit>();
        for (var i = 0; i < sentences.Count; i++)
        {
            units.Add(new Unit(sentences[i], i, true));
            if (AnswerCoach.CountWords(sentences[i]) < LongSentenceWords)
            {
                continue;
            }
            var clauses = ClauseBreak().Split(sentences[i]).Select(c => c.Trim()).Where(c => AnswerCoach.CountWords(c) >= 4).ToList();
            if (clauses.Count > 1)
            {
                units.AddRange(clauses.Select(c => new Unit(c, i, false)));
            }
        }
        return new AnswerText(text, sentences, units);
    }

    private static IEnumerable<Unit> FragmentsOf(IReadOnlyList<string> sentences, IReadOnlyList<Unit> units)
    {
        var known = units.Select(u => u.Text).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < sentences.Count; i++)
        {
            var pieces = ListBreak().Split(sentences[i]).Select(p => LeadingJoin().Replace(p.Trim(), "")).Where(p => AnswerCoach.CountWords(p) >= 4).ToList();
            if (pieces.Count < 2)
            {
                continue;
            }
            foreach (var piece in pieces.Where(known.Add))
            {
                yield return new Unit(piece, i, false);
            }
        }
    }

    [GeneratedRegex(@"\s*[,;:]\s+")]
    private static partial Regex ListBreak();

    [GeneratedRegex(@"^(?:and|or|then|so|and then)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingJoin();

    [GeneratedRegex(@"\s*[;:]\s+|,\s+(?=(?:and|but|so|while|because|which|then|although|whereas|with)\b)|\s+(?=(?:but|so that|because|whereas)\s)")]
    private static partial Regex ClauseBreak();
}

/// <summary>A sentence or a clause, and the index of the sentence it belongs to.</summary>
internal sealed record Unit(string Text, int Sentence, bool WholeSentence);

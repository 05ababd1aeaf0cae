using System.Globalization;
using System.Text.RegularExpressions;
using DsLoop.Core;
using DsLoop.Core.Scorecard;

namespace DsLoop.Content.Signals;

/// <summary>
/// The deterministic rule of a detector. Phrases are matched like the coach's cues: lower-case, at the start of a
/// word, with the word free to run on ("randomi" matches "randomised"). The detector fires on the first sentence
/// that holds a <see cref="Triggers"/> phrase, one of the <see cref="Together"/> phrases (when given) and none of
/// the <see cref="Unless"/> phrases, provided the whole answer holds one of <see cref="AlsoNeeds"/> (when given),
/// none of <see cref="Absent"/> and, for <see cref="NeedsNoNumber"/>, no number at all.
/// </summary>
/// <param name="Triggers">Sentence-level phrases; the sentence that holds one is the evidence.</param>
/// <param name="Together">Sentence-level phrases of which one must share the trigger's sentence; empty means no condition.</param>
/// <param name="Unless">Sentence-level phrases that cancel a trigger in the same sentence, mostly negations ("would not stop early").</param>
/// <param name="AlsoNeeds">Answer-level phrases of which at least one must appear; empty means no condition.</param>
/// <param name="Absent">Answer-level phrases of which none may appear; this is how "no X mentioned" detectors work.</param>
/// <param name="NeedsNoNumber">When true, the detector fires only if the answer holds no digit and no number word.</param>
public sealed record SignalRule(
    IReadOnlyList<string> Triggers,
    IReadOnlyList<string> Together,
    IReadOnlyList<string> Unless,
    IReadOnlyList<string> AlsoNeeds,
    IReadOnlyList<string> Absent,
    bool NeedsNoNumber = false);

/// <summary>One strong signal, weak signal or red flag that can be spotted in an answer's text.</summary>
/// <param name="Id">Stable slug.</param>
/// <param name="Kind">Strong, weak or red flag.</param>
/// <param name="Dimension">The scorecard dimension it speaks to.</param>
/// <param name="Description">What it means, as shown to the candidate.</param>
/// <param name="Rule">How it is spotted.</param>
/// <param name="Rounds">It applies to items asked in one of these rounds …</param>
/// <param name="Dimensions">… or probing one of these dimensions; both empty means every answer.</param>
public sealed partial record SignalDetector(
    string Id,
    SignalKind Kind,
    Dimension Dimension,
    string Description,
    SignalRule Rule,
    IReadOnlyList<Round> Rounds,
    IReadOnlyList<Dimension> Dimensions)
{
    /// <summary>
    /// True when the detector applies to an item of these rounds and dimensions: it has no conditions, or the item
    /// shares a round or a dimension with it. Without an item (both null) every detector applies.
    /// </summary>
    public bool AppliesTo(IReadOnlyCollection<Round>? rounds, IReadOnlyCollection<Dimension>? dimensions)
    {
        if ((rounds is null && dimensions is null) || (Rounds.Count == 0 && Dimensions.Count == 0))
        {
            return true;
        }
        return (rounds ?? []).Any(Rounds.Contains) || (dimensions ?? []).Any(Dimensions.Contains);
    }

    /// <summary>Runs the rule on an answer; null when it does not fire. Applicability is not checked here.</summary>
    public SignalFinding? Match(string answer)
    {
        var text = Phrases.Normalise(answer ?? "");
        if (Rule.AlsoNeeds.Count > 0 && !Rule.AlsoNeeds.Any(p => Phrases.Contains(text, p)))
        {
            return null;
        }
        if (Rule.Absent.Any(p => Phrases.Contains(text, p)) || (Rule.NeedsNoNumber && HasNumber(answer ?? "")))
        {
            return null;
        }
        foreach (var sentence in AnswerSentences.Split(answer))
        {
            var normalised = Phrases.Normalise(sentence);
            if (Rule.Triggers.Any(p => Phrases.Contains(normalised, p))
                && (Rule.Together.Count == 0 || Rule.Together.Any(p => Phrases.Contains(normalised, p)))
                && !Rule.Unless.Any(p => Phrases.Contains(normalised, p)))
            {
                return new SignalFinding(this, sentence);
            }
        }
        return null;
    }

    /// <summary>True when the text holds a digit or a number word.</summary>
    public static bool HasNumber(string text) => NumberPattern().IsMatch(text ?? "");

    [GeneratedRegex(@"\d|\b(percent|half|halved|doubled?|twice|tripled?|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|million|billion|dozen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();
}

/// <summary>A detector that fired, with the sentence that fired it.</summary>
/// <param name="Detector">The detector.</param>
/// <param name="Evidence">The answer's sentence that holds the trigger.</param>
public sealed record SignalFinding(SignalDetector Detector, string Evidence)
{
    /// <summary>The finding as scorecard evidence.</summary>
    public ScorecardSignal ToScorecardSignal(string? itemId = null) =>
        new(Detector.Id, Detector.Kind, Detector.Dimension, Detector.Description, Evidence, itemId);
}

/// <summary>Phrase matching at word starts, the same convention as the coach's cues.</summary>
public static partial class Phrases
{
    /// <summary>Lower-cases the text, straightens quotes and collapses white space.</summary>
    public static string Normalise(string text) =>
        WhiteSpace().Replace(text.ToLower(CultureInfo.InvariantCulture).Replace('’', '\'').Replace('‘', '\''), " ");

    /// <summary>
    /// True when <paramref name="phrase"/> starts at a word start in <paramref name="text"/> (both normalised);
    /// a phrase that begins with a non-letter matches anywhere.
    /// </summary>
    public static bool Contains(string text, string phrase)
    {
        if (phrase.Length == 0)
        {
            return false;
        }
        for (var index = text.IndexOf(phrase, StringComparison.Ordinal); index >= 0; index = text.IndexOf(phrase, index + 1, StringComparison.Ordinal))
        {
            if (!char.IsLetterOrDigit(phrase[0]) || index == 0 || !char.IsLetterOrDigit(text[index - 1]))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

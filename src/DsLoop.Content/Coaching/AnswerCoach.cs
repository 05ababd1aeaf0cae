using System.Text.RegularExpressions;

namespace DsLoop.Content.Coaching;

/// <summary>
/// A deterministic, explainable coach: it finds each framework step's cue phrases in the answer's
/// sentences and checks the habits US interviewers reward. The same answer always gets the same report,
/// and every finding points at the words that caused it.
/// </summary>
public static partial class AnswerCoach
{
    /// <summary>One to two minutes of speech.</summary>
    public static readonly (int Min, int Max) DefaultTarget = (150, 300);

    private static readonly string[] AssumptionCues =
        ["i assume", "assuming", "let's assume", "my assumption", "i'd confirm", "i would confirm", "i'd check", "given that", "if we can", "if we know"];

    private static readonly string[] TradeOffCues =
        ["trade-off", "tradeoff", "trade off", "guardrail", "at the cost of", "on the other hand", "downside", "risk", "instead of", "rather than", "versus"];

    /// <summary>Coaches one answer against a framework.</summary>
    public static CoachReport Review(QuestionItem item, Framework framework, string answer, (int Min, int Max)? target = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var report = Review(answer, framework, target);
        var text = Normalise(answer ?? "");
        return report with { Mistakes = [.. item.CommonMistakes.Select(m => Check(m, report, text))] };
    }

    private static MistakeFinding Check(CommonMistake mistake, CoachReport report, string text)
    {
        var evidence = mistake.Phrases.Where(p => ContainsCue(text, Normalise(p))).Select(p => $"\"{p}\"").ToList();
        var habits = report.Habits.ToDictionary(h => h.Name, h => h.Present);
        foreach (var sign in mistake.Signs)
        {
            var fired = sign switch
            {
                MistakeSigns.NoNumber => !habits[QuantifiesHabit],
                MistakeSigns.NoAssumption => !habits[AssumptionsHabit],
                MistakeSigns.NoTradeOff => !habits[TradeOffHabit],
                MistakeSigns.NoFirstPerson => !habits[FirstPersonHabit],
                MistakeSigns.TooShort => report.Length == LengthVerdict.TooShort,
                MistakeSigns.TooLong => report.Length == LengthVerdict.TooLong,
                _ when sign.StartsWith(MistakeSigns.MissedStepPrefix, StringComparison.Ordinal) =>
                    report.Steps.Any(s => s.StepId == sign[MistakeSigns.MissedStepPrefix.Length..] && !s.Covered),
                _ => false,
            };
            if (fired)
            {
                evidence.Add(sign);
            }
        }
        return new MistakeFinding(mistake.Text, evidence.Count > 0, evidence);
    }

    private const string QuantifiesHabit = "Quantifies impact";
    private const string AssumptionsHabit = "States assumptions";
    private const string TradeOffHabit = "Names a trade-off or guardrail";
    private const string FirstPersonHabit = "Says \"I\" for own actions";

    /// <summary>Coaches one answer against a framework, without an item's common mistakes.</summary>
    public static CoachReport Review(string answer, Framework framework, (int Min, int Max)? target = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var text = Normalise(answer ?? "");
        var sentences = SplitSentences(answer ?? "");
        var normalisedSentences = sentences.Select(Normalise).ToArray();

        var steps = framework.Steps.Select(step =>
        {
            var matchedSentences = new List<string>();
            var matchedCues = new SortedSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < sentences.Count; i++)
            {
                var cues = step.Cues.Where(c => ContainsCue(normalisedSentences[i], Normalise(c))).ToList();
                if (cues.Count > 0)
                {
                    matchedSentences.Add(sentences[i]);
                    matchedCues.UnionWith(cues);
                }
            }
            return new StepCoverage(step.Id, step.Name, matchedSentences.Count > 0, matchedSentences, [.. matchedCues]);
        }).ToList();

        var numbers = NumberPattern().Matches(answer ?? "").Select(m => m.Value.Trim()).Distinct().ToList();
        var firstPerson = FirstPersonPattern().Matches(answer ?? "").Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        var habits = new List<HabitCheck>
        {
            new(QuantifiesHabit, numbers.Count > 0, numbers,
                "Put a number on the result or the stakes: a rate, a size, a change in %."),
            new(AssumptionsHabit, Found(text, AssumptionCues, out var assumptions), assumptions,
                "Say out loud what you take as given (\"I assume…\") so the interviewer can adjust it."),
            new(TradeOffHabit, Found(text, TradeOffCues, out var tradeOffs), tradeOffs,
                "Name what could get worse and how you'd watch it: a guardrail metric or the cost of the choice."),
            new(FirstPersonHabit, FirstPersonPattern().Matches(answer ?? "").Count >= 2, firstPerson,
                "Use \"I\" for what you did; \"we\" hides your part."),
        };

        var (min, max) = target ?? DefaultTarget;
        var words = CountWords(answer ?? "");
        var length = words < min ? LengthVerdict.TooShort : words > max ? LengthVerdict.TooLong : LengthVerdict.WithinTarget;
        return new CoachReport(steps, habits, words, length, min, max);
    }

    /// <summary>Counts whitespace-separated words.</summary>
    public static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Splits text into sentences at . ! ? or line breaks, keeping decimals like 1.8 whole.</summary>
    public static IReadOnlyList<string> SplitSentences(string text) =>
        [.. SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0)];

    // A cue matches at the start of a word; its end may run on, so "randomis" matches "randomised".
    // Cues that begin with a non-letter (such as "%") match anywhere. Signals use the same rule.
    private static bool ContainsCue(string sentence, string cue) => Signals.Phrases.Contains(sentence, cue);

    private static bool Found(string text, string[] cues, out List<string> found)
    {
        found = [.. cues.Where(c => ContainsCue(text, c))];
        return found.Count > 0;
    }

    private static string Normalise(string text) => Signals.Phrases.Normalise(text);

    [GeneratedRegex(@"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*[-*] )")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[$€£]?\d[\d,]*(\.\d+)?\s?(%|percent|x\b|k\b|m\b|ms\b|points?\b|pp\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(I|I'm|I'd|I've|I'll|I’m|I’d|I’ve|I’ll)\b")]
    private static partial Regex FirstPersonPattern();
}

using System.Text.RegularExpressions;

namespace DsLoop.Judge.Judging;

/// <summary>
/// The habits interviewers listen for. First person and quantification are read from the words; assumptions and
/// trade-offs are targets judged by meaning, with authored exemplars.
/// </summary>
internal static partial class Habits
{
    public const string Quantifies = "Quantifies impact";
    public const string Assumptions = "States assumptions";
    public const string TradeOffs = "Names a trade-off or guardrail";
    public const string FirstPerson = "Says \"I\" for own actions";

    public static readonly JudgeTarget AssumptionTarget = new("assumptions", Assumptions,
    [
        "I'm assuming the events are logged the same way on every platform.",
        "My working assumption is that traffic stays roughly flat while the test runs.",
        "If that holds the plan works; if it doesn't, I would change the unit of randomization.",
        "Before anything else I would confirm with the team how the metric is defined today.",
        "This rests on the assumption that users do not switch devices during the test.",
        "I'd take it as given that the pipeline is complete, and verify that first.",
    ],
    ["i assume", "assuming", "let's assume", "my assumption", "i'd confirm", "i would confirm", "given that", "provided that"]);

    public static readonly JudgeTarget TradeOffTarget = new("trade-offs", TradeOffs,
    [
        "The cost of waiting two more weeks is small next to shipping a false win.",
        "We gain precision but we lose speed, and I think that is the right call here.",
        "A stricter threshold catches more fraud but blocks more good customers.",
        "I would watch retention as a guardrail so the gain does not come at its expense.",
        "The downside of the simpler model is a little accuracy, which buys a lot of interpretability.",
        "Shipping faster risks a regression that we would only see weeks later.",
    ],
    ["trade-off", "tradeoff", "trade off", "guardrail", "at the cost of", "downside", "at the expense"]);

    /// <summary>"I", "I'd", "my"… anywhere: one is enough to show the candidate owns the work.</summary>
    public static IReadOnlyList<string> FirstPersonWords(string text) =>
        [.. FirstPersonPattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Numbers that carry a magnitude or a rate (a %, points, an amount, a count of users, a multiple). A duration,
    /// a date, a year or a day index on its own ("7 days", "day-7", "2023", "Q3") is not a quantified impact.
    /// </summary>
    public static IReadOnlyList<string> Magnitudes(string text) =>
        [.. NumberPattern().Matches(text)
            .Where(m => !IsDurationOrDate(text, m))
            .Select(m => m.Value.Trim())
            .Distinct(StringComparer.Ordinal)];

    private static bool IsDurationOrDate(string text, Match m)
    {
        var after = text[(m.Index + m.Length)..].TrimStart(' ', '-');
        var before = text[..m.Index].TrimEnd(' ', '-');
        var value = m.Value.Trim();
        var isPlain = !value.Contains('%', StringComparison.Ordinal) && !value.Contains('$', StringComparison.Ordinal)
            && !value.Contains('€', StringComparison.Ordinal) && !value.Contains('£', StringComparison.Ordinal)
            && !value.EndsWith("pp", StringComparison.OrdinalIgnoreCase) && !value.Contains("point", StringComparison.OrdinalIgnoreCase)
            && !value.EndsWith('x') && !value.EndsWith('k') && !value.EndsWith('m');
        return isPlain && (TimeUnit().IsMatch(after) || DayIndex().IsMatch(before) || Year().IsMatch(value));
    }

    [GeneratedRegex(@"(?<![\w.])[$€£]?\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|x\b|k\b|m\b|pp\b|points?\b|percentage points?\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|business days?|weekdays?|sprints?|am|pm|st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeUnit();

    [GeneratedRegex(@"\b(?:day|week|month|quarter|q|d|w|version|v|step|round|phase|top|p)$", RegexOptions.IgnoreCase)]
    private static partial Regex DayIndex();

    [GeneratedRegex(@"^(?:19|20)\d\d$")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:I['’](?:m|d|ve|ll)|I|[Mm]y|me|myself)\b")]
    private static partial Regex FirstPersonPattern();
}

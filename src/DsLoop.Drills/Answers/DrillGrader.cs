namespace DsLoop.Drills.Answers;

/// <summary>What became of an answer.</summary>
public enum VerdictKind
{
    /// <summary>Within tolerance of the exact answer.</summary>
    Correct,

    /// <summary>Parsed, but not the answer.</summary>
    Wrong,

    /// <summary>Not readable in the drill's format; nothing is graded or stored.</summary>
    Refused,
}

/// <summary>The grade of one answer to one drill.</summary>
/// <param name="Kind">Correct, wrong or refused.</param>
/// <param name="Given">The parsed answer, or null when refused.</param>
/// <param name="Message">One line for the candidate: the refusal reason, or how the answer compares.</param>
/// <param name="Mistake">The known mistake the answer matches, or null.</param>
public sealed record Verdict(VerdictKind Kind, double? Given, string Message, KnownMistake? Mistake);

/// <summary>Grades an answer against a drill: parse, compare within tolerance, and name a known mistake it matches.</summary>
public static class DrillGrader
{
    /// <summary>Grades <paramref name="answer"/> as typed.</summary>
    public static Verdict Grade(Drill drill, string? answer)
    {
        ArgumentNullException.ThrowIfNull(drill);
        var parsed = AnswerParser.Parse(answer, drill.Format);
        if (parsed.Value is not { } given)
        {
            return new Verdict(VerdictKind.Refused, null, parsed.Error!, null);
        }
        if (drill.Format.Tolerance.Accepts(drill.Answer, given))
        {
            return new Verdict(VerdictKind.Correct, given, $"Correct: the answer is {drill.AnswerText}.", null);
        }
        var mistake = drill.Mistakes.FirstOrDefault(m => drill.Format.Tolerance.Accepts(m.Value, given));
        return mistake is null
            ? new Verdict(VerdictKind.Wrong, given, $"Not quite: the answer is {drill.AnswerText}.", null)
            : new Verdict(VerdictKind.Wrong, given, $"Not quite ({mistake.Name}): {mistake.Feedback} The answer is {drill.AnswerText}.", mistake);
    }
}

using DsLoop.Core;
using DsLoop.Drills;
using DsLoop.Drills.Answers;

namespace DsLoop.App.Drills;

/// <summary>A candidate's record on one drill family.</summary>
/// <param name="Id">The family's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Answered">Drills of the family answered (drills started and left are not counted).</param>
/// <param name="Right">Of those, answered right.</param>
/// <param name="Last">When the latest answer arrived, or null when none has.</param>
public sealed record DrillFamilyRecord(string Id, string Title, int Answered, int Right, DateTimeOffset? Last);

/// <summary>The families of one part of the statistics round, with the candidate's record on each.</summary>
/// <param name="Area">The part of the round.</param>
/// <param name="Title">Its name on the page.</param>
/// <param name="Families">Its families, in catalogue order.</param>
public sealed record DrillAreaGroup(DrillArea Area, string Title, IReadOnlyList<DrillFamilyRecord> Families);

/// <summary>What a drill shows before it is answered: the question and the answer format, never the answer.</summary>
/// <param name="Family">The family's id.</param>
/// <param name="Title">The family's title.</param>
/// <param name="Area">The part of the round it belongs to, in words.</param>
/// <param name="Paragraphs">The prompt, one paragraph per entry, without the closing format line (see <paramref name="Format"/>).</param>
/// <param name="Format">The expected answer format and tolerance in words.</param>
/// <param name="Choices">A choice drill's labels, in order; empty for a number.</param>
public sealed record DrillSheet(string Family, string Title, string Area, IReadOnlyList<string> Paragraphs, string Format, IReadOnlyList<string> Choices);

/// <summary>What a drill shows once answered.</summary>
/// <param name="Correct">Whether the answer was right.</param>
/// <param name="Answer">The answer as typed.</param>
/// <param name="Message">The grader's one line.</param>
/// <param name="ExactAnswer">The exact answer as the format writes it.</param>
/// <param name="Solution">The worked solution, one paragraph per entry.</param>
/// <param name="MistakeName">The known mistake the answer matched, or null.</param>
/// <param name="MistakeFeedback">What that mistake means, or null.</param>
/// <param name="Seconds">Seconds from drawing the drill to answering it, by the server's clock.</param>
public sealed record DrillReveal(
    bool Correct, string Answer, string Message, string ExactAnswer, IReadOnlyList<string> Solution, string? MistakeName, string? MistakeFeedback, long Seconds);

/// <summary>One stored drill attempt: the row, its payload, the drill rebuilt from its seed on the server, and the result once answered.</summary>
/// <param name="Attempt">The stored attempt.</param>
/// <param name="Payload">Its drill payload.</param>
/// <param name="Sheet">The question as shown.</param>
/// <param name="Reveal">The result, answer and worked solution; null until answered.</param>
public sealed record DrillAttempt(Attempt Attempt, DrillAnswer Payload, DrillSheet Sheet, DrillReveal? Reveal)
{
    /// <summary>The attempt's id.</summary>
    public string Id => Attempt.Id;
}

/// <summary>Words for drill areas and formats, shared by the pages and the loop.</summary>
public static class DrillText
{
    /// <summary>The area's name on the page.</summary>
    public static string AreaTitle(DrillArea area) => area switch
    {
        DrillArea.ExperimentDesign => "Experiment design",
        DrillArea.Readout => "Readouts",
        _ => "Probability",
    };

    /// <summary>The question of <paramref name="drill"/> as shown before answering.</summary>
    public static DrillSheet Sheet(Drill drill, DrillArea area)
    {
        ArgumentNullException.ThrowIfNull(drill);
        // The prompt ends with "Answer with <format>."; the page shows the format with the answer box instead.
        var paragraphs = Paragraphs(drill.Prompt);
        if (paragraphs.Count > 1 && paragraphs[^1].StartsWith("Answer with ", StringComparison.Ordinal))
        {
            paragraphs = [.. paragraphs.Take(paragraphs.Count - 1)];
        }
        return new(drill.Family, drill.Title, AreaTitle(area), paragraphs, drill.Format.Describe(), drill.Format.Choices);
    }

    /// <summary>The result of <paramref name="verdict"/> on <paramref name="drill"/>, with the exact answer and the worked solution.</summary>
    public static DrillReveal Reveal(Drill drill, Verdict verdict, string answer, long seconds) =>
        new(verdict.Kind == VerdictKind.Correct, answer, verdict.Message, drill.AnswerText, Paragraphs(drill.Solution),
            verdict.Mistake?.Name, verdict.Mistake?.Feedback, seconds);

    /// <summary>The refusal of an unreadable answer, naming the expected format.</summary>
    public static string Unreadable(Drill drill, Verdict verdict) =>
        $"{verdict.Message} Expected: {drill.Format.Describe()}. Nothing was graded or stored.";

    /// <summary>Splits plain text into paragraphs at blank lines.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

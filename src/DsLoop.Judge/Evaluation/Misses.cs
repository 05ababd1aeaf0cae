using DsLoop.Content.Coaching;

namespace DsLoop.Judge.Evaluation;

/// <summary>Where a report disagrees with one answer's labels: what to look at when tuning on the calibration half.</summary>
/// <param name="Source">File and answer id.</param>
/// <param name="Kind">The answer's labelled kind.</param>
/// <param name="Rating">The interviewer's 1–4 rating.</param>
/// <param name="Judged">The report's 1–4 rating.</param>
/// <param name="MissedSteps">Steps the labels say are covered and the report did not credit.</param>
/// <param name="FalseSteps">Steps the report credited that the labels say are not covered, with the sentence that earned each.</param>
/// <param name="OffTopic">"missed" for an off-topic answer not flagged, "false" for another answer flagged, else empty.</param>
/// <param name="Numbers">"missed" for a wrong-number answer with no wrong number flagged, "false" for another answer with one, else empty.</param>
/// <param name="Relevance">The relevance similarity the report gave, when it has one.</param>
/// <param name="NumberNotes">The report's number verdicts, one line each.</param>
public sealed record AnswerMiss(
    string Source, AnswerKind Kind, int Rating, double Judged, IReadOnlyList<string> MissedSteps, IReadOnlyList<string> FalseSteps,
    string OffTopic, string Numbers, double? Relevance, IReadOnlyList<string> NumberNotes)
{
    /// <summary>True when the report agrees with every label this listing checks.</summary>
    public bool Agrees => MissedSteps.Count == 0 && FalseSteps.Count == 0 && OffTopic.Length == 0 && Numbers.Length == 0;
}

/// <summary>Lists, answer by answer, where a scorer disagrees with the labels.</summary>
public static class Misses
{
    /// <summary>One <see cref="AnswerMiss"/> per answer that disagrees somewhere, in the set's order.</summary>
    public static IReadOnlyList<AnswerMiss> Find(IReadOnlyList<LabelledAnswer> answers, Func<LabelledAnswer, CoachReport> scorer)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(scorer);
        return [.. answers.Select(a => Compare(a, scorer(a))).Where(m => !m.Agrees)];
    }

    /// <summary>Compares one report with its answer's labels.</summary>
    public static AnswerMiss Compare(LabelledAnswer answer, CoachReport report)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(report);
        var labelled = answer.Steps.ToHashSet(StringComparer.Ordinal);
        var missed = report.Steps.Where(s => !s.Covered && labelled.Contains(s.StepId)).Select(s => s.StepId).ToList();
        var credited = report.Steps
            .Where(s => s.Covered && !labelled.Contains(s.StepId))
            .Select(s => s.Sentences.Count == 0 ? s.StepId : $"{s.StepId} ← \"{s.Sentences[0]}\"")
            .ToList();
        var offTopicFlag = report.Relevance?.OffTopic == true;
        var offTopic = answer.Kind == AnswerKind.OffTopic
            ? (offTopicFlag ? "" : "missed")
            : (offTopicFlag ? "false" : "");
        var numberFlag = report.Numbers.Any(n => n.Wrong);
        var numbers = answer.Kind == AnswerKind.WrongNumber
            ? (numberFlag ? "" : "missed")
            : (numberFlag ? "false" : "");
        var notes = report.Numbers.Select(n => $"{n.Verdict}: {n.Claim}").ToList();
        return new AnswerMiss(answer.Source, answer.Kind, answer.Rating, report.OnFourPointScale, missed, credited, offTopic, numbers, report.Relevance?.Similarity, notes);
    }
}

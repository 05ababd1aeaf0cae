namespace DsLoop.Content.Coaching;

/// <summary>Whether one framework step shows in the answer, and the evidence.</summary>
/// <param name="StepId">The step's id.</param>
/// <param name="StepName">The step's display name.</param>
/// <param name="Covered">True when at least one sentence carries one of the step's cues.</param>
/// <param name="Sentences">The sentences that matched, in answer order.</param>
/// <param name="Cues">The cues that matched.</param>
public sealed record StepCoverage(string StepId, string StepName, bool Covered, IReadOnlyList<string> Sentences, IReadOnlyList<string> Cues)
{
    /// <summary>The judge's best similarity (cosine, cue bonus included) between a sentence and the step; null from the cue coach.</summary>
    public double? Similarity { get; init; }

    /// <summary>Why the step was or was not credited, in one sentence for the candidate; null from the cue coach.</summary>
    public string? Why { get; init; }
}

/// <summary>One habit US interviewers listen for, and the words that showed it.</summary>
/// <param name="Name">What is checked, e.g. "Quantifies impact".</param>
/// <param name="Present">True when the answer shows it.</param>
/// <param name="Evidence">The words or numbers that showed it.</param>
/// <param name="Advice">What to do when it is missing.</param>
public sealed record HabitCheck(string Name, bool Present, IReadOnlyList<string> Evidence, string Advice);

/// <summary>Whether the answer seems to make one of the item's common mistakes, and what gave it away.</summary>
/// <param name="Mistake">The mistake as the content states it.</param>
/// <param name="Seems">True when at least one of its signs fired.</param>
/// <param name="Evidence">The phrases found or the coach findings that fired.</param>
public sealed record MistakeFinding(string Mistake, bool Seems, IReadOnlyList<string> Evidence);

/// <summary>Whether the answer is about the question at all.</summary>
/// <param name="Similarity">Mean best similarity of the answer's sentences to the question and its model answer.</param>
/// <param name="OffTopic">True when it is too far from both to be an answer to this question.</param>
/// <param name="Explanation">One sentence for the candidate.</param>
public sealed record RelevanceCheck(double Similarity, bool OffTopic, string Explanation);

/// <summary>A number the candidate committed to, checked with the statistics engine.</summary>
/// <param name="Sentence">The sentence it came from.</param>
/// <param name="Claim">The claim in words.</param>
/// <param name="Verdict">consistent, wrong or unchecked.</param>
/// <param name="Explanation">One sentence for the candidate, with the right figure when it is wrong.</param>
public sealed record NumberNote(string Sentence, string Claim, string Verdict, string Explanation)
{
    /// <summary>True when the number is wrong.</summary>
    public bool Wrong => Verdict == "wrong";
}

/// <summary>How long the answer is against the spoken target.</summary>
public enum LengthVerdict
{
    /// <summary>Under the target: likely too thin to cover the framework.</summary>
    TooShort,
    /// <summary>Within the target range.</summary>
    WithinTarget,
    /// <summary>Over the target: likely to lose the listener.</summary>
    TooLong,
}

/// <summary>The coach's explainable verdict on one answer.</summary>
/// <param name="Steps">Coverage of each framework step, in framework order.</param>
/// <param name="Habits">The habit checks.</param>
/// <param name="Words">Word count.</param>
/// <param name="Length">Length against the target.</param>
/// <param name="TargetMin">The fewest words in the target range.</param>
/// <param name="TargetMax">The most words in the target range.</param>
public sealed record CoachReport(
    IReadOnlyList<StepCoverage> Steps,
    IReadOnlyList<HabitCheck> Habits,
    int Words,
    LengthVerdict Length,
    int TargetMin,
    int TargetMax)
{
    /// <summary>The item's common mistakes, checked against the answer. Empty when none were given.</summary>
    public IReadOnlyList<MistakeFinding> Mistakes { get; init; } = [];

    /// <summary>The judge's 1–4 rating (4 strong, 3 meets the bar, 2 below, 1 no signal); null from the cue coach.</summary>
    public double? Rating { get; init; }

    /// <summary>Who judged: the semantic judge and its model, or null for the cue coach alone.</summary>
    public string? JudgedBy { get; init; }

    /// <summary>The level the answer was judged at (<c>ds</c> or <c>senior</c>); null from the cue coach.</summary>
    public string? Level { get; init; }

    /// <summary>Whether the answer is on the question; null from the cue coach.</summary>
    public RelevanceCheck? Relevance { get; init; }

    /// <summary>The numbers the answer commits to, checked.</summary>
    public IReadOnlyList<NumberNote> Numbers { get; init; } = [];

    /// <summary>At senior level, what a Senior adds (scope, influence, standards, the item's addendum) and whether it showed.</summary>
    public IReadOnlyList<StepCoverage> SeniorPoints { get; init; } = [];

    /// <summary>Findings about the answer as a whole, e.g. that it is dense with framework words and short on content.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The report on the interviewer's 1–4 scale: the judge's rating, or the cue coach's 0–1 score mapped linearly.</summary>
    public double OnFourPointScale => Rating ?? (1 + (3 * Score));

    /// <summary>Share of framework steps covered, 0–1.</summary>
    public double StepScore => Steps.Count == 0 ? 0 : (double)Steps.Count(s => s.Covered) / Steps.Count;

    /// <summary>
    /// A 0–1 summary. From the judge it is the 1–4 rating mapped onto 0–1; from the cue coach alone, framework coverage
    /// counts for 70%, habits for 20% and length for 10%, which orders answers but does not grade their truth.
    /// </summary>
    public double Score => Rating is { } rating ? (rating - 1) / 3 :
        (0.7 * StepScore)
        + (0.2 * (Habits.Count == 0 ? 0 : (double)Habits.Count(h => h.Present) / Habits.Count))
        + (Length == LengthVerdict.WithinTarget ? 0.1 : 0);

    /// <summary>The steps the answer did not show.</summary>
    public IEnumerable<StepCoverage> MissedSteps => Steps.Where(s => !s.Covered);
}

namespace DsLoop.Content.Coaching;

/// <summary>Whether one framework step shows in the answer, and the evidence.</summary>
/// <param name="StepId">The step's id.</param>
/// <param name="StepName">The step's display name.</param>
/// <param name="Covered">True when at least one sentence carries one of the step's cues.</param>
/// <param name="Sentences">The sentences that matched, in answer order.</param>
/// <param name="Cues">The cues that matched.</param>
public sealed record StepCoverage(string StepId, string StepName, bool Covered, IReadOnlyList<string> Sentences, IReadOnlyList<string> Cues);

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

    /// <summary>Share of framework steps covered, 0–1.</summary>
    public double StepScore => Steps.Count == 0 ? 0 : (double)Steps.Count(s => s.Covered) / Steps.Count;

    /// <summary>
    /// A 0–1 summary: framework coverage counts for 70%, habits for 20% and length for 10%.
    /// It orders answers; it is not a grade of their truth.
    /// </summary>
    public double Score =>
        (0.7 * StepScore)
        + (0.2 * (Habits.Count == 0 ? 0 : (double)Habits.Count(h => h.Present) / Habits.Count))
        + (Length == LengthVerdict.WithinTarget ? 0.1 : 0);

    /// <summary>The steps the answer did not show.</summary>
    public IEnumerable<StepCoverage> MissedSteps => Steps.Where(s => !s.Covered);
}

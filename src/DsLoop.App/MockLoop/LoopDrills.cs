using DsLoop.App.Drills;
using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Drills;
using DsLoop.Drills.Answers;

namespace DsLoop.App.MockLoop;

/// <summary>
/// Fills a loop's <c>stats-exercise</c> slots with statistics drills instead of the bank's stand-in questions. In a
/// statistics and experimentation round a Data Scientist loop draws from every family (design, readouts and
/// probability); a Senior loop from experiment design and readouts, plus Bayes' rule in a trust-and-safety loop, where
/// base rates are the daily work. In any other round a slot draws probability families. Every drill evidences
/// Statistics &amp; experimentation.
/// </summary>
public sealed class DrillLoopExercises : ILoopExerciseProvider
{
    /// <inheritdoc/>
    public LoopSlotKind Kind => LoopSlotKind.StatsExercise;

    /// <inheritdoc/>
    public IReadOnlyList<LoopCandidate> Candidates(LoopTemplate template, LoopRound round, LoopSlot slot)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(round);
        return [.. DrillCatalog.Families.Where(f => Fits(template, round.Kind, f))
            .Select(f => new LoopCandidate(f.Id, f.Title, LoopSlotKind.StatsExercise, [Dimension.StatisticsExperimentation]))];
    }

    /// <summary>True when drills of <paramref name="family"/> suit a round of <paramref name="round"/> in <paramref name="template"/>.</summary>
    public static bool Fits(LoopTemplate template, Round round, IDrillFamily family)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(family);
        if (round != Round.StatisticsExperimentation)
        {
            return family.Area == DrillArea.Probability;
        }
        return template.Level != Level.SeniorDataScientist
            || family.Area != DrillArea.Probability
            || (template.Variant == CompanyVariant.TrustAndSafety && family.Id == "bayes");
    }
}

/// <summary>Drills inside a loop: the question from the exercise's family and seed, grading, and the result after the round.</summary>
public static class LoopDrills
{
    /// <summary>The drill behind an exercise, rebuilt on the server from its family and seed; null when it is not a drill.</summary>
    public static Drill? DrillOf(ExerciseState item) =>
        item is { IsDrill: true, DrillSeed: { } seed } && DrillCatalog.Find(item.Id) is { } family ? family.Generate(seed) : null;

    /// <summary>The question as the running round shows it (never the answer).</summary>
    public static DrillSheet? Sheet(ExerciseState item) =>
        DrillOf(item) is { } drill ? DrillText.Sheet(drill, DrillCatalog.Find(drill.Family)!.Area) : null;

    /// <summary>The result, exact answer and worked solution, for the round's review once it has ended.</summary>
    public static DrillReveal? Reveal(ExerciseState item) =>
        item.Answered && DrillOf(item) is { } drill
            ? DrillText.Reveal(drill, DrillGrader.Grade(drill, item.Answer), item.Answer!, 0)
            : null;

    /// <summary>Why <paramref name="answer"/> can't be read for the exercise's drill (naming the expected format), or null when it can.</summary>
    public static string? Refusal(ExerciseState item, string? answer) =>
        DrillOf(item) is { } drill && DrillGrader.Grade(drill, answer) is { Kind: VerdictKind.Refused } verdict
            ? DrillText.Unreadable(drill, verdict)
            : null;

    /// <summary>Grades the exercise's answer exactly and records the verdict on it.</summary>
    public static void Grade(ExerciseState item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (DrillOf(item) is not { } drill)
        {
            item.Passed = false;
            item.Feedback = [$"the drill family '{item.Id}' is no longer built"];
            return;
        }
        var verdict = DrillGrader.Grade(drill, item.Answer);
        item.Passed = verdict.Kind == VerdictKind.Correct;
        item.DrillMistake = verdict.Mistake?.Name;
        item.Feedback = [verdict.Message];
    }
}

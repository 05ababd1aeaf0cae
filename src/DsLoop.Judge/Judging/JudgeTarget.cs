namespace DsLoop.Judge.Judging;

/// <summary>
/// Something the judge listens for: a framework step, a follow-up's expected point, a senior signal or a habit.
/// It is shown by a sentence close in meaning to one of its exemplars; its cue phrases add a bonus, never suffice.
/// </summary>
/// <param name="Id">Stable id (a step id, <c>point-2</c>, <c>scope</c>…).</param>
/// <param name="Name">What the candidate sees.</param>
/// <param name="Exemplars">Sentences that show it.</param>
/// <param name="Cues">Phrases that suggest it, matched at word starts like the cue coach's.</param>
internal sealed record JudgeTarget(string Id, string Name, IReadOnlyList<string> Exemplars, IReadOnlyList<string> Cues);

/// <summary>How a target fared in one answer.</summary>
/// <param name="Target">The target.</param>
/// <param name="Covered">True when a sentence with content showed it.</param>
/// <param name="Score">The best sentence's similarity plus the cue bonus.</param>
/// <param name="Evidence">The sentence that showed it, or came closest.</param>
/// <param name="Cues">Cue phrases found in that sentence.</param>
/// <param name="Why">One sentence explaining the verdict.</param>
internal sealed record TargetMatch(JudgeTarget Target, bool Covered, double Score, string? Evidence, IReadOnlyList<string> Cues, string Why);

using DsLoop.Drills.Answers;

namespace DsLoop.Drills;

/// <summary>A known wrong answer and what it says about the reasoning behind it.</summary>
/// <param name="Name">Short name of the error, e.g. "one-sided instead of two-sided".</param>
/// <param name="Value">The number that error produces for this drill.</param>
/// <param name="Feedback">What went wrong and how to fix it, in one or two sentences.</param>
public sealed record KnownMistake(string Name, double Value, string Feedback);

/// <summary>One drill: the numbers drawn from a seed, what is asked, the exact answer and how to get there.</summary>
/// <param name="Family">The family's id, e.g. "sample-size".</param>
/// <param name="Seed">The seed the numbers were drawn from; the same (family, seed) is always the same drill.</param>
/// <param name="Title">The family's title.</param>
/// <param name="Prompt">The question with its numbers, in plain text.</param>
/// <param name="Format">What answer is expected and how close it must be.</param>
/// <param name="Answer">The exact answer (for a choice, the index of the right choice).</param>
/// <param name="Solution">The worked solution, shown after answering.</param>
/// <param name="Mistakes">Known wrong answers with feedback; none lies within tolerance of <paramref name="Answer"/>.</param>
/// <param name="Parameters">The drawn numbers by name, for the reference fixtures.</param>
public sealed record Drill(
    string Family, int Seed, string Title, string Prompt, AnswerFormat Format, double Answer, string Solution,
    IReadOnlyList<KnownMistake> Mistakes, IReadOnlyDictionary<string, double> Parameters)
{
    /// <summary>The answer as the drill's format writes it (a choice's label, or the number).</summary>
    public string AnswerText => Format.Write(Answer);
}

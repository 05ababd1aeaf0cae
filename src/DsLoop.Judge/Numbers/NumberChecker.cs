using DsLoop.Content.Coaching;

namespace DsLoop.Judge.Numbers;

/// <summary>Placeholder replaced by the numbers branch.</summary>
public static class NumberChecker
{
    /// <summary>Checks the numbers an answer commits to.</summary>
    public static IReadOnlyList<NumberNote> Check(string answer) => [];
}

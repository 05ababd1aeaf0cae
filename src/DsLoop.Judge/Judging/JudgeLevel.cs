namespace DsLoop.Judge.Judging;

/// <summary>The level an answer is judged at.</summary>
public enum JudgeLevel
{
    /// <summary>Data Scientist: the framework's steps, the habits, the item's mistakes and numbers.</summary>
    Ds,
    /// <summary>Senior Data Scientist: all of that, plus scope, influence, standards and the item's senior addendum.</summary>
    Senior,
}

namespace DsLoop.Content;

/// <summary>
/// Reverse questions: the items where the candidate asks the interviewer something ("What would you ask the hiring
/// manager?"). The candidate is asking, not answering, so signal detectors skip them and only a slot that asks for
/// them draws them.
/// </summary>
public static class ReverseQuestions
{
    /// <summary>The framework reverse questions follow.</summary>
    public const string FrameworkId = "reverse-question";

    /// <summary>The folder of the bank that holds them.</summary>
    public const string Folder = "reverse-questions";

    /// <summary>True when the item follows the reverse-question framework or lives in the reverse-questions folder.</summary>
    public static bool Is(QuestionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.FrameworkId == FrameworkId
            || item.Source.File.Replace('\\', '/').Split('/').Contains(Folder, StringComparer.Ordinal);
    }
}

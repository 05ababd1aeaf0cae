using System.Globalization;

namespace DsLoop.App.MockLoop;

/// <summary>
/// The candidate's free notes on a loop (the recruiter-screen prep and the company red-flags notes): their limit is on
/// the text as sent, so padding is refused rather than trimmed away or cut silently.
/// </summary>
public static class LoopNotes
{
    /// <summary>The most characters one note may have.</summary>
    public const int MaxLength = 4_000;

    /// <summary>The message for the first field over the limit, naming it, or null when every field fits.</summary>
    public static string? FirstTooLong(params ReadOnlySpan<(string Field, string? Text)> fields)
    {
        foreach (var (field, text) in fields)
        {
            if (text?.Length > MaxLength)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{field} is {text.Length:N0} characters; the limit is {MaxLength:N0}.");
            }
        }
        return null;
    }

    /// <summary>The note as kept: trimmed, or null when nothing is left.</summary>
    public static string? Keep(string? text) => (text ?? "").Trim() is { Length: > 0 } kept ? kept : null;
}

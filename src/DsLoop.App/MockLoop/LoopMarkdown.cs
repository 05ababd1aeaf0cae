using System.Globalization;
using System.Text;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Scorecard;

namespace DsLoop.App.MockLoop;

/// <summary>The company red flags a candidate checks after a loop: the bank's red-flag drills.</summary>
public static class RedFlagChecklist
{
    /// <summary>The framework of the red-flag drills.</summary>
    public const string FrameworkId = "company-red-flags";

    /// <summary>The red-flag drills, by title.</summary>
    public static IReadOnlyList<QuestionItem> Items(ContentBank content) =>
        [.. content.Items.Where(i => i.FrameworkId == FrameworkId).OrderBy(i => i.Title, StringComparer.Ordinal)];

    /// <summary>A red-flag title without its "Red flag:" prefix and quotes.</summary>
    public static string Short(QuestionItem item) =>
        item.Title.StartsWith("Red flag: ", StringComparison.Ordinal) ? item.Title["Red flag: ".Length..] : item.Title;
}

/// <summary>The scorecard Markdown with the loop's header, round times and red-flags checklist.</summary>
public static class LoopMarkdown
{
    /// <summary>The finished run's scorecard as Markdown.</summary>
    public static string Write(LoopState state, LoopRun run, ContentBank content)
    {
        var md = new StringBuilder(ScorecardMarkdown.Write(state.Scorecard!, $"{state.TemplateName}: scorecard"));
        md.Append(CultureInfo.InvariantCulture, $"\nLoop started {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, seed {state.Seed}{(state.Pressure ? ", interviewer pressure on" : "")}.\n");
        md.Append("\n## Rounds\n\n");
        foreach (var round in state.Rounds)
        {
            var ended = round.EndReason switch
            {
                RoundEnd.TimeUp => "time ran out",
                RoundEnd.EndedEarly => "ended early",
                RoundEnd.Skipped => "skipped",
                _ => "completed",
            };
            md.Append(CultureInfo.InvariantCulture, $"- {round.Title} ({round.Minutes} min): {ended}; {round.Items.Count(i => i.Answered)} of {round.Items.Count} answered\n");
        }
        if (state.RedFlagsSavedAt is not null)
        {
            md.Append("\n## Company red flags noticed\n\n");
            var items = RedFlagChecklist.Items(content).Where(i => state.RedFlags.Contains(i.Id)).ToList();
            md.Append(items.Count == 0 ? "- none\n" : string.Concat(items.Select(i => $"- {RedFlagChecklist.Short(i)}\n")));
            if (state.RedFlagNotes is { } notes)
            {
                md.Append(CultureInfo.InvariantCulture, $"\nNotes: {notes.ReplaceLineEndings(" ")}\n");
            }
        }
        return md.ToString();
    }
}

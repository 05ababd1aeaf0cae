using System.Globalization;
using System.Text;
using System.Text.Json;
using DsLoop.App.Attempts;
using DsLoop.App.Practice;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;

namespace DsLoop.App.Progress;

/// <summary>One attempt in the history export, its payload as stored.</summary>
/// <param name="Id">The attempt's id.</param>
/// <param name="ItemId">The question, problem or case answered.</param>
/// <param name="Title">The item's title, when the bank still has it.</param>
/// <param name="Kind">The kind of attempt.</param>
/// <param name="StartedAt">When it began.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="Score">Its 0–1 score, where one applies.</param>
/// <param name="Payload">What the attempt records.</param>
public sealed record ExportedAttempt(
    string Id, string ItemId, string? Title, string Kind, DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, double? Score, JsonElement Payload);

/// <summary>One review schedule in the history export.</summary>
/// <param name="ItemId">The item reviewed.</param>
/// <param name="DueAt">When it is next due.</param>
/// <param name="UpdatedAt">When it last moved.</param>
/// <param name="State">The scheduler's state.</param>
public sealed record ExportedSchedule(string ItemId, DateTimeOffset DueAt, DateTimeOffset UpdatedAt, JsonElement State);

/// <summary>Everything one user did.</summary>
/// <param name="UserName">Whose history it is.</param>
/// <param name="ExportedAt">When it was taken.</param>
/// <param name="Attempts">Every attempt, newest first.</param>
/// <param name="Schedules">Every review schedule.</param>
public sealed record Export(string UserName, DateTimeOffset ExportedAt, IReadOnlyList<ExportedAttempt> Attempts, IReadOnlyList<ExportedSchedule> Schedules);

/// <summary>The user's whole history, as JSON or Markdown: everything the user did, and nothing else.</summary>
/// <param name="store">Where the history lives.</param>
/// <param name="content">Titles of the items.</param>
/// <param name="clock">The export's time stamp.</param>
public sealed class HistoryExport(IAppStore store, ContentBank content, TimeProvider clock)
{
    /// <summary>Reads every attempt and schedule of <paramref name="userId"/>.</summary>
    public async Task<Export> BuildAsync(string userId, string userName, CancellationToken cancellationToken)
    {
        var attempts = await Pages.AllAsync(cursor => store.ListAttemptsPageAsync(userId, new AttemptFilter(Pages.Whole) { Before = cursor }, cancellationToken));
        var schedules = await Pages.AllAsync(cursor => store.ListDuePageAsync(userId, new DueFilter(DateTimeOffset.MaxValue, Pages.Whole) { After = cursor }, cancellationToken));
        return new Export(
            userName,
            clock.GetUtcNow(),
            [.. attempts.Select(a => new ExportedAttempt(a.Id, a.ItemId, content.ItemsById.GetValueOrDefault(a.ItemId)?.Title, a.Kind.ToString(),
                a.StartedAt, a.SubmittedAt, a.Score, JsonDocument.Parse(a.PayloadJson).RootElement.Clone()))],
            [.. schedules.Select(s => new ExportedSchedule(s.ItemId, s.DueAt, s.UpdatedAt, JsonDocument.Parse(s.StateJson).RootElement.Clone()))]);
    }

    /// <summary>The export as a Markdown document: answers quoted, coach steps ticked, other payloads as JSON.</summary>
    public static string ToMarkdown(Export export)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"# DsLoop history of {export.UserName}");
        md.AppendLine();
        md.AppendLine(inv, $"Exported {export.ExportedAt:yyyy-MM-dd HH:mm} UTC: {export.Attempts.Count} attempts, {export.Schedules.Count} scheduled items.");
        foreach (var attempt in export.Attempts.OrderBy(a => a.StartedAt))
        {
            md.AppendLine();
            md.AppendLine(inv, $"## {attempt.Title ?? attempt.ItemId} — {attempt.StartedAt:yyyy-MM-dd HH:mm} UTC");
            md.AppendLine();
            if (attempt.Kind == nameof(AttemptKind.OpenQuestion)
                && attempt.Payload.Deserialize<OpenAnswer>(AppJson.Options) is { } answer)
            {
                md.AppendLine(inv, $"{answer.Words} words in {answer.Seconds / 60}:{answer.Seconds % 60:00}; coach score {attempt.Score?.ToString("0.00", inv) ?? "–"}.");
                md.AppendLine();
                foreach (var line in answer.Answer.Split('\n'))
                {
                    md.AppendLine(inv, $"> {line}");
                }
                if (answer.Coach is { } coach)
                {
                    md.AppendLine();
                    foreach (var step in coach.Steps)
                    {
                        md.AppendLine(inv, $"- {(step.Covered ? "[x]" : "[ ]")} {step.StepName}");
                    }
                }
                if (answer.Rating is { } rating)
                {
                    md.AppendLine();
                    md.AppendLine(inv, $"Self-rating: **{rating.Overall}**; next review {rating.NextDue:yyyy-MM-dd HH:mm} UTC.");
                }
            }
            else
            {
                md.AppendLine("```json");
                md.AppendLine(attempt.Payload.GetRawText());
                md.AppendLine("```");
            }
        }
        return md.ToString();
    }
}

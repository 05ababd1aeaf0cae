using System.Globalization;
using System.Text;
using System.Text.Json;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Practice;

namespace DsLoop.Web.Features.Progress;

/// <summary>/progress/export.json and /progress/export.md: everything the signed-in user did, and nothing else.</summary>
internal static class HistoryExport
{
    internal sealed record ExportedAttempt(
        string Id, string ItemId, string? Title, string Kind, DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, double? Score, JsonElement Payload);

    internal sealed record ExportedSchedule(string ItemId, DateTimeOffset DueAt, DateTimeOffset UpdatedAt, JsonElement State);

    internal sealed record Export(string UserName, DateTimeOffset ExportedAt, IReadOnlyList<ExportedAttempt> Attempts, IReadOnlyList<ExportedSchedule> Schedules);

    public static void MapHistoryExport(this WebApplication app)
    {
        app.MapGet("/progress/export.json", async (HttpContext context, IAppStore store, ContentBank content, TimeProvider clock, CancellationToken ct) =>
        {
            var export = await BuildAsync(context, store, content, clock, ct);
            context.Response.Headers.ContentDisposition = "attachment; filename=\"dsloop-history.json\"";
            return Results.Json(export, JsonDefaults.Indented);
        }).RequireAuthorization();

        app.MapGet("/progress/export.md", async (HttpContext context, IAppStore store, ContentBank content, TimeProvider clock, CancellationToken ct) =>
        {
            var export = await BuildAsync(context, store, content, clock, ct);
            context.Response.Headers.ContentDisposition = "attachment; filename=\"dsloop-history.md\"";
            return Results.Text(ToMarkdown(export, content), "text/markdown; charset=utf-8");
        }).RequireAuthorization();
    }

    private static async Task<Export> BuildAsync(HttpContext context, IAppStore store, ContentBank content, TimeProvider clock, CancellationToken ct)
    {
        var userId = context.User.UserId();
        var attempts = await store.ListAttemptsAsync(userId, limit: 100_000, cancellationToken: ct);
        var schedules = await store.ListDueAsync(userId, DateTimeOffset.MaxValue, 100_000, ct);
        return new Export(
            context.User.Identity?.Name ?? "",
            clock.GetUtcNow(),
            [.. attempts.Select(a => new ExportedAttempt(a.Id, a.ItemId, content.ItemsById.GetValueOrDefault(a.ItemId)?.Title, a.Kind.ToString(),
                a.StartedAt, a.SubmittedAt, a.Score, JsonDocument.Parse(a.PayloadJson).RootElement.Clone()))],
            [.. schedules.Select(s => new ExportedSchedule(s.ItemId, s.DueAt, s.UpdatedAt, JsonDocument.Parse(s.StateJson).RootElement.Clone()))]);
    }

    internal static string ToMarkdown(Export export, ContentBank content)
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
                && attempt.Payload.Deserialize<OpenAnswer>(JsonDefaults.Options) is { } answer)
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

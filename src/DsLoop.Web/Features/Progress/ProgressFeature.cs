using DsLoop.App.Attempts;
using DsLoop.App.Progress;
using DsLoop.Web.Features.Account;

namespace DsLoop.Web.Features.Progress;

internal static class ProgressFeature
{
    /// <summary>My attempts and the history export.</summary>
    public static IServiceCollection AddProgress(this IServiceCollection services) => services.AddSingleton<HistoryExport>();

    /// <summary>/progress/export.json and /progress/export.md: everything the signed-in user did, and nothing else.</summary>
    public static void MapProgress(this WebApplication app)
    {
        app.MapGet("/progress/export.json", async (HttpContext context, HistoryExport export, CancellationToken ct) =>
        {
            var history = await export.BuildAsync(context.User.UserId(), context.User.Identity?.Name ?? "", ct);
            context.Response.Headers.ContentDisposition = "attachment; filename=\"dsloop-history.json\"";
            return Results.Json(history, AppJson.Indented);
        }).RequireAuthorization();

        app.MapGet("/progress/export.md", async (HttpContext context, HistoryExport export, CancellationToken ct) =>
        {
            var history = await export.BuildAsync(context.User.UserId(), context.User.Identity?.Name ?? "", ct);
            context.Response.Headers.ContentDisposition = "attachment; filename=\"dsloop-history.md\"";
            return Results.Text(HistoryExport.ToMarkdown(history), "text/markdown; charset=utf-8");
        }).RequireAuthorization();
    }
}

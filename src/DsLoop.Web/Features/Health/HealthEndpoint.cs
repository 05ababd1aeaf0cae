using DsLoop.Content;
using DsLoop.Store;

namespace DsLoop.Web.Features.Health;

internal static class HealthEndpoint
{
    /// <summary>/healthz: 200 when the store answers, 503 with the cause when it doesn't.</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", async (IAppStore store, ContentBank content, CancellationToken cancellationToken) =>
        {
            try
            {
                var schema = await store.GetSchemaVersionAsync(cancellationToken);
                return Results.Ok(new { status = "ok", store = store.Engine, schemaVersion = schema, items = content.Items.Count });
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                return Results.Json(new { status = "unavailable", store = store.Engine, error = e.Message.ReplaceLineEndings(" ") },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
}

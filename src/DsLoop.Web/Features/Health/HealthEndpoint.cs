using DsLoop.Content;
using DsLoop.Store;

namespace DsLoop.Web.Features.Health;

internal static class HealthEndpoint
{
    /// <summary>
    /// /healthz: 200 when the store answers, 503 "unavailable" when it doesn't. The cause goes to the server's log, never
    /// to the (anonymous) caller: a database message can name hosts, users and paths.
    /// </summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", async (IAppStore store, ContentBank content, ILoggerFactory logs, CancellationToken cancellationToken) =>
        {
            try
            {
                var schema = await store.GetSchemaVersionAsync(cancellationToken);
                return Results.Ok(new { status = "ok", store = store.Engine, schemaVersion = schema, items = content.Items.Count });
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                logs.CreateLogger("DsLoop.Health").LogError(e, "The {Engine} store did not answer the health check", store.Engine);
                return Results.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
}

using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Web.Features.Account;

namespace DsLoop.Web.Features.Health;

internal static class HealthEndpoint
{
    /// <summary>
    /// /healthz: 200 when the store answers, 503 "unavailable" when it doesn't. Anyone gets the status; only an admin
    /// (or the one user of local mode, who owns the machine) gets the engine, schema version and item count. The cause
    /// of a failure goes to the server's log, never to the caller: a database message can name hosts, users and paths.
    /// </summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", async (HttpContext context, IAppStore store, ContentBank content, AccountMode mode, ILoggerFactory logs, CancellationToken cancellationToken) =>
        {
            try
            {
                var schema = await store.GetSchemaVersionAsync(cancellationToken);
                var details = !mode.MultiUser || context.User.IsInRole(nameof(UserRole.Admin));
                return details
                    ? Results.Ok(new { status = "ok", store = store.Engine, schemaVersion = schema, items = content.Items.Count })
                    : Results.Ok(new { status = "ok" });
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                logs.CreateLogger("DsLoop.Health").LogError(e, "The {Engine} store did not answer the health check", store.Engine);
                return Results.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
}

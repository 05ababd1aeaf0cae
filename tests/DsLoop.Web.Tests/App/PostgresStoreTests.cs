using System.Net;
using System.Text.Json;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Web.Tests.App;

/// <summary>The whole app on a PostgreSQL store, as DSLOOP_DB configures it.</summary>
public sealed class PostgresStoreTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public async Task App_signs_up_saves_and_isolates_attempts_on_postgres_and_keeps_them_across_restarts()
    {
        var connectionString = server.CreateDatabase("web");
        string attemptPath;
        await using (var app = await TestApp.StartAsync(multiUser: true, postgres: connectionString))
        {
            using var client = app.NewClient();
            await TestApp.SignUpAsync(client, "ada");
            // The first account is the admin, who sees the engine.
            var health = JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement;
            Assert.Equal("postgres", health.GetProperty("store").GetString());
            attemptPath = await TestApp.AnswerAsync(client, "feature-launch-success-metric", "Purchases per eligible user within 28 days.");
            using var eve = app.NewClient();
            await TestApp.SignUpAsync(eve, "eve");
            Assert.Equal(HttpStatusCode.NotFound, (await eve.GetAsync(attemptPath)).StatusCode);
        }
        await using var restarted = await TestApp.StartAsync(multiUser: true, postgres: connectionString);
        using var again = restarted.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(again, "ada", "correct horse battery")).StatusCode);
        Assert.Contains("Purchases per eligible user within 28 days.", await again.GetStringAsync(attemptPath), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Drills_are_stored_graded_summarised_and_scheduled_on_postgres()
    {
        await using var app = await TestApp.StartAsync(multiUser: true, postgres: server.CreateDatabase("drills"));
        using var client = app.NewClient();
        await TestApp.SignUpAsync(client, "grace");
        var path = await Features.Drills.DrillPagesTests.StartAsync(client, "hypergeometric");
        var user = await app.Store.FindUserByNameAsync("grace");
        var drill = await Features.Drills.DrillPagesTests.DrillAsync(app, path, user!.Id);

        Assert.Equal(HttpStatusCode.BadRequest, (await Features.Drills.DrillPagesTests.AnswerAsync(client, path, "a few")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Features.Drills.DrillPagesTests.AnswerAsync(client, path, drill.AnswerText)).StatusCode);

        Assert.Contains("1 of 1 answered drill right (100%)", await client.GetStringAsync("/stats"), StringComparison.Ordinal);
        Assert.Equal(1, (await app.Store.GetAttemptAsync(user.Id, path.Split('/')[^1]))!.Score);
        Assert.NotNull(await app.Store.GetScheduleAsync(user.Id, "drill:hypergeometric"));
    }
}

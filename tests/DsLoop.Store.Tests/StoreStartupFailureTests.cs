using DsLoop.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DsLoop.Store.Tests;

[Collection(PostgresCollection.Name)]
public sealed class StoreStartupFailureTests(PostgresServer server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-bad-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static void AssertOneLine(StoreUnavailableException e, params string[] mustContain)
    {
        Assert.DoesNotContain('\n', e.Message);
        foreach (var part in mustContain)
        {
            Assert.Contains(part, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Data_folder_that_is_a_file_is_named_in_the_message()
    {
        var notAFolder = Path.Combine(_folder, "plain-file");
        await File.WriteAllTextAsync(notAFolder, "x");
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => AppStoreFactory.OpenAsync(new StoreSettings(notAFolder)));
        AssertOneLine(e, "data folder", notAFolder);
    }

    [Fact]
    public async Task Corrupt_sqlite_file_is_reported_as_corrupt()
    {
        await File.WriteAllBytesAsync(Path.Combine(_folder, "dsloop.db"), [.. Enumerable.Repeat((byte)0x5A, 8192)]);
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => AppStoreFactory.OpenAsync(new StoreSettings(_folder)));
        AssertOneLine(e, "corrupt or not a database", "dsloop.db");
    }

    [Fact]
    public async Task Sqlite_file_locked_by_another_process_is_reported_as_locked()
    {
        var settings = new StoreSettings(_folder) { BusyTimeout = TimeSpan.FromMilliseconds(200) };
        await (await AppStoreFactory.OpenAsync(settings)).DisposeAsync();
        using var holder = new SqliteConnection($"Data Source={settings.SqlitePath};Pooling=False");
        holder.Open();
        using (var exclusive = holder.CreateCommand())
        {
            exclusive.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;";
            exclusive.ExecuteNonQuery();
        }
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => AppStoreFactory.OpenAsync(settings));
        AssertOneLine(e, "locked", "dsloop.db");
    }

    [Fact]
    public async Task Sqlite_store_newer_than_the_app_is_refused()
    {
        var settings = new StoreSettings(_folder);
        await (await AppStoreFactory.OpenAsync(settings)).DisposeAsync();
        using (var connection = new SqliteConnection($"Data Source={settings.SqlitePath};Pooling=False"))
        {
            connection.Open();
            using var bump = connection.CreateCommand();
            bump.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)";
            bump.ExecuteNonQuery();
        }
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => AppStoreFactory.OpenAsync(settings));
        AssertOneLine(e, "schema version 999", $"up to {Migrations.Latest}");
    }

    [SkippableFact]
    public async Task Postgres_store_newer_than_the_app_is_refused()
    {
        var connectionString = server.CreateDatabase("future");
        await (await AppStoreFactory.OpenAsync(new StoreSettings("unused", connectionString))).DisposeAsync();
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var bump = new Npgsql.NpgsqlCommand("INSERT INTO schema_migrations VALUES (999, 'from the future', 0)", connection);
            await bump.ExecuteNonQueryAsync();
        }
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => AppStoreFactory.OpenAsync(new StoreSettings("unused", connectionString)));
        AssertOneLine(e, "postgres", "schema version 999");
    }

    [Fact]
    public async Task Unreachable_postgres_names_host_and_port()
    {
        var port = Ports.Free();
        var settings = new StoreSettings("unused", $"Host=127.0.0.1;Port={port};Username=nobody;Database=dsloop;Timeout=3");
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => AppStoreFactory.OpenAsync(settings));
        AssertOneLine(e, "Cannot reach PostgreSQL", $"127.0.0.1:{port}/dsloop");
    }

    [Fact]
    public async Task Malformed_postgres_connection_string_is_named()
    {
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            AppStoreFactory.OpenAsync(new StoreSettings("unused", "Hostt=nowhere;;==")));
        AssertOneLine(e, "DSLOOP_DB");
    }
}

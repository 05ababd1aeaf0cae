using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DsLoop.Store;

/// <summary>Opens the configured store and brings its schema up to date.</summary>
public static class AppStoreFactory
{
    /// <summary>
    /// Opens the store and applies pending migrations.
    /// </summary>
    /// <exception cref="StoreUnavailableException">With a one-line cause when the store can't be used.</exception>
    public static Task<IAppStore> OpenAsync(StoreSettings settings, CancellationToken cancellationToken = default) =>
        OpenAsync(settings, Migrations.Latest, cancellationToken);

    /// <summary>Opens the store migrated only up to <paramref name="version"/>, so tests can write rows as an older DsLoop did.</summary>
    internal static async Task<IAppStore> OpenAsync(StoreSettings settings, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.PostgresConnectionString is { } connectionString
            ? await OpenPostgresAsync(connectionString, version, cancellationToken)
            : await OpenSqliteAsync(settings, version, cancellationToken);
    }

    private static async Task<IAppStore> OpenSqliteAsync(StoreSettings settings, int version, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(settings.DataDirectory);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
            await File.WriteAllTextAsync(probe, "", cancellationToken);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new StoreUnavailableException($"Cannot use the data folder '{folder}': {OneLine(e.Message)}", e);
        }

        var path = settings.SqlitePath;
        var store = new SqliteAppStore(path, settings.BusyTimeout);
        try
        {
            await store.EnableWriteAheadLogAsync(cancellationToken);
            await store.MigrateAsync(version, cancellationToken);
            return store;
        }
        catch (SqliteException e)
        {
            await store.DisposeAsync();
            throw new StoreUnavailableException(e.SqliteErrorCode switch
            {
                5 or 6 => $"The SQLite store '{path}' is locked by another process ({OneLine(e.Message)}); stop the other DsLoop or use another data folder.",
                11 or 26 => $"The SQLite store '{path}' is corrupt or not a database ({OneLine(e.Message)}); move it aside or use another data folder.",
                14 => $"The SQLite store '{path}' cannot be opened ({OneLine(e.Message)}); check the folder's permissions.",
                _ => $"The SQLite store '{path}' cannot be used: {OneLine(e.Message)}",
            }, e);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static async Task<IAppStore> OpenPostgresAsync(string connectionString, int version, CancellationToken cancellationToken)
    {
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreUnavailableException($"DSLOOP_DB is not a valid PostgreSQL connection string: {OneLine(e.Message)}", e);
        }
        var store = new PostgresAppStore(dataSource);
        var where = store.Location;
        try
        {
            await store.MigrateAsync(version, cancellationToken);
            return store;
        }
        catch (PostgresException e)
        {
            await store.DisposeAsync();
            throw new StoreUnavailableException($"PostgreSQL at {where} refused DsLoop: {OneLine(e.MessageText)} (SQLSTATE {e.SqlState}).", e);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await store.DisposeAsync();
            var cause = e.InnerException is { } inner ? inner.Message : e.Message;
            throw new StoreUnavailableException($"Cannot reach PostgreSQL at {where}: {OneLine(cause)}", e);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

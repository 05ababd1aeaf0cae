using System.Data.Common;
using Npgsql;

namespace DsLoop.Store;

/// <summary>The server option, chosen by setting DSLOOP_DB to a PostgreSQL connection string.</summary>
internal sealed class PostgresAppStore(NpgsqlDataSource dataSource) : SqlAppStore
{
    // An arbitrary constant that names DsLoop's store lock among other advisory locks.
    private const long WriterLockKey = 0x44534C6F6F70;

    public override string Engine => "postgres";

    public override string Location => Describe(dataSource.ConnectionString);

    internal static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("key", WriterLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}

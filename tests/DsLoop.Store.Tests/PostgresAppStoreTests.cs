using DsLoop.Testing;
using Npgsql;
using Xunit;

namespace DsLoop.Store.Tests;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAppStoreTests(PostgresServer server) : AppStoreContract
{
    private string? _connectionString;

    private string ConnectionString => _connectionString ?? throw new InvalidOperationException("Open first.");

    protected override Task<IAppStore> OpenFreshAsync() => OpenFreshAtVersionAsync(Migrations.Latest);

    protected override Task<IAppStore> OpenFreshAtVersionAsync(int version)
    {
        _connectionString = server.CreateDatabase("store");
        return AppStoreFactory.OpenAsync(new StoreSettings("unused", _connectionString), version);
    }

    protected override Task<IAppStore> ReopenAsync() => AppStoreFactory.OpenAsync(new StoreSettings("unused", ConnectionString));

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

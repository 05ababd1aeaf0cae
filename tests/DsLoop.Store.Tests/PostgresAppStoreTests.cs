using DsLoop.Testing;
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

    protected override Task<IAppStore> OpenFreshAsync()
    {
        _connectionString = server.CreateDatabase("store");
        return AppStoreFactory.OpenAsync(new StoreSettings("unused", _connectionString));
    }

    protected override Task<IAppStore> ReopenAsync() =>
        AppStoreFactory.OpenAsync(new StoreSettings("unused", _connectionString ?? throw new InvalidOperationException("Open first.")));
}

using Microsoft.Data.Sqlite;

namespace DsLoop.Store.Tests;

public sealed class SqliteAppStoreTests : AppStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-store-").FullName;

    protected override Task<IAppStore> OpenFreshAsync() => AppStoreFactory.OpenAsync(new StoreSettings(_folder));

    protected override Task<IAppStore> OpenFreshAtVersionAsync(int version) => AppStoreFactory.OpenAsync(new StoreSettings(_folder), version);

    protected override Task<IAppStore> ReopenAsync() => AppStoreFactory.OpenAsync(new StoreSettings(_folder));

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={new StoreSettings(_folder).SqlitePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

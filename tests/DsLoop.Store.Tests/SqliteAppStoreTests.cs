namespace DsLoop.Store.Tests;

public sealed class SqliteAppStoreTests : AppStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-store-").FullName;

    protected override Task<IAppStore> OpenFreshAsync() => AppStoreFactory.OpenAsync(new StoreSettings(_folder));

    protected override Task<IAppStore> ReopenAsync() => AppStoreFactory.OpenAsync(new StoreSettings(_folder));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

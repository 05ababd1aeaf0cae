using System.Globalization;
using DsLoop.Data;
using DsLoop.Data.Output;
using DsLoop.Testing;
using Npgsql;

namespace DsLoop.Sql.Tests.Bank;

/// <summary>
/// The datasets the whole SQL bank is proven on: the tiny dataset of seeds 1, 2 and 3, in SQLite files and in
/// one PostgreSQL schema each, read through a reader role as candidates would.
/// </summary>
public sealed class BankDatasets : IAsyncDisposable
{
    public static readonly ulong[] Seeds = [1, 2, 3];

    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-bank-").FullName;
    private readonly PostgresServer _postgres = new();
    private readonly Lazy<Task<IReadOnlyList<(string Label, ISqlSandbox Sandbox)>>> _sandboxes;

    public BankDatasets() => _sandboxes = new(BuildAsync);

    public Task<IReadOnlyList<(string Label, ISqlSandbox Sandbox)>> SandboxesAsync() => _sandboxes.Value;

    private async Task<IReadOnlyList<(string Label, ISqlSandbox Sandbox)>> BuildAsync()
    {
        Requirements.Need(Requirements.MissingPostgres());
        var database = _postgres.CreateDatabase("bank");
        var sandboxes = new List<(string, ISqlSandbox)>();
        await using var admin = new NpgsqlConnection(database);
        await admin.OpenAsync();
        await PostgresSandboxProvisioner.SecureDatabaseAsync(admin);
        foreach (var seed in Seeds)
        {
            var options = new GenerationOptions(seed, DataScale.Tiny);
            var file = Path.Combine(_folder, $"tiny-{seed}.sqlite");
            using (var writer = new SqliteDatasetWriter(file))
            {
                new DatasetGenerator(options).Generate(writer);
                writer.Complete();
            }
            sandboxes.Add(($"seed {seed}", new SqliteSandbox(file)));

            var schema = string.Create(CultureInfo.InvariantCulture, $"bank_{seed}");
            using (var writer = new PostgresDatasetWriter(database, schema))
            {
                new DatasetGenerator(options).Generate(writer);
                writer.Complete();
            }
            await PostgresSandboxProvisioner.CreateReaderAsync(admin, schema, $"{schema}_reader");
            var reader = new NpgsqlConnectionStringBuilder(database) { Username = $"{schema}_reader", Pooling = false };
            sandboxes.Add(($"seed {seed}", new PostgresSandbox(reader.ConnectionString, schema)));
        }
        return sandboxes;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sandboxes.IsValueCreated && _sandboxes.Value.IsCompletedSuccessfully)
        {
            foreach (var (_, sandbox) in _sandboxes.Value.Result)
            {
                if (sandbox is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync();
                }
            }
        }
        _postgres.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

using BenchmarkDotNet.Attributes;
using DsLoop.Core;
using DsLoop.Store;
using Microsoft.Data.Sqlite;

namespace DsLoop.Bench;

/// <summary>
/// The app store's cost over the bare driver: saving and listing attempts through IAppStore against the
/// same statements issued straight through Microsoft.Data.Sqlite on an identical WAL database (the baseline).
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private string _folder = "";
    private string _rawPath = "";
    private IAppStore _store = null!;
    private string _userId = "";
    private SqliteConnection _raw = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("dsloop-bench-").FullName;
        _store = await AppStoreFactory.OpenAsync(new StoreSettings(Path.Combine(_folder, "store")));
        _userId = (await _store.CreateUserAsync("bench", "h", UserRole.Candidate))!.Id;
        for (var i = 0; i < 200; i++)
        {
            await _store.AddAttemptAsync(NewAttempt());
        }
        _rawPath = Path.Combine(_folder, "raw.db");
        _raw = new SqliteConnection($"Data Source={_rawPath};Pooling=True");
        _raw.Open();
        using var ddl = _raw.CreateCommand();
        ddl.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE attempts (id text PRIMARY KEY, user_id text NOT NULL, kind text NOT NULL, item_id text NOT NULL,
              started_at bigint NOT NULL, submitted_at bigint NULL, score double precision NULL, payload text NOT NULL);
            CREATE INDEX attempts_by_user ON attempts (user_id, started_at);
            """;
        ddl.ExecuteNonQuery();
        for (var i = 0; i < 200; i++)
        {
            RawInsert();
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _store.DisposeAsync();
        _raw.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Attempt NewAttempt() =>
        new(Ids.New(), _userId, AttemptKind.OpenQuestion, "onboarding-test-sample-size", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 0.5,
            """{"answer":"Randomise by user and run two weeks.","seconds":95,"words":7}""");

    [Benchmark(Baseline = true, Description = "raw driver: insert attempt")]
    public void RawInsert()
    {
        using var command = _raw.CreateCommand();
        command.CommandText = "INSERT INTO attempts VALUES ($id, $user, 'OpenQuestion', 'onboarding-test-sample-size', $at, $at, 0.5, $payload)";
        command.Parameters.AddWithValue("$id", Ids.New());
        command.Parameters.AddWithValue("$user", "u");
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$payload", """{"answer":"Randomise by user and run two weeks.","seconds":95,"words":7}""");
        command.ExecuteNonQuery();
    }

    [Benchmark(Description = "IAppStore: insert attempt")]
    public Task StoreInsert() => _store.AddAttemptAsync(NewAttempt());

    [Benchmark(Description = "IAppStore: list 100 newest attempts")]
    public Task<IReadOnlyList<Attempt>> StoreList() => _store.ListAttemptsAsync(_userId, limit: 100);
}

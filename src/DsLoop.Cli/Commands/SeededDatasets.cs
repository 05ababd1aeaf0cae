using System.CommandLine;
using DsLoop.App.SqlPractice;
using DsLoop.Data;
using DsLoop.Sql;
using DsLoop.Store;

namespace DsLoop.Cli.Commands;

/// <summary>
/// The dataset behind <c>--seed</c>/<c>--scale</c>: generated on first use into the data folder's
/// <c>datasets/</c> cache and reused afterwards, evicting the least recently used files over 2 GB.
/// </summary>
internal sealed class SeededDatasets
{

    public Option<string?> Database { get; } = new("--db") { Description = "A SQLite dataset file (instead of --seed)." };
    public Option<ulong?> Seed { get; } = new("--seed") { Description = "Generate (or reuse) the practice dataset of this seed." };
    public Option<string> Scale { get; } = new("--scale") { Description = "Dataset size with --seed: tiny, standard or large.", DefaultValueFactory = _ => "tiny" };
    public Option<string?> DataDirectory { get; } = new("--data-dir") { Description = "Folder holding the dataset cache (default ./.dsloop, or DSLOOP_DATA_DIR)." };
    public Option<string> Engine { get; } = new("--engine") { Description = "sqlite (a cached file) or postgres (one schema per seed, read through a reader role).", DefaultValueFactory = _ => "sqlite" };
    public Option<string?> Connection { get; } = new("--connection") { Description = "Admin connection string of the PostgreSQL sandbox database (default: $DSLOOP_SANDBOX_DB)." };

    public IEnumerable<Option> All => [Database, Seed, Scale, DataDirectory, Engine, Connection];

    /// <summary>Opens the sandbox on the chosen dataset; the returned lease keeps a cached file from eviction.</summary>
    public async Task<(ISqlSandbox Sandbox, IDisposable? Lease)> OpenAsync(
        ParseResult parse, SandboxLimits limits, CliConsole console, CancellationToken cancellationToken, ulong? seedOverride = null)
    {
        var database = parse.GetValue(Database);
        var seed = seedOverride ?? parse.GetValue(Seed);
        if ((database is null) == (seed is null))
        {
            throw new CliException("give either --db FILE or --seed N (with --scale), not both or neither.", DsLoopCli.Usage);
        }
        if (database is not null)
        {
            return File.Exists(database)
                ? (new SqliteSandbox(database, limits), null)
                : throw new CliException($"the dataset {Path.GetFullPath(database)} does not exist.");
        }
        var scaleName = parse.GetValue(Scale)!;
        var scale = DataScale.Preset(scaleName)
            ?? throw new CliException($"--scale: '{scaleName}' is not one of {string.Join(", ", DataScale.PresetNames)}.", DsLoopCli.Usage);
        switch (parse.GetValue(Engine))
        {
            case "sqlite":
                break;
            case "postgres":
                var admin = parse.GetValue(Connection) ?? NonEmpty(Environment.GetEnvironmentVariable("DSLOOP_SANDBOX_DB"))
                    ?? throw new CliException("--connection: give the PostgreSQL sandbox database's admin connection string or set DSLOOP_SANDBOX_DB.", DsLoopCli.Usage);
                try
                {
                    return (await SqlBankCommand.PostgresDatasetAsync(admin, seed!.Value, scale, cancellationToken), null);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException)
                {
                    throw new CliException($"cannot prepare the PostgreSQL sandbox: {e.Message}");
                }
            case var other:
                throw new CliException($"--engine: '{other}' is not sqlite or postgres.", DsLoopCli.Usage);
        }
        var lease = await LeaseAsync(OpenCache(parse.GetValue(DataDirectory)), seed!.Value, scale, console, cancellationToken);
        return (new SqliteSandbox(lease.Path, limits), lease);
    }

    /// <summary>The dataset cache in the data folder's <c>datasets/</c> (the data folder as the app store resolves it).</summary>
    public static DatasetCache OpenCache(string? dataDirectory)
    {
        var data = StoreSettings.FromEnvironment(dataDirectory).DataDirectory;
        var folder = PracticeDatasets.Folder(data);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"can't use the dataset folder {Path.GetFullPath(folder)}: {e.Message}");
        }
        return PracticeDatasets.Open(data);
    }

    /// <summary>A lease on the seed's SQLite dataset, generated into the cache on first use (announced on <paramref name="console"/> when given).</summary>
    public static Task<DatasetCache.DatasetLease> LeaseAsync(DatasetCache cache, ulong seed, DataScale scale, CliConsole? console, CancellationToken cancellationToken) =>
        PracticeDatasets.LeaseAsync(cache, seed, scale,
            console is null ? null : () => console.Error.WriteLineAsync($"Generating the {scale.Name} dataset for seed {seed} (first use only)…"),
            cancellationToken);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

namespace DsLoop.Store;

/// <summary>Where the app store lives.</summary>
/// <param name="DataDirectory">The data folder; the SQLite file is <c>dsloop.db</c> inside it.</param>
/// <param name="PostgresConnectionString">When set, PostgreSQL is used instead of SQLite.</param>
public sealed record StoreSettings(string DataDirectory, string? PostgresConnectionString = null)
{
    /// <summary>How long a writer waits for a SQLite lock before giving up.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The SQLite file's path.</summary>
    public string SqlitePath => Path.Combine(Path.GetFullPath(DataDirectory), "dsloop.db");

    /// <summary>Reads the settings from DSLOOP_DATA_DIR and DSLOOP_DB, with <c>./.dsloop</c> as the default folder.</summary>
    public static StoreSettings FromEnvironment(string? dataDirectory = null, string? postgres = null) => new(
        dataDirectory ?? NonEmpty(Environment.GetEnvironmentVariable("DSLOOP_DATA_DIR")) ?? ".dsloop",
        postgres ?? NonEmpty(Environment.GetEnvironmentVariable("DSLOOP_DB")));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

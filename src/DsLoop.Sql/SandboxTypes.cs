namespace DsLoop.Sql;

/// <summary>Limits for one candidate query. Every limit is enforced by the sandbox, not by the query.</summary>
public sealed record SandboxLimits
{
    /// <summary>Defaults suited to an interactive practice attempt.</summary>
    public static SandboxLimits Default { get; } = new();

    /// <summary>Wall-clock limit for the whole run (planning, execution and reading rows).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many rows are kept and returned; further rows are only counted.</summary>
    public int MaxRows { get; init; } = 1000;

    /// <summary>Upper bound on the bytes of returned row data; reading stops when it is reached.</summary>
    public long MaxOutputBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Upper bound on the query text, in characters; longer text is refused before parsing.</summary>
    public int MaxQueryLength { get; init; } = 100_000;

    /// <summary>Largest single string or blob value a query may build (SQLite) or return (PostgreSQL).</summary>
    public int MaxValueBytes { get; init; } = 1_000_000;

    /// <summary>
    /// Upper bound on the memory one query may grow while it runs (aggregates, sorts, temporary B-trees). SQLite: growth
    /// of the SQLite heap watched by the progress handler; PostgreSQL: growth of the backend's private memory, watched
    /// when the server runs on this machine.
    /// </summary>
    public long MaxMemoryBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Whether to keep counting rows after <see cref="MaxRows"/> so the total is known (within the time limit).</summary>
    public bool CountAllRows { get; init; } = true;

    /// <summary>Counting stops here; a bigger result reports no total rather than spending the whole time limit counting.</summary>
    public long MaxCountedRows { get; init; } = 1_000_000;
}

/// <summary>How a sandbox run ended.</summary>
public enum SqlRunStatus
{
    /// <summary>The query ran; rows may still be truncated by the row or size limit.</summary>
    Ok,

    /// <summary>The query itself is wrong (syntax error, unknown column …); the message is the engine's.</summary>
    SqlError,

    /// <summary>The sandbox refused the query (a write, a second statement, a forbidden function …).</summary>
    Refused,

    /// <summary>The query ran past the time limit and was stopped.</summary>
    TimedOut,

    /// <summary>The caller cancelled the run.</summary>
    Cancelled,

    /// <summary>The query hit a resource limit (value size, temporary files, memory).</summary>
    LimitExceeded,
}

/// <summary>One result column: its name and the engine's type name (declared or observed).</summary>
/// <param name="Name">The column name as the query labels it.</param>
/// <param name="Type">The engine's type name, lower case; empty when unknown.</param>
public sealed record SqlColumn(string Name, string Type);

/// <summary>The outcome of one sandboxed query.</summary>
public sealed record SqlRunResult
{
    /// <summary>How the run ended.</summary>
    public required SqlRunStatus Status { get; init; }

    /// <summary>A clear, user-facing message when the run did not succeed (or was truncated).</summary>
    public string? Message { get; init; }

    /// <summary>The result columns (empty when the query never started).</summary>
    public IReadOnlyList<SqlColumn> Columns { get; init; } = [];

    /// <summary>The first rows, up to the row and size limits. Values are CLR values (long, double, decimal, string, bool, DateOnly, DateTime, byte[], null …).</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; init; } = [];

    /// <summary>Total row count when the sandbox read or counted to the end; null when unknown.</summary>
    public long? TotalRowCount { get; init; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when more rows exist than were returned.</summary>
    public bool RowsTruncated { get; init; }

    /// <summary>True when reading stopped at the output-size limit.</summary>
    public bool BytesTruncated { get; init; }

    /// <summary>True when <see cref="Status"/> is <see cref="SqlRunStatus.Ok"/>.</summary>
    public bool Succeeded => Status == SqlRunStatus.Ok;
}

/// <summary>Receives every row of a run as it is read, for streaming consumers such as the grader.</summary>
public interface IRowConsumer
{
    /// <summary>Called once, before any row, with the result columns.</summary>
    void OnColumns(IReadOnlyList<SqlColumn> columns);

    /// <summary>Called for each row; the array is reused afterwards, so copy what you keep. Return false to stop reading.</summary>
    bool OnRow(object?[] values);
}

/// <summary>A table of a dataset as the schema browser shows it.</summary>
/// <param name="Name">Table name.</param>
/// <param name="Columns">Columns with their declared types.</param>
/// <param name="RowCount">Number of rows.</param>
public sealed record SqlTableInfo(string Name, IReadOnlyList<SqlColumn> Columns, long RowCount);

/// <summary>Runs candidate queries against one dataset under the sandbox's rules.</summary>
public interface ISqlSandbox
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Engine { get; }

    /// <summary>Runs one query, keeping the first rows; see <see cref="SandboxLimits"/>.</summary>
    Task<SqlRunResult> RunAsync(string sql, SandboxLimits? limits = null, CancellationToken cancellationToken = default);

    /// <summary>Runs one query and hands every row to <paramref name="consumer"/> (rows are still kept up to the row limit).</summary>
    Task<SqlRunResult> RunAsync(string sql, SandboxLimits? limits, IRowConsumer? consumer, CancellationToken cancellationToken = default);

    /// <summary>Tables, columns, types and row counts, for the schema browser.</summary>
    Task<IReadOnlyList<SqlTableInfo>> DescribeAsync(CancellationToken cancellationToken = default);
}

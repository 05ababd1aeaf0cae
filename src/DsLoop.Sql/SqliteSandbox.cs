using System.Collections.Frozen;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DsLoop.Sql;

/// <summary>
/// Runs candidate queries against one SQLite dataset file. Each run opens its own read-only, unpooled
/// connection, hardens it (defensive mode, no extensions, no attached databases, small value limit),
/// installs an authorizer that lets only reads and allow-listed functions through, and stops the query
/// with a progress handler at the deadline or on cancellation.
/// </summary>
public sealed partial class SqliteSandbox : ISqlSandbox
{
    // Authorizer action codes from sqlite3.h.
    private const int CreateIndex = 1, CreateTempTable = 4, CreateView = 8, Delete = 9, DropView = 17, Insert = 18, Pragma = 19,
        Read = 20, Select = 21, Transaction = 22, Update = 23, Attach = 24, Detach = 25, AlterTable = 26, Reindex = 27,
        Analyze = 28, CreateVtable = 29, DropVtable = 30, Function = 31, Savepoint = 32, Recursive = 33;

    // A managed callback every N virtual-machine steps: 1000 cost up to half the run time of CPU-bound queries;
    // 50,000 steps still stop a query well under a millisecond after its deadline.
    private const int ProgressInterval = 50_000;

    /// <summary>Functions a query may call; everything else (load_extension, fts3_tokenizer …) is denied.</summary>
    public static readonly FrozenSet<string> AllowedFunctions = new[]
    {
        "abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif", "if", "instr", "length",
        "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length", "printf", "quote", "random",
        "randomblob", "replace", "round", "rtrim", "sign", "substr", "substring", "trim", "typeof", "unhex", "unicode",
        "unlikely", "upper", "zeroblob", "sqlite_version", "unistr",
        "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff", "current_date", "current_time", "current_timestamp",
        "avg", "count", "group_concat", "string_agg", "sum", "total", "median", "percentile", "percentile_cont", "percentile_disc",
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
        "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh", "degrees", "exp", "floor",
        "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh", "sqrt", "tan", "tanh", "trunc",
        "json", "json_array", "json_array_length", "json_extract", "json_insert", "json_object", "json_patch", "json_quote",
        "json_remove", "json_replace", "json_set", "json_type", "json_valid", "json_group_array", "json_group_object", "->", "->>",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly string _path;
    private readonly SandboxLimits _defaults;

    /// <summary>A sandbox over the dataset file at <paramref name="databasePath"/>, which nobody may write while attempts run.</summary>
    public SqliteSandbox(string databasePath, SandboxLimits? defaults = null)
    {
        _path = Path.GetFullPath(databasePath);
        _defaults = defaults ?? SandboxLimits.Default;
    }

    /// <summary>Tests only: skip the text checks so the engine-level defences can be tested on their own.</summary>
    internal bool SkipPreflight { get; init; }

    /// <inheritdoc />
    public string Engine => "sqlite";

    /// <inheritdoc />
    public Task<SqlRunResult> RunAsync(string sql, SandboxLimits? limits = null, CancellationToken cancellationToken = default) =>
        RunAsync(sql, limits, null, cancellationToken);

    /// <inheritdoc />
    public Task<SqlRunResult> RunAsync(string sql, SandboxLimits? limits, IRowConsumer? consumer, CancellationToken cancellationToken = default) =>
        // SQLite work is synchronous; run it off the caller's thread. The token is watched by the progress handler.
        Task.Run(() => Run(sql, limits ?? _defaults, consumer, cancellationToken), CancellationToken.None);

    /// <inheritdoc />
    public Task<IReadOnlyList<SqlTableInfo>> DescribeAsync(CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        using var connection = Open();
        var tables = new List<SqlTableInfo>();
        var names = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var columns = new List<SqlColumn>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name, type FROM pragma_table_info($t) ORDER BY cid";
                command.Parameters.AddWithValue("$t", name);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    columns.Add(new SqlColumn(reader.GetString(0), reader.GetString(1).ToLowerInvariant()));
                }
            }
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT count(*) FROM \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                tables.Add(new SqlTableInfo(name, columns, (long)command.ExecuteScalar()!));
            }
        }
        return (IReadOnlyList<SqlTableInfo>)tables;
    }, cancellationToken);

    private SqliteConnection Open()
    {
        if (!File.Exists(_path))
        {
            throw new FileNotFoundException($"The SQLite dataset {_path} does not exist.", _path);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadOnly,
            // A pooled connection would carry TEMP objects and PRAGMA changes to the next user.
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private SqlRunResult Run(string sql, SandboxLimits limits, IRowConsumer? consumer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (QueryPreflight.Check(sql, SqlDialect.Sqlite, limits, out _, SkipPreflight) is { } refusal)
        {
            return RowCollector.Refuse(refusal, clock.Elapsed);
        }
        if (cancellationToken.IsCancellationRequested)
        {
            return new SqlRunResult { Status = SqlRunStatus.Cancelled, Message = "the query was cancelled.", Elapsed = clock.Elapsed };
        }
        using var connection = Open();
        var db = connection.Handle!;
        Harden(db, limits);
        var guard = new SqliteGuard(limits, cancellationToken);
        raw.sqlite3_set_authorizer(db, Authorize, guard);
        raw.sqlite3_progress_handler(db, ProgressInterval, Progress, guard);
        var collector = new RowCollector(limits, consumer);
        sqlite3_stmt? statement = null;
        try
        {
            var rc = raw.sqlite3_prepare_v2(db, sql, out statement, out string tail);
            if (rc != raw.SQLITE_OK)
            {
                if (guard.Denial is { } denial)
                {
                    return collector.Fail(SqlRunStatus.Refused, denial);
                }
                var message = raw.sqlite3_errmsg(db).utf8_to_string();
                var failure = Failure(collector, guard, rc, message);
                return failure.Status == SqlRunStatus.SqlError && message is not null
                    ? failure with { Message = message + ErrorPosition(db, sql, message) }
                    : failure;
            }
            if (statement is null || statement.IsInvalid)
            {
                return collector.Fail(SqlRunStatus.Refused, "the query is empty.");
            }
            if (!string.IsNullOrWhiteSpace(tail) && StatementText.Split(";" + tail, SqlDialect.Sqlite).SecondStart is { } second)
            {
                var offset = sql.Length - tail.Length + second - 1;
                return collector.Fail(SqlRunStatus.Refused, $"only one statement is allowed; found a second one at line {StatementText.LineOf(sql, offset)}.");
            }
            // A statement without result columns is not a query (REINDEX of nothing, VACUUM …), even if it would change nothing.
            if (raw.sqlite3_stmt_readonly(statement) == 0 || raw.sqlite3_stmt_isexplain(statement) != 0 || raw.sqlite3_column_count(statement) == 0)
            {
                return collector.Fail(SqlRunStatus.Refused, "only read-only SELECT queries are allowed.");
            }
            return Step(statement, db, collector, guard, limits);
        }
        finally
        {
            statement?.Dispose();
            raw.sqlite3_progress_handler(db, 0, null, null);
            GC.KeepAlive(guard);
        }
    }

    private static SqlRunResult Step(sqlite3_stmt statement, sqlite3 db, RowCollector collector, SqliteGuard guard, SandboxLimits limits)
    {
        var count = raw.sqlite3_column_count(statement);
        var values = new object?[count];
        var typesKnown = false;
        var columns = new SqlColumn[count];
        var reading = true;
        while (true)
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_DONE)
            {
                if (!typesKnown)
                {
                    collector.SetColumns(Columns(statement, count, columns, typed: false));
                }
                return collector.Finish(reachedEnd: true);
            }
            if (rc != raw.SQLITE_ROW)
            {
                if (rc == raw.SQLITE_INTERRUPT && !reading && !guard.Cancelled)
                {
                    // Ran out of time while only counting: the kept rows are fine, the total is unknown.
                    return collector.Finish(reachedEnd: false);
                }
                return Failure(collector, guard, rc, raw.sqlite3_errmsg(db).utf8_to_string());
            }
            if (!typesKnown)
            {
                collector.SetColumns(Columns(statement, count, columns, typed: true));
                typesKnown = true;
            }
            if (!reading)
            {
                collector.Count();
                if (collector.RowCount > limits.MaxCountedRows)
                {
                    return collector.Finish(reachedEnd: false);
                }
                continue;
            }
            // Measured before any value is copied out, so a row of many large values is refused without building it.
            long bytes = 8;
            for (var i = 0; i < count; i++)
            {
                bytes += raw.sqlite3_column_type(statement, i) is raw.SQLITE_TEXT or raw.SQLITE_BLOB ? raw.sqlite3_column_bytes(statement, i) : 8;
            }
            if (bytes > limits.MaxOutputBytes)
            {
                return collector.Fail(SqlRunStatus.LimitExceeded, CapMessages.Row(limits.MaxOutputBytes));
            }
            for (var i = 0; i < count; i++)
            {
                switch (raw.sqlite3_column_type(statement, i))
                {
                    case raw.SQLITE_INTEGER:
                        values[i] = raw.sqlite3_column_int64(statement, i);
                        break;
                    case raw.SQLITE_FLOAT:
                        values[i] = raw.sqlite3_column_double(statement, i);
                        break;
                    case raw.SQLITE_TEXT:
                        values[i] = raw.sqlite3_column_text(statement, i).utf8_to_string();
                        break;
                    case raw.SQLITE_BLOB:
                        values[i] = raw.sqlite3_column_blob(statement, i).ToArray();
                        break;
                    default:
                        values[i] = null;
                        break;
                }
            }
            if (!collector.Add(values, bytes))
            {
                if (!limits.CountAllRows || collector.BytesTruncated)
                {
                    return collector.Finish(reachedEnd: false);
                }
                reading = false;
            }
        }
    }

    private static SqlColumn[] Columns(sqlite3_stmt statement, int count, SqlColumn[] columns, bool typed)
    {
        for (var i = 0; i < count; i++)
        {
            var declared = raw.sqlite3_column_decltype(statement, i).utf8_to_string();
            var type = declared?.ToLowerInvariant() ?? (typed ? raw.sqlite3_column_type(statement, i) switch
            {
                raw.SQLITE_INTEGER => "integer",
                raw.SQLITE_FLOAT => "real",
                raw.SQLITE_TEXT => "text",
                raw.SQLITE_BLOB => "blob",
                _ => "",
            } : "");
            columns[i] = new SqlColumn(raw.sqlite3_column_name(statement, i).utf8_to_string() ?? $"column{i + 1}", type);
        }
        return columns;
    }

    /// <summary>
    /// Where a syntax error is, for the messages that quote the offending token (near "X": syntax error; unrecognized
    /// token: "X"). SQLite reads left to right, so the error is at the first place the token stands (not inside a
    /// longer word) where the text cut just after it fails with the very same message. Says nothing ("") when the
    /// message quotes no token or no place reproduces it, rather than guess.
    /// </summary>
    private static string ErrorPosition(sqlite3 db, string sql, string message)
    {
        const int MaxProbes = 50;
        var match = QuotedToken().Match(message);
        var token = match.Groups["near"].Success ? match.Groups["near"].Value : match.Groups["unrecognized"].Value;
        if (!match.Success || token.Length == 0)
        {
            return "";
        }
        var probes = 0;
        for (var at = sql.IndexOf(token, StringComparison.Ordinal); at >= 0 && probes < MaxProbes; at = sql.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var end = at + token.Length;
            if ((IsWordChar(token[0]) && at > 0 && IsWordChar(sql[at - 1])) || (IsWordChar(token[^1]) && end < sql.Length && IsWordChar(sql[end])))
            {
                continue;
            }
            probes++;
            var rc = raw.sqlite3_prepare_v2(db, sql[..end], out var probe, out string _);
            probe?.Dispose();
            if (rc != raw.SQLITE_OK && raw.sqlite3_errmsg(db).utf8_to_string() == message)
            {
                return StatementText.Where(sql, at);
            }
        }
        return "";
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c > 127;

    [GeneratedRegex("""^(?:near "(?<near>.*)": syntax error|unrecognized token: "(?<unrecognized>.*)")$""", RegexOptions.Singleline)]
    private static partial Regex QuotedToken();

    private static SqlRunResult Failure(RowCollector collector, SqliteGuard guard, int rc, string? message)
    {
        if (guard.MemoryExceeded || (rc & 0xff) == raw.SQLITE_NOMEM)
        {
            return collector.Fail(SqlRunStatus.LimitExceeded, CapMessages.Memory(guard.Limits.MaxMemoryBytes));
        }
        if (rc == raw.SQLITE_INTERRUPT)
        {
            return guard.Cancelled
                ? collector.Fail(SqlRunStatus.Cancelled, "the query was cancelled.")
                : collector.Fail(SqlRunStatus.TimedOut, $"the query ran longer than the {guard.Limits.Timeout.TotalSeconds:0.###} s time limit and was stopped.");
        }
        if (guard.Denial is { } denial)
        {
            return collector.Fail(SqlRunStatus.Refused, denial);
        }
        if (rc == raw.SQLITE_TOOBIG)
        {
            return collector.Fail(SqlRunStatus.LimitExceeded, "the query text or a value it builds is larger than the sandbox allows (string or blob too big).");
        }
        if ((rc & 0xff) is raw.SQLITE_READONLY or raw.SQLITE_AUTH)
        {
            return collector.Fail(SqlRunStatus.Refused, $"the sandbox is read-only: {message}");
        }
        return collector.Fail(SqlRunStatus.SqlError, message ?? $"SQLite error {rc}.");
    }

    private static void Harden(sqlite3 db, SandboxLimits limits)
    {
        Check(raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_DEFENSIVE, 1, out _), "DEFENSIVE");
        Check(raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, out _), "ENABLE_LOAD_EXTENSION");
        Check(raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, out _), "TRUSTED_SCHEMA");
        Check(raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, out _), "ENABLE_TRIGGER");
        Check(raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_WRITABLE_SCHEMA, 0, out _), "WRITABLE_SCHEMA");
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_LENGTH, Math.Max(1000, limits.MaxValueBytes));
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_SQL_LENGTH, Math.Max(1000, limits.MaxQueryLength * 4));
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_ATTACHED, 0);
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_COLUMN, 1000);
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_EXPR_DEPTH, 200);
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_COMPOUND_SELECT, 100);
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_FUNCTION_ARG, 100);
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000);
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_TRIGGER_DEPTH, 1);
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_WORKER_THREADS, 0);
        // Sorter runs, temporary B-trees and materialised views stay in the heap (under the memory cap) instead of
        // spilling to unbounded files in the system temp folder. Set before the authorizer, which denies every PRAGMA.
        Check(raw.sqlite3_exec(db, "PRAGMA temp_store = MEMORY", out _), "temp_store");
    }

    private static void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"Could not harden the SQLite connection ({what} returned {rc}).");
        }
    }

    private static int Progress(object userData)
    {
        var guard = (SqliteGuard)userData;
        return guard.ShouldStop || guard.OverMemory() ? 1 : 0;
    }

    private static int Authorize(object userData, int action, string? first, string? second, string? database, string? trigger)
    {
        var guard = (SqliteGuard)userData;
        switch (action)
        {
            case Select or Read or Recursive:
                return raw.SQLITE_OK;
            case Function when second is not null && AllowedFunctions.Contains(second):
                return raw.SQLITE_OK;
            case Function:
                return guard.Deny($"the function {second}() is not allowed in the sandbox.");
            case Attach or Detach:
                return guard.Deny("ATTACH and DETACH are not allowed in the sandbox.");
            case Pragma:
                return guard.Deny($"PRAGMA {first} is not allowed in the sandbox.");
            case Transaction or Savepoint:
                return guard.Deny("transactions and savepoints are not allowed in the sandbox.");
            case Insert or Update or Delete:
                return guard.Deny($"the sandbox is read-only: {(action == Insert ? "INSERT" : action == Update ? "UPDATE" : "DELETE")} on {first} is not allowed.");
            case >= CreateIndex and <= DropView or AlterTable or Reindex or Analyze or CreateVtable or DropVtable:
                return guard.Deny($"the sandbox is read-only: schema changes ({(action == CreateTempTable ? "temporary tables" : "CREATE/DROP/ALTER")}) are not allowed.");
            default:
                return guard.Deny($"this operation (SQLite authorizer action {action}) is not allowed in the sandbox.");
        }
    }
}

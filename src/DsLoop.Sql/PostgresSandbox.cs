using System.Data;
using System.Diagnostics;
using Npgsql;

namespace DsLoop.Sql;

/// <summary>
/// Runs candidate queries against one dataset schema of the PostgreSQL sandbox database, as a reader role
/// that can only SELECT on that schema (see <see cref="PostgresSandboxProvisioner"/>). Each run uses a fresh,
/// unpooled connection, a READ ONLY transaction and a cursor read with FETCH, so the row limit never drains
/// the whole result; the time limit is a client-side cancellation (a real server-side cancel) backed by
/// statement_timeout.
/// </summary>
public sealed class PostgresSandbox : ISqlSandbox, IAsyncDisposable
{
    private const int FetchSize = 200;
    private const string Cursor = "dsloop_candidate";
    private const string Declare = "DECLARE " + Cursor + " NO SCROLL CURSOR FOR ";

    private readonly string _connectionString;
    private readonly SandboxLimits _defaults;
    private readonly string _schema;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A sandbox for <paramref name="schema"/>, connecting with the reader role's connection string.</summary>
    public PostgresSandbox(string readerConnectionString, string schema, SandboxLimits? defaults = null)
    {
        _schema = schema;
        _defaults = defaults ?? SandboxLimits.Default;
        _connectionString = new NpgsqlConnectionStringBuilder(readerConnectionString)
        {
            Pooling = false,
            SearchPath = schema,
            ApplicationName = "dsloop-sandbox",
            Enlist = false,
            CommandTimeout = 0,
            CancellationTimeout = 2000,
        }.ToString();
        var builder = new NpgsqlDataSourceBuilder(_connectionString);
        // Built-in types are all a sandbox needs; skipping the catalog load makes fresh connections cheap.
        builder.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        _dataSource = builder.Build();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Tests only: skip the text checks so the engine-level defences can be tested on their own.</summary>
    internal bool SkipPreflight { get; init; }

    /// <inheritdoc />
    public string Engine => "postgres";

    /// <inheritdoc />
    public Task<SqlRunResult> RunAsync(string sql, SandboxLimits? limits = null, CancellationToken cancellationToken = default) =>
        RunAsync(sql, limits, null, cancellationToken);

    /// <inheritdoc />
    public async Task<SqlRunResult> RunAsync(string sql, SandboxLimits? limits, IRowConsumer? consumer, CancellationToken cancellationToken = default)
    {
        limits ??= _defaults;
        var clock = Stopwatch.StartNew();
        if (QueryPreflight.Check(sql, SqlDialect.Postgres, limits, out var statement, SkipPreflight) is { } refusal)
        {
            return RowCollector.Refuse(refusal, clock.Elapsed);
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.Timeout);
        var collector = new RowCollector(limits, consumer);
        var reachedEnd = false;
        var reading = true;
        await using var connection = _dataSource.CreateConnection();
        BackendMemoryWatch? memory = null;
        try
        {
            await connection.OpenAsync(deadline.Token);
            memory = BackendMemoryWatch.Start(connection.Host, connection.ProcessID, limits.MaxMemoryBytes, deadline.Cancel);
            var timeoutMs = (long)limits.Timeout.TotalMilliseconds + 500;
            await ExecuteAsync(connection,
                $"SET statement_timeout = {timeoutMs}; SET lock_timeout = {timeoutMs}; SET idle_in_transaction_session_timeout = {timeoutMs + 5000}; " +
                "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", deadline.Token);
            // A one-command batch is sent as a single extended-protocol statement: the server refuses a second one.
            await using (var declare = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand(Declare + statement + "\n") } })
            {
                await declare.ExecuteNonQueryAsync(deadline.Token);
            }
            var columns = await DescribeCursorAsync(connection, deadline.Token);
            collector.SetColumns(columns);
            var asText = PostgresValueReader.TextColumns(columns);
            var values = new object?[columns.Count];
            while (reading)
            {
                await using var fetch = new NpgsqlCommand($"FETCH FORWARD {FetchSize} FROM {Cursor}", connection) { UnknownResultTypeList = asText };
                await using var reader = await fetch.ExecuteReaderAsync(CommandBehavior.SequentialAccess, deadline.Token);
                var fetched = 0;
                try
                {
                    while (await reader.ReadAsync(deadline.Token))
                    {
                        fetched++;
                        long bytes = 8;
                        for (var i = 0; i < values.Length; i++)
                        {
                            var (value, size) = await PostgresValueReader.ReadAsync(reader, i, columns[i], asText[i], limits.MaxValueBytes, deadline.Token);
                            values[i] = value;
                            bytes += size;
                            if (bytes > limits.MaxOutputBytes)
                            {
                                throw new CapExceededException(CapMessages.Row(limits.MaxOutputBytes));
                            }
                        }
                        if (!collector.Add(values, bytes))
                        {
                            reading = false;
                            // Count the rest of this batch without reading values; MOVE counts the rest of the cursor.
                            while (await reader.ReadAsync(deadline.Token))
                            {
                                collector.Count();
                            }
                            break;
                        }
                    }
                }
                catch (CapExceededException)
                {
                    // Stop the server before the reader is disposed: disposing drains the rest of the FETCH otherwise.
                    fetch.Cancel();
                    throw;
                }
                if (reading && fetched < FetchSize)
                {
                    reachedEnd = true;
                    break;
                }
            }
            if (!reachedEnd && limits.CountAllRows && !collector.BytesTruncated)
            {
                reachedEnd = await CountRestAsync(connection, collector, limits.MaxCountedRows - collector.RowCount, deadline.Token);
            }
            return collector.Finish(reachedEnd);
        }
        catch (CapExceededException e)
        {
            return collector.Fail(SqlRunStatus.LimitExceeded, e.Message);
        }
        catch (Exception e) when (memory?.Exceeded == true && e is OperationCanceledException or NpgsqlException)
        {
            return collector.Fail(SqlRunStatus.LimitExceeded, CapMessages.Memory(limits.MaxMemoryBytes));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return collector.Fail(SqlRunStatus.Cancelled, "the query was cancelled.");
        }
        catch (OperationCanceledException)
        {
            return TimedOut(collector, limits);
        }
        catch (PostgresException e)
        {
            return Failure(collector, limits, e, statement);
        }
        catch (NpgsqlException e) when (e.InnerException is TimeoutException || deadline.IsCancellationRequested)
        {
            return cancellationToken.IsCancellationRequested ? collector.Fail(SqlRunStatus.Cancelled, "the query was cancelled.") : TimedOut(collector, limits);
        }
        finally
        {
            if (memory is not null)
            {
                await memory.DisposeAsync();
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SqlTableInfo>> DescribeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = _dataSource.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var columns = new List<(string Table, SqlColumn Column)>();
        await using (var command = new NpgsqlCommand(
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "JOIN pg_attribute a ON a.attrelid = c.oid WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p') AND a.attnum > 0 AND NOT a.attisdropped " +
            "ORDER BY c.relname, a.attnum", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = _schema });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add((reader.GetString(0), new SqlColumn(reader.GetString(1), reader.GetString(2))));
            }
        }
        var tables = new List<SqlTableInfo>();
        foreach (var group in columns.GroupBy(c => c.Table))
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {QuoteIdentifier(_schema)}.{QuoteIdentifier(group.Key)}", connection);
            var rows = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            tables.Add(new SqlTableInfo(group.Key, group.Select(c => c.Column).ToArray(), rows));
        }
        return tables;
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<bool> CountRestAsync(NpgsqlConnection connection, RowCollector collector, long budget, CancellationToken cancellationToken)
    {
        if (budget < 0)
        {
            return false;
        }
        try
        {
            await using var move = new NpgsqlCommand($"MOVE FORWARD {budget + 1} IN {Cursor}", connection);
            var moved = await move.ExecuteNonQueryAsync(cancellationToken);
            if (moved > 0)
            {
                collector.Count(moved);
            }
            // One row past the budget means there are more than the cap: the total stays unknown.
            return moved <= budget;
        }
        catch (Exception e) when (e is OperationCanceledException or PostgresException or NpgsqlException)
        {
            // Out of time while only counting: the kept rows stand, the total is unknown.
            return false;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The cursor's columns from a Describe of the FETCH (nothing runs), so each column's wire format can be chosen.</summary>
    private static async Task<IReadOnlyList<SqlColumn>> DescribeCursorAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var describe = new NpgsqlCommand($"FETCH FORWARD {FetchSize} FROM {Cursor}", connection);
        await using var reader = await describe.ExecuteReaderAsync(CommandBehavior.SchemaOnly, cancellationToken);
        return Enumerable.Range(0, reader.FieldCount).Select(i => new SqlColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToArray();
    }

    private static SqlRunResult TimedOut(RowCollector collector, SandboxLimits limits) =>
        collector.Fail(SqlRunStatus.TimedOut, $"the query ran longer than the {limits.Timeout.TotalSeconds:0.###} s time limit and was stopped.");

    private static SqlRunResult Failure(RowCollector collector, SandboxLimits limits, PostgresException e, string statement)
    {
        // The position counts characters (code points) from 1 in the DECLARE that wraps the candidate's statement.
        var where = e.Position > 0 ? StatementText.Where(statement, StatementText.IndexOfCodePoint(Declare + statement, e.Position - 1) - Declare.Length) : "";
        return e.SqlState switch
        {
            PostgresErrorCodes.QueryCanceled => TimedOut(collector, limits),
            PostgresErrorCodes.InsufficientPrivilege => collector.Fail(SqlRunStatus.Refused, $"not allowed in the sandbox: {e.MessageText}."),
            PostgresErrorCodes.ReadOnlySqlTransaction => collector.Fail(SqlRunStatus.Refused, $"the sandbox is read-only: {e.MessageText}."),
            PostgresErrorCodes.ConfigurationLimitExceeded or PostgresErrorCodes.ProgramLimitExceeded or PostgresErrorCodes.OutOfMemory
                or PostgresErrorCodes.DiskFull or PostgresErrorCodes.InsufficientResources or PostgresErrorCodes.TooManyConnections
                => collector.Fail(SqlRunStatus.LimitExceeded, $"the query hit a resource limit: {e.MessageText}."),
            PostgresErrorCodes.SyntaxError when e.MessageText.Contains("multiple commands", StringComparison.Ordinal)
                => collector.Fail(SqlRunStatus.Refused, "only one statement is allowed."),
            _ => collector.Fail(SqlRunStatus.SqlError, $"{e.MessageText}{where}."),
        };
    }
}

using System.Collections.Concurrent;
using DsLoop.Data.Generation;
using DsLoop.Data.Schema;
using SQLitePCL;

namespace DsLoop.Data.Output;

/// <summary>
/// Loads a dataset into a fresh SQLite file: one transaction, one reused prepared 50-row INSERT per table bound
/// through the native API, journal and sync off during the load. Indexes on columns whose values arrive in
/// ascending order (<see cref="AscendingColumns"/>) exist from the start, so each insert appends to the index's
/// last page; the other secondary indexes are built at the end. Rows are copied into batches that a loader
/// thread inserts, so generating and inserting overlap.
/// </summary>
public sealed class SqliteDatasetWriter : IDatasetSink, IDisposable
{
    /// <summary>
    /// Columns whose values never decrease in the order rows are generated: users are simulated in id order and
    /// session ids come from a counter. An index on them is cheapest built while loading (an append per row, where
    /// building it afterwards reads and sorts the whole table); the order is checked by a test, and were it lost
    /// the indexes would only be slower to build, never wrong.
    /// </summary>
    public static IReadOnlySet<string> AscendingColumns { get; } = new HashSet<string>(["user_id", "session_id"], StringComparer.Ordinal);

    private const int BatchRows = SqliteLoadBatch.Capacity;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt?[] _batchStatements = new sqlite3_stmt?[DatasetSchema.Tables.Count];
    private readonly sqlite3_stmt?[] _singleStatements = new sqlite3_stmt?[DatasetSchema.Tables.Count];
    private readonly SqliteLoadBatch?[] _filling = new SqliteLoadBatch?[DatasetSchema.Tables.Count];
    private readonly ConcurrentQueue<SqliteLoadBatch>[] _free = [.. DatasetSchema.Tables.Select(_ => new ConcurrentQueue<SqliteLoadBatch>())];
    // 64 batches of 200 rows in flight: enough to absorb the generator's bursts, few enough to keep memory flat.
    private readonly BlockingCollection<SqliteLoadBatch> _queue = new(boundedCapacity: 64);
    private readonly PinnedUtf8Cache _strings = new();
    private readonly Thread _loader;
    private Exception? _failure;
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates (replacing any existing file) the database at <paramref name="path"/> and starts the load.</summary>
    public SqliteDatasetWriter(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        foreach (var file in new[] { Path, Path + "-journal", Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
        // A raw connection without SQLite's per-connection mutex: only one thread uses it at a time (the constructor,
        // then the loader thread, then Complete after the loader has stopped), and every bind and step saves a lock.
        Batteries_V2.Init();
        var rc = raw.sqlite3_open_v2(Path, out _db, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_NOMUTEX, null);
        if (rc != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errstr(rc).utf8_to_string();
            _db.Dispose();
            throw new InvalidOperationException($"SQLite could not create {Path}: {message}");
        }
        Execute("PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; "
            + "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA threads=4;");
        foreach (var table in DatasetSchema.Tables)
        {
            Execute(CreateTableSql(table));
            foreach (var index in table.Indexes.Where(BuiltDuringLoad))
            {
                Execute(CreateIndexSql(table, index));
            }
        }
        Execute("BEGIN");
        foreach (var table in DatasetSchema.Tables)
        {
            _batchStatements[table.Ordinal] = Prepare(table, BatchRows);
            _singleStatements[table.Ordinal] = Prepare(table, 1);
        }
        _loader = new Thread(Load) { IsBackground = true, Name = "dsloop sqlite loader" };
        _loader.Start();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The CREATE TABLE statement of a table (primary key inline; secondary indexes come after the load).</summary>
    public static string CreateTableSql(TableSchema table)
    {
        var columns = table.Columns.Select(c => $"{c.Name} {c.SqliteType}{(c.Nullable ? "" : " NOT NULL")}");
        return $"CREATE TABLE {table.Name} ({string.Join(", ", columns)}, PRIMARY KEY ({string.Join(", ", table.PrimaryKey)}))";
    }

    /// <summary>The CREATE INDEX statement of one of a table's secondary indexes.</summary>
    public static string CreateIndexSql(TableSchema table, IReadOnlyList<string> index) =>
        $"CREATE INDEX ix_{table.Name}_{string.Join("_", index)} ON {table.Name} ({string.Join(", ", index)})";

    private static bool BuiltDuringLoad(IReadOnlyList<string> index) => AscendingColumns.Contains(index[0]);

    /// <inheritdoc />
    public void Write(DataRow row)
    {
        var ordinal = row.Table.Ordinal;
        var batch = _filling[ordinal] ??= Rent(row.Table);
        batch.Add(row, _strings);
        if (batch.Full)
        {
            Enqueue(batch);
            _filling[ordinal] = null;
        }
    }

    private SqliteLoadBatch Rent(TableSchema table) => _free[table.Ordinal].TryDequeue(out var batch) ? batch : new SqliteLoadBatch(table);

    private void Enqueue(SqliteLoadBatch batch)
    {
        if (_failure is { } failure)
        {
            throw new InvalidOperationException("Loading into SQLite failed: " + failure.Message, failure);
        }
        try
        {
            _queue.Add(batch);
        }
        catch (InvalidOperationException) when (_failure is not null)
        {
            throw new InvalidOperationException("Loading into SQLite failed: " + _failure.Message, _failure);
        }
    }

    /// <summary>The loader thread: inserts queued batches until the queue is closed, then stops at the first error.</summary>
    private void Load()
    {
        try
        {
            foreach (var batch in _queue.GetConsumingEnumerable())
            {
                var table = batch.Table;
                if (batch.Count == BatchRows)
                {
                    var statement = _batchStatements[table.Ordinal]!;
                    var width = table.Columns.Count;
                    for (var k = 0; k < BatchRows; k++)
                    {
                        Bind(statement, batch, k, (k * width) + 1);
                    }
                    Step(statement, table);
                }
                else
                {
                    var statement = _singleStatements[table.Ordinal]!;
                    for (var k = 0; k < batch.Count; k++)
                    {
                        Bind(statement, batch, k, 1);
                        Step(statement, table);
                    }
                }
                batch.Count = 0;
                _free[table.Ordinal].Enqueue(batch);
            }
        }
#pragma warning disable CA1031 // The failure is handed to the producing thread.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failure = e;
            _queue.CompleteAdding();
        }
    }

    /// <summary>
    /// Binds row <paramref name="row"/> of the batch at parameter <paramref name="offset"/>. Text is bound without a
    /// copy (SQLITE_STATIC) from what <see cref="SqliteLoadBatch.Add"/> prepared: formatted timestamps and dates, and
    /// pinned UTF-8 for repeated strings.
    /// </summary>
    private static void Bind(sqlite3_stmt statement, SqliteLoadBatch batch, int row, int offset)
    {
        var handle = statement.DangerousGetHandle();
        var values = batch.Rows[row];
        var columns = batch.Table.Columns;
        var first = row * columns.Count;
        for (var i = 0; i < columns.Count; i++)
        {
            var index = i + offset;
            if (values.IsNull(i))
            {
                NativeSqlite.BindNull(handle, index);
                continue;
            }
            var slot = first + i;
            switch (columns[i].Type)
            {
                case ColumnType.Integer:
                case ColumnType.Boolean:
                    NativeSqlite.BindInt64(handle, index, values.GetInt64(i));
                    break;
                case ColumnType.Real:
                    NativeSqlite.BindDouble(handle, index, values.GetDouble(i));
                    break;
                case ColumnType.Timestamp:
                    NativeSqlite.BindText(handle, index, ref batch.Text[slot * SqliteLoadBatch.SlotBytes], Clock.TimestampLength, NativeSqlite.Static);
                    break;
                case ColumnType.Date:
                    NativeSqlite.BindText(handle, index, ref batch.Text[slot * SqliteLoadBatch.SlotBytes], Clock.DateLength, NativeSqlite.Static);
                    break;
                default:
                    if (batch.Utf8[slot] is { } utf8)
                    {
                        NativeSqlite.BindText(handle, index, ref utf8[0], utf8.Length, NativeSqlite.Static);
                    }
                    else
                    {
                        raw.sqlite3_bind_text(statement, index, values.GetText(i)!);
                    }
                    break;
            }
        }
    }

    private void Step(sqlite3_stmt statement, TableSchema table)
    {
        var handle = statement.DangerousGetHandle();
        var rc = NativeSqlite.Step(handle);
        NativeSqlite.Reset(handle);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc, "insert into " + table.Name);
        }
    }

    /// <summary>Inserts what is still queued, commits, then builds the remaining secondary indexes and statistics.</summary>
    public void Complete()
    {
        for (var i = 0; i < _filling.Length; i++)
        {
            if (_filling[i] is { Count: > 0 } batch)
            {
                Enqueue(batch);
            }
            _filling[i] = null;
        }
        StopLoader();
        if (_failure is { } failure)
        {
            throw new InvalidOperationException("Loading into SQLite failed: " + failure.Message, failure);
        }
        FinalizeStatements();
        Execute("COMMIT");
        foreach (var table in DatasetSchema.Tables)
        {
            foreach (var index in table.Indexes.Where(i => !BuiltDuringLoad(i)))
            {
                Execute(CreateIndexSql(table, index));
            }
        }
        Execute("PRAGMA analysis_limit=1000; ANALYZE;");
        _completed = true;
    }

    private void StopLoader()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
        }
        _loader.Join();
    }

    private sqlite3_stmt Prepare(TableSchema table, int rows)
    {
        var tuple = $"({string.Join(", ", table.Columns.Select(_ => "?"))})";
        var sql = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES {string.Join(", ", Enumerable.Repeat(tuple, rows))}";
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement), "prepare " + table.Name);
        return statement;
    }

    private void FinalizeStatements()
    {
        for (var i = 0; i < _batchStatements.Length; i++)
        {
            _batchStatements[i]?.Dispose();
            _batchStatements[i] = null;
            _singleStatements[i]?.Dispose();
            _singleStatements[i] = null;
        }
    }

    private void Execute(string sql) => Check(raw.sqlite3_exec(_db, sql), sql.Length > 60 ? sql[..60] + "…" : sql);

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite {what} failed ({rc}): {raw.sqlite3_errmsg(_db).utf8_to_string()}");
        }
    }

    /// <summary>Closes the file; an uncompleted load is rolled back and the file removed.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        StopLoader();
        FinalizeStatements();
        _db.Dispose();
        _queue.Dispose();
        if (!_completed)
        {
            File.Delete(Path);
        }
    }
}

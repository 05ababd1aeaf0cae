using System.Collections.Concurrent;
using System.Text;
using DsLoop.Data.Generation;
using DsLoop.Data.Schema;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DsLoop.Data.Output;

/// <summary>
/// Loads a dataset into a fresh SQLite file: one transaction, one reused prepared 50-row INSERT per table bound
/// through the native API, journal and sync off during the load, secondary indexes built at the end.
/// Rows are copied into batches that a loader thread inserts, so generating and inserting overlap.
/// </summary>
public sealed class SqliteDatasetWriter : IDatasetSink, IDisposable
{
    /// <summary>Rows per multi-row INSERT: fewer statement steps per row.</summary>
    private const int BatchRows = 50;

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt?[] _batchStatements = new sqlite3_stmt?[DatasetSchema.Tables.Count];
    private readonly sqlite3_stmt?[] _singleStatements = new sqlite3_stmt?[DatasetSchema.Tables.Count];
    private readonly Batch?[] _filling = new Batch?[DatasetSchema.Tables.Count];
    private readonly ConcurrentQueue<Batch>[] _free = [.. DatasetSchema.Tables.Select(_ => new ConcurrentQueue<Batch>())];
    private readonly BlockingCollection<Batch> _queue = new(boundedCapacity: 256);
    private readonly Thread _loader;

    /// <summary>Bytes per parameter in the pinned timestamp scratch area.</summary>
    private const int SlotBytes = 24;
    private const int MaxCachedStrings = 4_096;
    private readonly byte[]?[] _scratch = new byte[]?[DatasetSchema.Tables.Count];
    private readonly Dictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);
    private Exception? _failure;
    private bool _completed;
    private bool _disposed;

    private sealed class Batch(TableSchema table)
    {
        public TableSchema Table { get; } = table;

        public DataRow[] Rows { get; } = [.. Enumerable.Range(0, BatchRows).Select(_ => new DataRow(table))];

        public int Count { get; set; }
    }

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
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; "
            + "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA threads=4;");
        foreach (var table in DatasetSchema.Tables)
        {
            Execute(CreateTableSql(table));
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

    /// <inheritdoc />
    public void Write(DataRow row)
    {
        var ordinal = row.Table.Ordinal;
        var batch = _filling[ordinal] ??= Rent(row.Table);
        row.CopyTo(batch.Rows[batch.Count]);
        if (++batch.Count == BatchRows)
        {
            Enqueue(batch);
            _filling[ordinal] = null;
        }
    }

    private Batch Rent(TableSchema table) => _free[table.Ordinal].TryDequeue(out var batch) ? batch : new Batch(table);

    private void Enqueue(Batch batch)
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
                        Bind(statement, batch.Rows[k], (k * width) + 1);
                    }
                    Step(statement, table);
                }
                else
                {
                    var statement = _singleStatements[table.Ordinal]!;
                    for (var k = 0; k < batch.Count; k++)
                    {
                        Bind(statement, batch.Rows[k], 1);
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
    /// Binds one row at parameter <paramref name="offset"/>. Text is bound without a copy (SQLITE_STATIC): timestamps
    /// are written into a pinned per-table scratch area with one slot per parameter, and repeated strings (event names,
    /// platforms, versions …) come from a pinned UTF-8 cache.
    /// </summary>
    private void Bind(sqlite3_stmt statement, DataRow row, int offset)
    {
        var handle = statement.DangerousGetHandle();
        var columns = row.Table.Columns;
        var scratch = _scratch[row.Table.Ordinal] ??= GC.AllocateArray<byte>(BatchRows * columns.Count * SlotBytes, pinned: true);
        for (var i = 0; i < columns.Count; i++)
        {
            var index = i + offset;
            if (row.IsNull(i))
            {
                NativeSqlite.BindNull(handle, index);
                continue;
            }
            switch (columns[i].Type)
            {
                case ColumnType.Integer:
                case ColumnType.Boolean:
                    NativeSqlite.BindInt64(handle, index, row.GetInt64(i));
                    break;
                case ColumnType.Real:
                    NativeSqlite.BindDouble(handle, index, row.GetDouble(i));
                    break;
                case ColumnType.Timestamp:
                    {
                        var slot = (index - 1) * SlotBytes;
                        Clock.WriteTimestamp(row.GetInt64(i), scratch.AsSpan(slot, SlotBytes));
                        NativeSqlite.BindText(handle, index, ref scratch[slot], Clock.TimestampLength, NativeSqlite.Static);
                        break;
                    }
                case ColumnType.Date:
                    {
                        var slot = (index - 1) * SlotBytes;
                        Clock.WriteDate(row.GetInt64(i), scratch.AsSpan(slot, SlotBytes));
                        NativeSqlite.BindText(handle, index, ref scratch[slot], Clock.DateLength, NativeSqlite.Static);
                        break;
                    }
                default:
                    var text = row.GetText(i)!;
                    if (text.Length == 0)
                    {
                        raw.sqlite3_bind_text(statement, index, text);
                    }
                    else if (_utf8.TryGetValue(text, out var cached) || (_utf8.Count < MaxCachedStrings && Cache(text, out cached)))
                    {
                        NativeSqlite.BindText(handle, index, ref cached[0], cached.Length, NativeSqlite.Static);
                    }
                    else
                    {
                        raw.sqlite3_bind_text(statement, index, text);
                    }
                    break;
            }
        }
    }

    private bool Cache(string text, out byte[] utf8)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        utf8 = GC.AllocateArray<byte>(bytes.Length, pinned: true);
        bytes.CopyTo(utf8, 0);
        _utf8[text] = utf8;
        return true;
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

    /// <summary>Inserts what is still queued, commits, then builds the secondary indexes and statistics.</summary>
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
            foreach (var index in table.Indexes)
            {
                Execute($"CREATE INDEX ix_{table.Name}_{string.Join("_", index)} ON {table.Name} ({string.Join(", ", index)})");
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
        Check(raw.sqlite3_prepare_v2(_connection.Handle!, sql, out var statement), "prepare " + table.Name);
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

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite {what} failed ({rc}): {raw.sqlite3_errmsg(_connection.Handle!).utf8_to_string()}");
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
        _connection.Dispose();
        _queue.Dispose();
        if (!_completed)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(Path);
        }
    }
}

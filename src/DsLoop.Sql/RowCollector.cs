using System.Diagnostics;

namespace DsLoop.Sql;

/// <summary>Keeps the first rows within the row and byte limits and forwards every row to an optional consumer.</summary>
internal sealed class RowCollector(SandboxLimits limits, IRowConsumer? consumer)
{
    private readonly List<IReadOnlyList<object?>> _rows = [];
    private long _bytes;
    private bool _consumerStopped;

    public IReadOnlyList<SqlColumn> Columns { get; private set; } = [];

    public long RowCount { get; private set; }

    public bool RowsTruncated { get; private set; }

    public bool BytesTruncated { get; private set; }

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>True while more rows are wanted: by the consumer, for the kept rows, or for counting.</summary>
    public bool WantsValues => consumer is not null ? !_consumerStopped : !RowsTruncated && !BytesTruncated;

    public void SetColumns(IReadOnlyList<SqlColumn> columns)
    {
        Columns = columns;
        consumer?.OnColumns(columns);
    }

    /// <summary>Adds a row; returns false when reading values should stop.</summary>
    public bool Add(object?[] values, long approximateBytes)
    {
        RowCount++;
        if (!RowsTruncated && !BytesTruncated)
        {
            if (_rows.Count >= limits.MaxRows)
            {
                RowsTruncated = true;
            }
            else if (_bytes + approximateBytes > limits.MaxOutputBytes)
            {
                BytesTruncated = true;
            }
            else
            {
                _bytes += approximateBytes;
                _rows.Add((object?[])values.Clone());
            }
        }
        if (consumer is not null && !_consumerStopped && !consumer.OnRow(values))
        {
            _consumerStopped = true;
        }
        return WantsValues;
    }

    /// <summary>Counts a row whose values were not read.</summary>
    public void Count(long rows = 1)
    {
        RowCount += rows;
        RowsTruncated = true;
    }

    public SqlRunResult Finish(bool reachedEnd)
    {
        var truncatedMessage = BytesTruncated
            ? $"output stopped at the {limits.MaxOutputBytes:N0}-byte limit after {_rows.Count:N0} rows."
            : RowsTruncated ? $"showing the first {_rows.Count:N0} rows." : null;
        return new SqlRunResult
        {
            Status = SqlRunStatus.Ok,
            Message = truncatedMessage,
            Columns = Columns,
            Rows = _rows,
            TotalRowCount = reachedEnd ? RowCount : null,
            Elapsed = Clock.Elapsed,
            RowsTruncated = RowsTruncated || (!reachedEnd && RowCount > _rows.Count),
            BytesTruncated = BytesTruncated,
        };
    }

    public SqlRunResult Fail(SqlRunStatus status, string message) => new()
    {
        Status = status,
        Message = message,
        Columns = Columns,
        Rows = _rows,
        Elapsed = Clock.Elapsed,
        RowsTruncated = RowsTruncated,
        BytesTruncated = BytesTruncated,
    };

    public static SqlRunResult Refuse(string message, TimeSpan elapsed) => new()
    {
        Status = SqlRunStatus.Refused,
        Message = message,
        Elapsed = elapsed,
    };
}

using DsLoop.Sql.Spill;

namespace DsLoop.Sql;

/// <summary>
/// One side of a comparison: normalises rows as they stream in and keeps them in memory up to
/// <see cref="ResultGrader.InMemoryRowLimit"/>; past that, hashes each row straight from the driver's values into a
/// <see cref="SpillStore"/>, accumulating the order hashes on the way.
/// </summary>
internal sealed class ResultSide(ResultGrader grader, CellComparer comparer, IReadOnlyList<SqlColumn>? referenceColumns) : IRowConsumer, IDisposable
{
    private readonly ByteBuffer _values = new();
    private int[] _map = [];
    private RowHasher? _hasher;
    private UInt128 _orderHash;
    private UInt128 _keyOrderHash;

    public CellComparer Comparer => comparer;

    public List<SqlColumn> Columns { get; private set; } = [];

    public List<Cell[]> Rows { get; } = [];

    public long Count { get; private set; }

    public long PeakInMemory { get; private set; }

    public SpillStore? Store { get; private set; }

    public bool Spilled => Store is not null;

    public bool TooLarge { get; private set; }

    public string? ColumnProblem { get; private set; }

    /// <summary>Sum over rows of mix(ordinal, row hash): equal on both sides when the same rows come in the same order (spilled, full order only).</summary>
    public UInt128 OrderHash => _orderHash;

    /// <summary>Sum over rows of mix(ordinal, hash of the spec's order keys) (spilled, order by keys only).</summary>
    public UInt128 KeyOrderHash => _keyOrderHash;

    public void OnColumns(IReadOnlyList<SqlColumn> columns)
    {
        if (referenceColumns is null)
        {
            Columns = [.. columns];
            _map = Enumerable.Range(0, columns.Count).ToArray();
            return;
        }
        Columns = [.. referenceColumns];
        ColumnProblem = MapColumns(referenceColumns, columns, comparer.Spec, out _map);
    }

    private static string? MapColumns(IReadOnlyList<SqlColumn> expected, IReadOnlyList<SqlColumn> actual, GradingSpec spec, out int[] map)
    {
        map = Enumerable.Range(0, expected.Count).ToArray();
        string Names(IReadOnlyList<SqlColumn> columns) => "(" + string.Join(", ", columns.Select(c => c.Name)) + ")";
        if (!spec.ColumnNamesMustMatch)
        {
            return expected.Count == actual.Count ? null : $"expected {expected.Count} columns, got {actual.Count}: expected {Names(expected)}, got {Names(actual)}";
        }
        var sameSet = expected.Select(c => c.Name.ToUpperInvariant()).Order(StringComparer.Ordinal)
            .SequenceEqual(actual.Select(c => c.Name.ToUpperInvariant()).Order(StringComparer.Ordinal));
        if (!sameSet)
        {
            return $"expected columns {Names(expected)}, got {Names(actual)}";
        }
        var inOrder = expected.Select((e, i) => string.Equals(e.Name, actual[i].Name, StringComparison.OrdinalIgnoreCase)).All(x => x);
        if (!inOrder && spec.ColumnOrderMatters)
        {
            return $"right columns in the wrong order: expected {Names(expected)}, got {Names(actual)}";
        }
        // Each expected column takes the first unused candidate column of the same name (names may repeat).
        var used = new bool[actual.Count];
        for (var i = 0; i < expected.Count; i++)
        {
            var j = Enumerable.Range(0, actual.Count).First(k => !used[k] && string.Equals(actual[k].Name, expected[i].Name, StringComparison.OrdinalIgnoreCase));
            used[j] = true;
            map[i] = j;
        }
        return null;
    }

    public bool OnRow(object?[] values)
    {
        if (ColumnProblem is not null)
        {
            return false;
        }
        if (Count >= grader.MaxRows)
        {
            TooLarge = true;
            return false;
        }
        var ordinal = Count++;
        if (Store is not null)
        {
            // The hot path of a large result: no cells, no strings, one fixed-size record.
            _hasher!.Begin();
            _values.Clear();
            foreach (var column in _map)
            {
                _hasher.Add(values[column]);
                RowDisplayCodec.Add(_values, values[column], comparer);
            }
            Store.Append(_values.Written, Hashes(ordinal));
            return true;
        }
        var row = new Cell[_map.Length];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = comparer.Normalize(values[_map[i]]);
        }
        Rows.Add(row);
        PeakInMemory = Math.Max(PeakInMemory, Rows.Count);
        if (Rows.Count > grader.InMemoryRowLimit)
        {
            Spill();
        }
        return true;
    }

    public ResultSide CopyInMemory()
    {
        var copy = new ResultSide(grader, comparer, null) { Columns = [.. Columns], _map = _map, Count = Count, PeakInMemory = PeakInMemory };
        copy.Rows.AddRange(Rows);
        return copy;
    }

    /// <summary>Moves the rows held in memory to disk; later rows go straight there.</summary>
    public void Spill()
    {
        if (Store is not null)
        {
            return;
        }
        var spec = comparer.Spec;
        var keys = spec.Order == RowOrder.ByKeys
            ? spec.OrderKeys.Select(k => Columns.FindIndex(c => string.Equals(c.Name, k, StringComparison.OrdinalIgnoreCase))).ToList()
            : [];
        _hasher = new RowHasher(comparer, Columns.Count, keys.Contains(-1) ? [] : keys);
        Store = new SpillStore(grader.Partitions);
        for (var k = 0; k < Rows.Count; k++)
        {
            _hasher.Begin();
            _values.Clear();
            foreach (var cell in Rows[k])
            {
                _hasher.Add(cell);
                RowDisplayCodec.AddDisplay(_values, cell.Display);
            }
            Store.Append(_values.Written, Hashes(k));
        }
        Rows.Clear();
        Rows.TrimExcess();
    }

    /// <summary>The row's hash, after folding it (or its key) into the order hash the spec needs.</summary>
    private UInt128 Hashes(long ordinal)
    {
        var hash = _hasher!.RowHash();
        var order = comparer.Spec.Order;
        if (order == RowOrder.Full)
        {
            _orderHash += Mix(ordinal, hash);
        }
        else if (order == RowOrder.ByKeys)
        {
            _keyOrderHash += Mix(ordinal, _hasher.KeyHash());
        }
        return hash;
    }

    public void CompleteSpill() => Store?.Complete();

    private static UInt128 Mix(long ordinal, UInt128 hash)
    {
        Span<ulong> buffer = [(ulong)ordinal, (ulong)(hash >> 64), (ulong)hash];
        return System.IO.Hashing.XxHash128.HashToUInt128(System.Runtime.InteropServices.MemoryMarshal.AsBytes(buffer));
    }

    public void Dispose() => Store?.Dispose();
}

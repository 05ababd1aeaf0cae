using System.Globalization;
using DsLoop.Data.Generation;
using DsLoop.Data.Schema;

namespace DsLoop.Data;

/// <summary>
/// One generated row. The generator reuses one instance per table: read or copy it before asking for the
/// next row. Timestamps and dates are held as seconds since the epoch, booleans as 0/1.
/// </summary>
public sealed class DataRow
{
    private readonly long[] _integers;
    private readonly double[] _reals;
    private readonly string?[] _texts;
    private readonly bool[] _nulls;

    /// <summary>An empty row of the table.</summary>
    public DataRow(TableSchema table)
    {
        Table = table;
        var n = table.Columns.Count;
        _integers = new long[n];
        _reals = new double[n];
        _texts = new string?[n];
        _nulls = new bool[n];
    }

    /// <summary>The table this row belongs to.</summary>
    public TableSchema Table { get; }

    /// <summary>Whether the column is NULL.</summary>
    public bool IsNull(int column) => _nulls[column];

    /// <summary>An Integer, Boolean (0/1), Timestamp or Date (seconds since the epoch) value.</summary>
    public long GetInt64(int column) => _integers[column];

    /// <summary>A Real value.</summary>
    public double GetDouble(int column) => _reals[column];

    /// <summary>A Text value (null when NULL).</summary>
    public string? GetText(int column) => _texts[column];

    internal void Set(int column, long value)
    {
        _integers[column] = value;
        _nulls[column] = false;
    }

    internal void Set(int column, bool value)
    {
        _integers[column] = value ? 1 : 0;
        _nulls[column] = false;
    }

    internal void Set(int column, double value)
    {
        _reals[column] = value;
        _nulls[column] = false;
    }

    internal void Set(int column, string? value)
    {
        _texts[column] = value;
        _nulls[column] = value is null;
    }

    internal void SetNull(int column) => _nulls[column] = true;

    internal void Set(int column, long? value)
    {
        if (value is { } v)
        {
            Set(column, v);
        }
        else
        {
            SetNull(column);
        }
    }

    /// <summary>A deep copy that survives the generator moving on.</summary>
    public DataRow Clone()
    {
        var copy = new DataRow(Table);
        CopyTo(copy);
        return copy;
    }

    internal void CopyTo(DataRow target)
    {
        _integers.CopyTo(target._integers, 0);
        _reals.CopyTo(target._reals, 0);
        _texts.CopyTo(target._texts, 0);
        _nulls.CopyTo(target._nulls, 0);
    }

    /// <summary>
    /// The canonical text of a cell, as in the CSV export and table checksums: invariant numbers
    /// (shortest round-trip for reals), 'YYYY-MM-DD HH:MM:SS' timestamps, 0/1 booleans, and the empty string for NULL.
    /// </summary>
    public string Format(int column)
    {
        if (_nulls[column])
        {
            return "";
        }
        return Table.Columns[column].Type switch
        {
            ColumnType.Integer or ColumnType.Boolean => _integers[column].ToString(CultureInfo.InvariantCulture),
            ColumnType.Real => _reals[column].ToString("R", CultureInfo.InvariantCulture),
            ColumnType.Timestamp => Clock.FormatTimestamp(_integers[column]),
            ColumnType.Date => Clock.FormatDate(_integers[column]),
            _ => _texts[column]!,
        };
    }

    /// <summary>Writes the canonical text of a cell into <paramref name="destination"/>; returns the characters written.</summary>
    public int FormatTo(int column, Span<char> destination)
    {
        if (_nulls[column])
        {
            return 0;
        }
        int written;
        switch (Table.Columns[column].Type)
        {
            case ColumnType.Integer or ColumnType.Boolean:
                _integers[column].TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
                return written;
            case ColumnType.Real:
                _reals[column].TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);
                return written;
            case ColumnType.Timestamp:
                Clock.WriteTimestamp(_integers[column], destination);
                return Clock.TimestampLength;
            case ColumnType.Date:
                Clock.WriteDate(_integers[column], destination);
                return Clock.DateLength;
            default:
                var text = _texts[column]!;
                text.AsSpan().CopyTo(destination);
                return text.Length;
        }
    }
}

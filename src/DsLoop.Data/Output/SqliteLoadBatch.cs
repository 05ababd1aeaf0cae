using System.Text;
using DsLoop.Data.Generation;
using DsLoop.Data.Schema;

namespace DsLoop.Data.Output;

/// <summary>
/// Up to <see cref="Capacity"/> rows of one table on their way to <see cref="SqliteDatasetWriter"/>'s loader thread,
/// with the bind work that needs no SQLite done on the generating thread: timestamps and dates are formatted into a
/// pinned buffer (one slot per parameter) and repeated strings are resolved to pinned UTF-8 copies, so the loader
/// only hands pointers to SQLite.
/// </summary>
internal sealed class SqliteLoadBatch
{
    /// <summary>Rows per multi-row INSERT: fewer statement steps per row (200 loads the standard dataset ~3% faster than 50, with ~6% less CPU).</summary>
    public const int Capacity = 200;

    /// <summary>Bytes per parameter in the pinned text area.</summary>
    public const int SlotBytes = 24;

    public SqliteLoadBatch(TableSchema table)
    {
        Table = table;
        Rows = [.. Enumerable.Range(0, Capacity).Select(_ => new DataRow(table))];
        Text = GC.AllocateArray<byte>(Capacity * table.Columns.Count * SlotBytes, pinned: true);
        Utf8 = new byte[]?[Capacity * table.Columns.Count];
    }

    public TableSchema Table { get; }

    public DataRow[] Rows { get; }

    /// <summary>Formatted timestamps and dates, at <c>(row × columns + column) × SlotBytes</c>.</summary>
    public byte[] Text { get; }

    /// <summary>Pinned UTF-8 of text cells found in the cache, at <c>row × columns + column</c> (null otherwise).</summary>
    public byte[]?[] Utf8 { get; }

    public int Count { get; set; }

    public bool Full => Count == Capacity;

    /// <summary>Copies <paramref name="row"/> in and prepares its text for binding.</summary>
    public void Add(DataRow row, PinnedUtf8Cache strings)
    {
        var copy = Rows[Count];
        row.CopyTo(copy);
        var columns = Table.Columns;
        var first = Count * columns.Count;
        for (var i = 0; i < columns.Count; i++)
        {
            if (copy.IsNull(i))
            {
                continue;
            }
            var slot = first + i;
            switch (columns[i].Type)
            {
                case ColumnType.Timestamp:
                    Clock.WriteTimestamp(copy.GetInt64(i), Text.AsSpan(slot * SlotBytes, SlotBytes));
                    break;
                case ColumnType.Date:
                    Clock.WriteDate(copy.GetInt64(i), Text.AsSpan(slot * SlotBytes, SlotBytes));
                    break;
                case ColumnType.Text:
                    Utf8[slot] = strings.Get(copy.GetText(i)!);
                    break;
                default:
                    break;
            }
        }
        Count++;
    }
}

/// <summary>
/// Pinned UTF-8 copies of the strings that repeat across rows (event names, platforms, versions …), bound to SQLite
/// without a copy. Holds at most <see cref="MaxStrings"/>; rarer strings are bound the ordinary way. One thread only.
/// </summary>
internal sealed class PinnedUtf8Cache
{
    public const int MaxStrings = 4_096;

    private readonly Dictionary<string, byte[]> _strings = new(StringComparer.Ordinal);

    /// <summary>The pinned bytes of <paramref name="text"/>, or null when it is empty or the cache is full.</summary>
    public byte[]? Get(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (_strings.TryGetValue(text, out var utf8))
        {
            return utf8;
        }
        if (_strings.Count >= MaxStrings)
        {
            return null;
        }
        utf8 = GC.AllocateArray<byte>(Encoding.UTF8.GetByteCount(text), pinned: true);
        Encoding.UTF8.GetBytes(text, utf8);
        _strings[text] = utf8;
        return utf8;
    }
}

using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DsLoop.Data.Generation;
using DsLoop.Data.Schema;

namespace DsLoop.Data.Output;

/// <summary>
/// An engine-independent fingerprint of a loaded table: the row count and an order-independent sum of
/// SHA-256 hashes of each row's canonical text (see <see cref="DataRow.Format"/>; NULL is written as \N).
/// The same data gives the same checksum in SQLite, PostgreSQL and from generated rows.
/// </summary>
public static class TableChecksum
{
    /// <summary>Checksums a table read through any ADO.NET connection (<paramref name="schema"/> for PostgreSQL).</summary>
    public static string Compute(DbConnection connection, TableSchema table, string? schema = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => c.Name))} FROM {(schema is null ? "" : schema + ".")}{table.Name}";
        command.CommandTimeout = 0;
        using var reader = command.ExecuteReader();
        var accumulator = new Accumulator();
        var cells = new string[table.Columns.Count];
        while (reader.Read())
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.IsDBNull(i) ? Null : Canonical(table.Columns[i].Type, reader.GetValue(i));
            }
            accumulator.Add(cells);
        }
        return accumulator.ToString();
    }

    /// <summary>Checksums rows as generated (e.g. from <see cref="DatasetGenerator.Rows"/>).</summary>
    public static string Compute(IEnumerable<DataRow> rows)
    {
        var accumulator = new Accumulator();
        string[]? cells = null;
        foreach (var row in rows)
        {
            cells ??= new string[row.Table.Columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row.IsNull(i) ? Null : row.Format(i);
            }
            accumulator.Add(cells);
        }
        return accumulator.ToString();
    }

    private const string Null = "\\N";

    private static string Canonical(ColumnType type, object value) => (type, value) switch
    {
        (ColumnType.Boolean, bool b) => b ? "1" : "0",
        (ColumnType.Real, double d) => d.ToString("R", CultureInfo.InvariantCulture),
        (ColumnType.Timestamp, DateTime t) => Clock.FormatTimestamp(Clock.FromDateTime(t)),
        (ColumnType.Date, DateTime t) => Clock.FormatDate(Clock.FromDateTime(t)),
        (ColumnType.Date, DateOnly d) => Clock.FormatDate(Clock.FromDateTime(d.ToDateTime(TimeOnly.MinValue))),
        (_, IFormattable f) => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed class Accumulator
    {
        private long _rows;
        private ulong _a;
        private ulong _b;

        public void Add(string[] cells)
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\t', cells)), hash);
            _a += BinaryPrimitives.ReadUInt64LittleEndian(hash);
            _b += BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]);
            _rows++;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_rows}:{_a:x16}{_b:x16}");
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace DsLoop.Sql;

/// <summary>
/// Reads one FETCH's values with every value measured as it streams. Fixed-size types are read in binary (they cannot
/// be large); bytea is streamed in binary; every other type (text in any form, numeric, arrays, records, json/jsonb,
/// xml, ranges, unknown types …) is requested in PostgreSQL's text format and read through a text reader with a byte
/// budget, so no value is ever materialised whole before it is measured.
/// </summary>
internal static partial class PostgresValueReader
{
    private static readonly HashSet<string> FixedSizeTypes = new(StringComparer.Ordinal)
    {
        "smallint", "integer", "bigint", "real", "double precision", "boolean", "date", "timestamp without time zone",
        "timestamp with time zone", "time without time zone", "time with time zone", "interval", "uuid", "oid",
    };

    /// <summary>For each column, whether it must come as text (everything that is neither fixed-size nor bytea).</summary>
    public static bool[] TextColumns(IReadOnlyList<SqlColumn> columns) =>
        columns.Select(c => BaseType(c.Type) is var type && !FixedSizeTypes.Contains(type) && type != "bytea").ToArray();

    /// <summary>Reads one value within <paramref name="maxValueBytes"/>; returns it and its size in bytes.</summary>
    public static async Task<(object? Value, long Size)> ReadAsync(
        NpgsqlDataReader reader, int ordinal, SqlColumn column, bool asText, int maxValueBytes, CancellationToken cancellationToken)
    {
        if (await reader.IsDBNullAsync(ordinal, cancellationToken))
        {
            return (null, 1);
        }
        if (asText)
        {
            var text = await ReadTextAsync(reader, ordinal, column.Name, maxValueBytes, cancellationToken);
            var size = Encoding.UTF8.GetByteCount(text);
            return BaseType(column.Type) == "numeric" && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? (number, size)
                : (text, size);
        }
        if (BaseType(column.Type) == "bytea")
        {
            return await ReadBytesAsync(reader, ordinal, column.Name, maxValueBytes, cancellationToken);
        }
        try
        {
            object value = column.Type == "date"
                ? await reader.GetFieldValueAsync<DateOnly>(ordinal, cancellationToken)
                : await reader.GetFieldValueAsync<object>(ordinal, cancellationToken);
            return (value, 16);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or NotSupportedException)
        {
            return ($"<{column.Type} value>", 16);
        }
    }

    private static async Task<string> ReadTextAsync(NpgsqlDataReader reader, int ordinal, string column, int maxValueBytes, CancellationToken cancellationToken)
    {
        using var text = await reader.GetTextReaderAsync(ordinal, cancellationToken);
        var builder = new StringBuilder();
        var buffer = new char[8192];
        long bytes = 0;
        int read;
        while ((read = await text.ReadAsync(buffer, cancellationToken)) > 0)
        {
            bytes += Encoding.UTF8.GetByteCount(buffer, 0, read);
            if (bytes > maxValueBytes)
            {
                throw new CapExceededException(CapMessages.Value(column, maxValueBytes));
            }
            builder.Append(buffer, 0, read);
        }
        return builder.ToString();
    }

    private static async Task<(object? Value, long Size)> ReadBytesAsync(NpgsqlDataReader reader, int ordinal, string column, int maxValueBytes, CancellationToken cancellationToken)
    {
        await using var stream = await reader.GetStreamAsync(ordinal, cancellationToken);
        using var memory = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > maxValueBytes)
            {
                throw new CapExceededException(CapMessages.Value(column, maxValueBytes));
            }
            memory.Write(buffer, 0, read);
        }
        return (memory.ToArray(), memory.Length);
    }

    /// <summary>The type name without modifiers: "numeric(10,2)" → "numeric", "timestamp(3) with time zone" → "timestamp with time zone".</summary>
    private static string BaseType(string type) => Modifiers().Replace(type, "");

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Modifiers();
}

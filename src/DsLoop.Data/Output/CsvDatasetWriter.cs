using System.Globalization;
using System.Text;
using DsLoop.Data.Schema;

namespace DsLoop.Data.Output;

/// <summary>
/// Exports a dataset as one CSV file per table (<c>table.csv</c>, UTF-8, '\n' line ends, a header row,
/// RFC 4180 quoting, NULL as an empty field, timestamps as 'YYYY-MM-DD HH:MM:SS'), optionally with a
/// <c>SCHEMA.md</c> that describes the files (<see cref="WriteSchemaNote"/>).
/// </summary>
public sealed class CsvDatasetWriter : IDatasetSink, IDisposable
{
    /// <summary>The name of the schema note written by <see cref="WriteSchemaNote"/>.</summary>
    public const string SchemaNoteName = "SCHEMA.md";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter?[] _writers = new StreamWriter?[DatasetSchema.Tables.Count];
    private readonly char[] _buffer = new char[64];

    /// <summary>
    /// Creates the folder (if needed) and one file per table, replacing existing ones: every table, or only
    /// <paramref name="tables"/> (rows of the others are ignored).
    /// </summary>
    public CsvDatasetWriter(string directory, IEnumerable<TableSchema>? tables = null)
    {
        Directory = System.IO.Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
        Tables = [.. (tables ?? DatasetSchema.Tables).Distinct().OrderBy(t => t.Ordinal)];
        foreach (var table in Tables)
        {
            var writer = new StreamWriter(System.IO.Path.Combine(Directory, table.Name + ".csv"), false, s_utf8, 1 << 16) { NewLine = "\n" };
            writer.WriteLine(string.Join(",", table.Columns.Select(c => c.Name)));
            _writers[table.Ordinal] = writer;
        }
    }

    /// <summary>The output folder.</summary>
    public string Directory { get; }

    /// <summary>The tables written, in schema order.</summary>
    public IReadOnlyList<TableSchema> Tables { get; }

    /// <summary>
    /// <c>SCHEMA.md</c> for a folder of these CSV files: the title, the file conventions, the caller's notes (one paragraph
    /// each), then every table's description and columns.
    /// </summary>
    public static string SchemaNote(string title, IEnumerable<TableSchema> tables, params IEnumerable<string> notes)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {title}\n\n");
        text.Append("One CSV per table: UTF-8, a header row, RFC 4180 quoting, NULL as an empty field, timestamps as 'YYYY-MM-DD HH:MM:SS' in UTC.\n");
        foreach (var note in notes)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{note}\n");
        }
        foreach (var table in tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {table.Name}\n\n{table.Description}\n\n| column | type | notes |\n|---|---|---|\n");
            foreach (var column in table.Columns)
            {
                var type = column.SqliteType.ToLowerInvariant() + (column.Nullable ? ", nullable" : "");
                text.Append(CultureInfo.InvariantCulture, $"| {column.Name} | {type} | {column.Description.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
            }
        }
        return text.ToString();
    }

    /// <summary>Writes <see cref="SchemaNoteName"/> for this writer's tables into the folder.</summary>
    public void WriteSchemaNote(string title, params IEnumerable<string> notes) =>
        File.WriteAllText(System.IO.Path.Combine(Directory, SchemaNoteName), SchemaNote(title, Tables, notes), s_utf8);

    /// <inheritdoc />
    public void Write(DataRow row)
    {
        if (_writers[row.Table.Ordinal] is not { } writer)
        {
            return;
        }
        var columns = row.Table.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            if (row.IsNull(i))
            {
                continue;
            }
            if (columns[i].Type == ColumnType.Text)
            {
                WriteText(writer, row.GetText(i)!);
            }
            else
            {
                var n = row.FormatTo(i, _buffer);
                writer.Write(_buffer, 0, n);
            }
        }
        writer.Write('\n');
    }

    private static void WriteText(StreamWriter writer, string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            writer.Write(text);
            return;
        }
        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    /// <summary>Flushes and closes every file.</summary>
    public void Complete()
    {
        foreach (var writer in _writers)
        {
            writer?.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var writer in _writers)
        {
            writer?.Dispose();
        }
    }
}

using System.Text;
using DsLoop.Data.Schema;

namespace DsLoop.Data.Output;

/// <summary>
/// Exports a dataset as one CSV file per table (<c>table.csv</c>, UTF-8, '\n' line ends, a header row,
/// RFC 4180 quoting, NULL as an empty field, timestamps as 'YYYY-MM-DD HH:MM:SS').
/// </summary>
public sealed class CsvDatasetWriter : IDatasetSink, IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter[] _writers = new StreamWriter[DatasetSchema.Tables.Count];
    private readonly char[] _buffer = new char[64];

    /// <summary>Creates the folder (if needed) and one file per table, replacing existing ones.</summary>
    public CsvDatasetWriter(string directory)
    {
        Directory = System.IO.Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var table in DatasetSchema.Tables)
        {
            var writer = new StreamWriter(System.IO.Path.Combine(Directory, table.Name + ".csv"), false, s_utf8, 1 << 16) { NewLine = "\n" };
            writer.WriteLine(string.Join(",", table.Columns.Select(c => c.Name)));
            _writers[table.Ordinal] = writer;
        }
    }

    /// <summary>The output folder.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public void Write(DataRow row)
    {
        var writer = _writers[row.Table.Ordinal];
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
            writer.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var writer in _writers)
        {
            writer.Dispose();
        }
    }
}

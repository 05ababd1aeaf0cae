using System.Globalization;
using CsvHelper;
using DsLoop.Data.Output;
using DsLoop.Data.Schema;

namespace DsLoop.Data.Tests.Output;

[Collection(TinyCollection.Name)]
public sealed class CsvDatasetWriterTests(TinyDataset tiny)
{
    [Fact]
    public void Csv_export_round_trips_to_the_same_rows_as_sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-csv-").FullName;
        try
        {
            using (var writer = new CsvDatasetWriter(folder))
            {
                new DatasetGenerator(TinyDataset.Options).Generate(writer);
                writer.Complete();
            }
            foreach (var table in DatasetSchema.Tables)
            {
                var rows = ReadCsv(Path.Combine(folder, table.Name + ".csv"), table);
                Assert.Equal(TableChecksum.Compute(tiny.Db.Connection, table), TableChecksum.Compute(rows));
            }
            var header = File.ReadLines(Path.Combine(folder, "events.csv")).First();
            Assert.Equal(string.Join(",", DatasetSchema.Events.Columns.Select(c => c.Name)), header);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Parses a CSV file with CsvHelper back into typed rows (empty field = NULL).</summary>
    private static List<DataRow> ReadCsv(string path, TableSchema table)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(table.Columns.Select(c => c.Name), csv.HeaderRecord!);
        var rows = new List<DataRow>();
        while (csv.Read())
        {
            var row = new DataRow(table);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var text = csv.GetField(i)!;
                if (text.Length == 0)
                {
                    row.SetNull(i);
                    continue;
                }
                switch (table.Columns[i].Type)
                {
                    case ColumnType.Integer or ColumnType.Boolean:
                        row.Set(i, long.Parse(text, CultureInfo.InvariantCulture));
                        break;
                    case ColumnType.Real:
                        row.Set(i, double.Parse(text, CultureInfo.InvariantCulture));
                        break;
                    case ColumnType.Timestamp:
                    case ColumnType.Date:
                        row.Set(i, DsLoop.Data.Generation.Clock.FromDateTime(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)));
                        break;
                    default:
                        row.Set(i, text);
                        break;
                }
            }
            rows.Add(row);
        }
        return rows;
    }
}

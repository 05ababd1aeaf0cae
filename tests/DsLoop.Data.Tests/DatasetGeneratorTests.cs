using System.Security.Cryptography;
using DsLoop.Data.Output;
using DsLoop.Data.Schema;

namespace DsLoop.Data.Tests;

[Collection(TinyCollection.Name)]
public sealed class DatasetGeneratorTests(TinyDataset tiny)
{
    private static Dictionary<string, string> ExportHashes(GenerationOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-csv-").FullName;
        try
        {
            using (var writer = new CsvDatasetWriter(folder))
            {
                new DatasetGenerator(options).Generate(writer);
                writer.Complete();
            }
            return Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Same_seed_and_scale_give_byte_identical_data()
    {
        var first = ExportHashes(TinyDataset.Options);
        var second = ExportHashes(TinyDataset.Options);
        Assert.Equal(DatasetSchema.Tables.Count, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_give_different_data_in_every_user_driven_table()
    {
        var a = ExportHashes(TinyDataset.Options);
        var b = ExportHashes(TinyDataset.Options with { Seed = 43 });
        foreach (var table in new[] { "users", "sessions", "events", "payments", "assignments", "marketing_spend" })
        {
            Assert.NotEqual(a[table + ".csv"], b[table + ".csv"]);
        }
        // The calendar-driven tables are the same world for every seed.
        Assert.Equal(a["experiments.csv"], b["experiments.csv"]);
    }

    [Fact]
    public void Sqlite_tables_hold_exactly_the_generated_rows_in_the_same_order_independent_checksum()
    {
        foreach (var table in DatasetSchema.Tables)
        {
            Assert.Equal(tiny.Db.Counts[table.Name], (long)tiny.Db.Scalar($"SELECT COUNT(*) FROM {table.Name}"));
            Assert.Equal(TableChecksum.Compute(tiny.Db.Generator.Rows(table)), TableChecksum.Compute(tiny.Db.Connection, table));
        }
    }

    [Fact]
    public void Tiny_preset_has_2000_users_and_about_40_events_each()
    {
        var counts = tiny.Db.Counts;
        Assert.Equal(2_000, counts["users"]);
        Assert.InRange(counts["events"], 60_000, 100_000);
        Assert.InRange(counts["sessions"], 10_000, 25_000);
        Assert.All(DatasetSchema.Tables, t => Assert.True(counts[t.Name] > 0, $"{t.Name} is empty"));
    }

    [Fact]
    public void Standard_preset_streams_about_50k_users_and_2M_events()
    {
        var generator = new DatasetGenerator(new GenerationOptions(1, DataScale.Standard));
        var events = generator.Rows(DatasetSchema.Events).LongCount();
        var users = generator.Rows(DatasetSchema.Users).LongCount();
        Assert.Equal(50_000, users);
        Assert.InRange(events, 1_600_000, 2_400_000);
    }

    [Fact]
    public void Progress_is_reported_up_to_every_user()
    {
        var reports = new List<GenerationProgress>();
        var progress = new SynchronousProgress(reports.Add);
        var counts = new DatasetGenerator(new GenerationOptions(5, DataScale.Custom(2_500))).Generate(new NullSink(), progress);
        Assert.Equal([1_000L, 2_000L, 2_500L], reports.Select(r => r.UsersDone));
        Assert.Equal(counts.Values.Sum(), reports[^1].RowsWritten);
    }

    [Fact]
    public void Tiny_generates_into_sqlite_in_a_few_seconds()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var db = Db.Generate(new GenerationOptions(11, DataScale.Tiny));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Bad_custom_scales_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DataScale.Custom(0));
        Assert.Null(DataScale.Preset("huge"));
        Assert.Equal(DataScale.Large, DataScale.Preset("LARGE"));
    }

    private sealed class NullSink : IDatasetSink
    {
        public void Write(DataRow row)
        {
        }
    }

    private sealed class SynchronousProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}

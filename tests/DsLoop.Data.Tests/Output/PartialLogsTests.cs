using System.Globalization;
using DsLoop.Data.Output;
using DsLoop.Data.Scenarios;
using DsLoop.Data.Schema;

namespace DsLoop.Data.Tests.Output;

/// <summary>Partial logs (<see cref="GenerationOptions.LogsFrom"/>) and table filtering cut rows out without changing any row that stays.</summary>
public sealed class PartialLogsTests
{
    private static readonly GenerationOptions Whole = new(9, DataScale.Custom(800), new ScenarioOptions(KpiDropCause.BotSurge, KpiDropStart: new DateOnly(2025, 10, 1)));

    private static readonly DateOnly From = new(2025, 10, 13);

    private static readonly long FromSeconds = DsLoop.Data.Generation.Clock.FromDate(2025, 10, 13);

    [Fact]
    public void Partial_logs_keep_only_sessions_from_the_cut_off_with_all_their_events_and_every_other_row_unchanged()
    {
        var whole = new DatasetGenerator(Whole);
        var partial = new DatasetGenerator(Whole with { LogsFrom = From });
        foreach (var table in DatasetSchema.Tables.Where(t => t != DatasetSchema.Sessions && t != DatasetSchema.Events))
        {
            Assert.Equal(TableChecksum.Compute(whole.Rows(table)), TableChecksum.Compute(partial.Rows(table)));
        }

        var kept = whole.Rows(DatasetSchema.Sessions).Where(s => s.GetInt64(2) >= FromSeconds).Select(s => s.GetInt64(0)).ToHashSet();
        // The planted bot surge starts before the cut-off, so its early sessions go too.
        Assert.True(kept.Count < whole.Rows(DatasetSchema.Sessions).Count() * 0.8, "the cut-off should drop a good share of the sessions");
        AssertHoldsExactlyTheKeptSessionsAndTheirEvents(whole, partial, kept);
        Assert.Equal(kept.Min(), partial.Rows(DatasetSchema.Sessions).Min(s => s.GetInt64(0)));
        Assert.Equal(From, DateOnly.ParseExact(DsLoop.Data.Generation.Clock.FormatDate(partial.Rows(DatasetSchema.Sessions).Min(s => s.GetInt64(2))), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Sessions are the kept ones, and events are those of the kept sessions, every one of them, with the whole dataset's ids: none is orphaned.</summary>
    private static void AssertHoldsExactlyTheKeptSessionsAndTheirEvents(DatasetGenerator whole, DatasetGenerator partial, HashSet<long> kept)
    {
        Assert.Equal(
            TableChecksum.Compute(whole.Rows(DatasetSchema.Sessions).Where(s => kept.Contains(s.GetInt64(0)))),
            TableChecksum.Compute(partial.Rows(DatasetSchema.Sessions)));
        Assert.Equal(
            TableChecksum.Compute(whole.Rows(DatasetSchema.Events).Where(e => kept.Contains(e.GetInt64(2)))),
            TableChecksum.Compute(partial.Rows(DatasetSchema.Events)));
    }

    [Fact]
    public void Logs_until_keeps_only_sessions_before_the_end_day_with_all_their_events()
    {
        var until = new DateOnly(2025, 11, 3);
        var untilSeconds = DsLoop.Data.Generation.Clock.FromDate(2025, 11, 3);
        var whole = new DatasetGenerator(Whole);
        var window = new DatasetGenerator(Whole with { LogsFrom = From, LogsUntil = until });
        var kept = whole.Rows(DatasetSchema.Sessions).Where(s => s.GetInt64(2) >= FromSeconds && s.GetInt64(2) < untilSeconds).Select(s => s.GetInt64(0)).ToHashSet();
        Assert.NotEmpty(kept);
        AssertHoldsExactlyTheKeptSessionsAndTheirEvents(whole, window, kept);
        Assert.Equal(TableChecksum.Compute(whole.Rows(DatasetSchema.Payments)), TableChecksum.Compute(window.Rows(DatasetSchema.Payments)));
    }

    [Theory]
    [InlineData("2025-10-13", "2025-10-13", "must be after LogsFrom")]
    [InlineData(null, "2025-12-30", "at most its end")]
    [InlineData(null, "2025-08-04", "after the window's start")]
    public void Logs_until_outside_the_window_or_before_the_start_is_refused_with_the_reason(string? from, string until, string reason)
    {
        var options = Whole with
        {
            LogsFrom = from is null ? null : DateOnly.Parse(from, CultureInfo.InvariantCulture),
            LogsUntil = DateOnly.Parse(until, CultureInfo.InvariantCulture),
        };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetGenerator(options));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_filter_passes_on_only_the_chosen_tables_and_the_csv_writer_writes_only_those_with_a_schema_note()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-partial-").FullName;
        try
        {
            var counts = new long[DatasetSchema.Tables.Count];
            var keep = new[] { DatasetSchema.Users, DatasetSchema.Payments };
            using (var writer = new CsvDatasetWriter(folder, keep))
            {
                new DatasetGenerator(new GenerationOptions(9, DataScale.Custom(200))).Generate(new TableFilterSink(new TeeSink(writer, new Counter(counts)), [DatasetSchema.Users]));
                writer.Complete();
                writer.WriteSchemaNote("Two tables", "A note of our own.");
            }
            Assert.Equal(200, counts[DatasetSchema.Users.Ordinal]);
            Assert.Equal(200, counts.Sum());
            Assert.Equal(["SCHEMA.md", "payments.csv", "users.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(201, File.ReadAllLines(Path.Combine(folder, "users.csv")).Length);
            Assert.Single(File.ReadAllLines(Path.Combine(folder, "payments.csv"))); // the header: its rows were filtered out
            var note = File.ReadAllText(Path.Combine(folder, "SCHEMA.md"));
            Assert.StartsWith("# Two tables\n", note, StringComparison.Ordinal);
            Assert.Contains("A note of our own.", note, StringComparison.Ordinal);
            Assert.Contains("## payments", note, StringComparison.Ordinal);
            Assert.DoesNotContain("## sessions", note, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Counter(long[] counts) : IDatasetSink
    {
        public void Write(DataRow row) => counts[row.Table.Ordinal]++;
    }
}

using DsLoop.Data.Output;
using DsLoop.Data.Scenarios;
using DsLoop.Data.Schema;

namespace DsLoop.Data.Tests.Output;

/// <summary>The SQLite writer builds indexes on <see cref="SqliteDatasetWriter.AscendingColumns"/> during the load, which is cheap only if the generator really emits those columns in ascending order.</summary>
public sealed class LoadOrderTests
{
    [Theory]
    [InlineData(KpiDropCause.None)]
    [InlineData(KpiDropCause.BotSurge)]
    public void Columns_indexed_during_the_load_arrive_in_ascending_order(KpiDropCause cause)
    {
        var sink = new OrderCheck();
        new DatasetGenerator(new GenerationOptions(3, DataScale.Custom(800), new ScenarioOptions(cause, ModelingLeakage: true))).Generate(sink);
        Assert.Empty(sink.Violations);
        Assert.True(sink.Checked > 20_000, $"only {sink.Checked} values checked");
    }

    [Fact]
    public void Every_index_built_during_the_load_starts_with_an_ascending_column()
    {
        var early = DatasetSchema.Tables.SelectMany(t => t.Indexes.Select(i => (t.Name, Column: i[0])))
            .Where(x => SqliteDatasetWriter.AscendingColumns.Contains(x.Column)).ToList();
        Assert.Contains(("events", "user_id"), early);
        Assert.Contains(("events", "session_id"), early);
    }

    private sealed class OrderCheck : IDatasetSink
    {
        private readonly Dictionary<(string Table, string Column), long> _last = [];

        public List<string> Violations { get; } = [];

        public long Checked { get; private set; }

        public void Write(DataRow row)
        {
            foreach (var index in row.Table.Indexes.Where(i => SqliteDatasetWriter.AscendingColumns.Contains(i[0])))
            {
                var column = row.Table.IndexOf(index[0]);
                if (row.IsNull(column))
                {
                    continue;
                }
                var value = row.GetInt64(column);
                var key = (row.Table.Name, index[0]);
                if (_last.TryGetValue(key, out var last) && value < last && Violations.Count < 5)
                {
                    Violations.Add($"{key}: {value} after {last}");
                }
                _last[key] = value;
                Checked++;
            }
        }
    }
}

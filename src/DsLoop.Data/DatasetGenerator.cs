using DsLoop.Data.Generation;
using DsLoop.Data.Scenarios;
using DsLoop.Data.Schema;

namespace DsLoop.Data;

/// <summary>
/// Generates a product-analytics dataset from (seed, scale, scenarios). Rows stream out: nothing is held
/// in memory beyond one user's state, so the large preset runs in constant memory.
/// </summary>
public sealed class DatasetGenerator
{
    private const int ProgressEvery = 1_000;

    /// <summary>
    /// The version of what the generator writes. Bump it whenever the same options start giving different rows, so
    /// datasets cached on disk under <see cref="CacheTag"/> are regenerated instead of reused with stale answers.
    /// A test pins the output of a few option sets to this number.
    /// </summary>
    public const int OutputVersion = 4;

    /// <summary>The suffix cache keys carry so that a new generator never reuses an old generator's file.</summary>
    public static string CacheTag { get; } = "g" + OutputVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A generator for the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A KPI drop start, <see cref="GenerationOptions.LogsFrom"/> or <see cref="GenerationOptions.LogsUntil"/> outside the window, or
    /// partial logs that end before they start.
    /// </exception>
    public DatasetGenerator(GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.LogsFrom is { } from && Catalog.DayOf(from) >= Catalog.WindowDays)
        {
            throw new ArgumentOutOfRangeException(nameof(options), from, $"LogsFrom must be before the window's end ({Clock.FormatDate(Catalog.WindowEnd)}).");
        }
        if (options.LogsUntil is { } until && (Catalog.DayOf(until) <= 0 || Catalog.DayOf(until) > Catalog.WindowDays))
        {
            throw new ArgumentOutOfRangeException(nameof(options), until, $"LogsUntil must be after the window's start and at most its end ({Clock.FormatDate(Catalog.WindowEnd)}).");
        }
        if (options is { LogsFrom: { } first, LogsUntil: { } end } && end <= first)
        {
            throw new ArgumentOutOfRangeException(nameof(options), end, $"LogsUntil ({end:yyyy-MM-dd}) must be after LogsFrom ({first:yyyy-MM-dd}).");
        }
        _ = options.EffectiveScenarios.ChangeDay(); // validates the KPI drop's start
        Options = options;
        Truth = TruthBuilder.Build(options);
    }

    /// <summary>The options.</summary>
    public GenerationOptions Options { get; }

    /// <summary>The answer key of the planted scenarios; never written to the dataset tables.</summary>
    public ScenarioTruth Truth { get; }

    /// <summary>Writes every table's rows to <paramref name="sink"/> in one pass and returns the row count per table.</summary>
    public IReadOnlyDictionary<string, long> Generate(IDatasetSink sink, IProgress<GenerationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var counter = new CountingSink(sink);
        var simulation = new Simulation(Options, counter);
        simulation.WriteGlobals();
        var total = simulation.TotalUsers;
        for (var user = 1; user <= total; user++)
        {
            simulation.SimulateUser(user);
            if (user % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new GenerationProgress(user, total, counter.Total));
            }
        }
        progress?.Report(new GenerationProgress(total, total, counter.Total));
        return DatasetSchema.Tables.ToDictionary(t => t.Name, t => counter.Counts[t.Ordinal]);
    }

    /// <summary>
    /// Streams the rows of one table. Each call re-runs the simulation and keeps only that table's rows
    /// (one user's worth at a time); the yielded row objects are reused, so copy what you keep.
    /// </summary>
    public IEnumerable<DataRow> Rows(TableSchema table)
    {
        var buffer = new TableBuffer(table);
        var simulation = new Simulation(Options, buffer);
        simulation.WriteGlobals();
        foreach (var row in buffer.Drain())
        {
            yield return row;
        }
        for (var user = 1; user <= simulation.TotalUsers; user++)
        {
            simulation.SimulateUser(user);
            foreach (var row in buffer.Drain())
            {
                yield return row;
            }
        }
    }

    private sealed class CountingSink(IDatasetSink inner) : IDatasetSink
    {
        public long[] Counts { get; } = new long[DatasetSchema.Tables.Count];

        public long Total { get; private set; }

        public void Write(DataRow row)
        {
            Counts[row.Table.Ordinal]++;
            Total++;
            inner.Write(row);
        }
    }

    /// <summary>Keeps copies of one table's rows, reusing row objects between drains.</summary>
    private sealed class TableBuffer(TableSchema table) : IDatasetSink
    {
        private readonly List<DataRow> _rows = [];
        private int _count;

        public void Write(DataRow row)
        {
            if (row.Table != table)
            {
                return;
            }
            if (_count == _rows.Count)
            {
                _rows.Add(new DataRow(table));
            }
            row.CopyTo(_rows[_count++]);
        }

        public IEnumerable<DataRow> Drain()
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _rows[i];
            }
            _count = 0;
        }
    }
}

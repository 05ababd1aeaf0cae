using System.Collections.Concurrent;
using System.Diagnostics;
using DsLoop.Content.Sql;
using DsLoop.Data;
using DsLoop.Data.Output;
using DsLoop.Sql;

namespace DsLoop.App.SqlPractice;

/// <summary>The outcome of grading one submission.</summary>
public sealed record SqlGrade(GradeVerdict Verdict, IReadOnlyList<string> Feedback, long Rows, TimeSpan Elapsed)
{
    /// <summary>The verdict as an attempt records it (see <see cref="SqlAnswer"/>).</summary>
    public string VerdictSlug => Verdict switch
    {
        GradeVerdict.Correct => SqlAnswer.Correct,
        GradeVerdict.CandidateFailed => SqlAnswer.DidNotRun,
        _ => SqlAnswer.Incorrect,
    };
}

/// <summary>
/// Runs and grades SQL answers on practice datasets. A dataset is generated from its seed on first use into
/// the data folder's <c>datasets/</c> cache (shared with the case exercises and the CLI); a problem's reference result is
/// computed once per dataset and kept, so a submission costs one sandboxed query plus the comparison.
/// </summary>
/// <param name="scale">The size of the practice datasets.</param>
/// <param name="datasets">The data folder's dataset cache (<see cref="PracticeDatasets.Open"/>).</param>
public sealed class SqlPracticeService(DataScale scale, DatasetCache datasets)
{
    /// <summary>Rows shown by Run; Submit always grades the whole result.</summary>
    public const int PreviewRows = 100;

    /// <summary>The longest query accepted, in characters.</summary>
    public const int MaxQueryLength = 20_000;

    private const int MaxCachedReferences = 512;

    private readonly ConcurrentDictionary<string, PreparedReference> _references = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<SqlTableInfo>> _schemas = new(StringComparer.Ordinal);

    // Time limits grow with the dataset: a sessionisation over the standard dataset's 1.9M events takes seconds.
    // The reference is trusted and runs once per dataset, so it gets more time than an answer.
    private readonly SandboxLimits _runLimits = SandboxLimits.Default with { MaxRows = PreviewRows, Timeout = Seconds(scale, 5) };
    private readonly SandboxLimits _gradeLimits = SandboxLimits.Default with { Timeout = Seconds(scale, 10) };
    private readonly SandboxLimits _referenceLimits = SandboxLimits.Default with { Timeout = Seconds(scale, 60) };

    private static TimeSpan Seconds(DataScale scale, int atTiny) =>
        TimeSpan.FromSeconds(atTiny * Math.Clamp(scale.Users / 10_000, 1, 3));

    /// <summary>The size of the practice datasets.</summary>
    public DataScale Scale => scale;

    /// <summary>A seed for fresh data, small enough to read aloud.</summary>
    public static ulong NewSeed() => (ulong)Random.Shared.NextInt64(1, 1_000_000);

    /// <summary>Runs a query and keeps the first <see cref="PreviewRows"/> rows; no verdict.</summary>
    public async Task<SqlRunResult> RunAsync(ulong seed, string sql, CancellationToken cancellationToken)
    {
        using var lease = await LeaseAsync(seed, cancellationToken);
        return await new SqliteSandbox(lease.Path, _runLimits).RunAsync(sql, _runLimits, cancellationToken);
    }

    /// <summary>Grades a query against the problem's reference on the seed's dataset.</summary>
    public async Task<SqlGrade> GradeAsync(SqlProblem problem, ulong seed, string sql, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var lease = await LeaseAsync(seed, cancellationToken);
        var sandbox = new SqliteSandbox(lease.Path, _gradeLimits);
        var grader = new ResultGrader();
        var reference = await ReferenceAsync(grader, sandbox, problem, seed, cancellationToken);
        try
        {
            var result = await grader.GradeAsync(sandbox, reference, sql, _gradeLimits, cancellationToken);
            return new SqlGrade(result.Verdict, result.Feedback, result.CandidateRows, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            if (!reference.Reusable)
            {
                reference.Dispose();
            }
        }
    }

    /// <summary>Tables, columns and row counts of the seed's dataset.</summary>
    public async Task<IReadOnlyList<SqlTableInfo>> DescribeAsync(ulong seed, CancellationToken cancellationToken)
    {
        var key = DatasetKey(seed);
        if (_schemas.TryGetValue(key, out var known))
        {
            return known;
        }
        using var lease = await LeaseAsync(seed, cancellationToken);
        var tables = await new SqliteSandbox(lease.Path).DescribeAsync(cancellationToken);
        if (_schemas.Count > MaxCachedReferences)
        {
            _schemas.Clear();
        }
        return _schemas[key] = tables;
    }

    /// <summary>Writes the seed's dataset as one CSV per table plus a schema note into <paramref name="folder"/>.</summary>
    public void ExportCsv(ulong seed, string folder, CancellationToken cancellationToken)
    {
        using var writer = new CsvDatasetWriter(folder);
        new DatasetGenerator(new GenerationOptions(seed, Scale)).Generate(writer, null, cancellationToken);
        writer.Complete();
        writer.WriteSchemaNote($"DsLoop practice dataset, seed {seed}, scale {Scale.Name}",
            "The same seed and scale always give the same rows, so your own tools see exactly what the grader saw.");
    }

    private string DatasetKey(ulong seed) => PracticeDatasets.Key(seed, Scale);

    private Task<DatasetCache.DatasetLease> LeaseAsync(ulong seed, CancellationToken cancellationToken) =>
        PracticeDatasets.LeaseAsync(datasets, seed, Scale, null, cancellationToken);

    /// <summary>
    /// The problem's reference result on this dataset: from the cache, or prepared now. Only results held in memory
    /// are cached (they are read-only when grading); a large or failed one is the caller's to dispose.
    /// </summary>
    private async Task<PreparedReference> ReferenceAsync(ResultGrader grader, ISqlSandbox sandbox, SqlProblem problem, ulong seed, CancellationToken cancellationToken)
    {
        var key = $"{problem.Id}/{DatasetKey(seed)}";
        if (_references.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var reference = await grader.PrepareReferenceAsync(sandbox, problem.ReferenceFor(sandbox.Engine), problem.Spec, _referenceLimits, cancellationToken);
        if (reference.Reusable)
        {
            if (_references.Count >= MaxCachedReferences)
            {
                _references.Clear();
            }
            _references[key] = reference;
        }
        return reference;
    }
}

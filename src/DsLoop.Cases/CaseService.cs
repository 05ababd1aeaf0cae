using System.Collections.Concurrent;
using DsLoop.Cases.Experiment;
using DsLoop.Cases.KpiDrop;
using DsLoop.Cases.Modeling;
using DsLoop.Content;
using DsLoop.Sql;

namespace DsLoop.Cases;

/// <summary>What a candidate submits: JSON for the experiment and KPI-drop cases, a predictions CSV (plus optional fields) for modeling.</summary>
/// <param name="Json">The structured answer.</param>
/// <param name="Predictions">The id,probability upload.</param>
/// <param name="ValidationAuc">Self-reported validation ROC-AUC.</param>
/// <param name="Plan">Deployment and monitoring plan.</param>
/// <param name="ErrorAnalysis">Modeling: where the baseline is worst and how.</param>
public sealed record CaseSubmission(string? Json = null, byte[]? Predictions = null, double? ValidationAuc = null, string? Plan = null, ErrorAnalysisAnswer? ErrorAnalysis = null);

/// <summary>
/// The one entry point the CLI and the web app share: briefs, files and grading for any case id. KPI-drop
/// warehouses are generated on first use into the dataset cache and reused.
/// </summary>
/// <param name="cache">The dataset cache for KPI-drop warehouses.</param>
/// <param name="planFramework">The answer-coach framework for the modeling plan (null: the plan is not graded).</param>
public sealed class CaseService(DatasetCache cache, Framework? planFramework)
{
    private const int CachedCases = 32;

    private readonly ConcurrentDictionary<CaseId, Lazy<object>> _cases = new();

    /// <summary>The KPI-drop warehouse as a SQLite file.</summary>
    public const string KpiSqliteFile = "warehouse.sqlite";

    /// <summary>The KPI-drop warehouse as a zip of one CSV per table plus SCHEMA.md.</summary>
    public const string KpiCsvZipFile = "warehouse-csv.zip";

    /// <summary>The file names a case offers, without generating anything.</summary>
    public static IReadOnlyList<string> FileNames(CaseKind kind) => kind switch
    {
        CaseKind.Experiment => ["users.csv"],
        CaseKind.Modeling => ["train.csv", "holdout_features.csv"],
        _ => [KpiSqliteFile, KpiCsvZipFile],
    };

    /// <summary>A generated case, kept for reuse by the next request (a few dozen at most).</summary>
    private T Get<T>(CaseId id, Func<CaseId, T> build) where T : class
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_cases.Count >= CachedCases && !_cases.ContainsKey(id))
        {
            _cases.Clear();
        }
        return (T)_cases.GetOrAdd(id, key => new Lazy<object>(() => build(key))).Value;
    }

    private ExperimentCase Experiment(CaseId id) => Get(id, i => new ExperimentCase(i));

    private ModelingCase Modeling(CaseId id) => Get(id, i => new ModelingCase(i));

    private KpiDropCase KpiDrop(CaseId id) => Get(id, i => new KpiDropCase(i));

    /// <summary>The brief of a case, in Markdown.</summary>
    public string Brief(CaseId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Kind switch
        {
            CaseKind.Experiment => Experiment(id).Brief(),
            CaseKind.Modeling => Modeling(id).Brief(),
            _ => KpiDrop(id).Brief(),
        };
    }

    /// <summary>The downloadable files of an experiment or modeling case (KPI-drop cases use <see cref="KpiDatasetAsync"/>).</summary>
    public IReadOnlyList<CaseFile> Files(CaseId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Kind switch
        {
            CaseKind.Experiment => Experiment(id).Files(),
            CaseKind.Modeling => Modeling(id).Files(),
            _ => [],
        };
    }

    /// <summary>A lease on the KPI-drop warehouse of a case, generated on first use.</summary>
    public Task<DatasetCache.DatasetLease> KpiDatasetAsync(CaseId id, CancellationToken cancellationToken = default)
    {
        var kase = KpiDrop(id);
        return cache.GetAsync(kase.CacheKey, (path, token) => Task.Run(() => kase.BuildDataset(path, token), token), cancellationToken);
    }

    /// <summary>Writes a KPI-drop case's warehouse as one CSV per table plus SCHEMA.md into <paramref name="folder"/> (the same rows as its SQLite file).</summary>
    public void WriteKpiCsv(CaseId id, string folder, CancellationToken cancellationToken = default) =>
        KpiDrop(id).WriteCsv(folder, cancellationToken);

    /// <summary>Grades a submission; throws <see cref="CaseAnswerException"/> when it can't be read.</summary>
    public async Task<CaseResult> GradeAsync(CaseId id, CaseSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(submission);
        switch (id.Kind)
        {
            case CaseKind.Experiment:
                return Experiment(id).Grade(submission.Json ?? throw new CaseAnswerException("Give the answer as JSON."));
            case CaseKind.Modeling:
                return Modeling(id).Grade(
                    submission.Predictions ?? throw new CaseAnswerException("Upload predictions.csv (id,probability)."),
                    submission.ValidationAuc, submission.Plan, planFramework, submission.ErrorAnalysis);
            default:
                var json = submission.Json ?? throw new CaseAnswerException("Give the answer as JSON.");
                var answer = KpiDropAnswer.Parse(json);
                using (var lease = await KpiDatasetAsync(id, cancellationToken))
                {
                    return await KpiDrop(id).GradeAsync(lease.Path, answer, cancellationToken);
                }
        }
    }
}

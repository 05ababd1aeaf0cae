using System.Globalization;
using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Data;
using DsLoop.Data.Output;
using DsLoop.Sql;
using DsLoop.Sql.Bank;

namespace DsLoop.Web.Features.MockLoop;

/// <summary>A SQL problem as a loop shows it: never the solution.</summary>
internal sealed record LoopSqlProblem(string Id, string Title, string Difficulty, string Prompt, IReadOnlyList<string> Columns, string Explanation);

/// <summary>The verdict on one SQL answer.</summary>
internal sealed record LoopSqlGrade(bool Passed, IReadOnlyList<string> Feedback);

/// <summary>
/// The seam between a loop and SQL grading. <see cref="SandboxLoopSqlGrader"/> grades with <c>DsLoop.Sql</c> directly;
/// the shared SQL practice service can replace it without touching the loop.
/// </summary>
internal interface ILoopSqlGrader
{
    /// <summary>Every problem a loop may draw.</summary>
    IReadOnlyList<LoopSqlProblem> Problems { get; }

    /// <summary>One problem, or null when the bank has no such id.</summary>
    LoopSqlProblem? Problem(string id);

    /// <summary>Grades <paramref name="sql"/> against the problem's reference on the dataset of <paramref name="seed"/>.</summary>
    Task<LoopSqlGrade> GradeAsync(string problemId, ulong seed, string sql, CancellationToken cancellationToken);
}

/// <summary>
/// Grades loop SQL in the SQLite sandbox on a <c>tiny</c> generated dataset per seed, cached in the data folder's
/// <c>datasets/</c> like <c>dsloop sql --seed</c>.
/// </summary>
internal sealed class SandboxLoopSqlGrader : ILoopSqlGrader
{
    private const long CacheBudgetBytes = 512L * 1024 * 1024;
    private readonly Dictionary<string, SqlProblem> _problems;
    private readonly Lazy<DatasetCache> _cache;

    /// <summary>Loads the SQL bank from <paramref name="bankFolder"/>; a missing folder gives an empty bank.</summary>
    /// <exception cref="InvalidOperationException">The bank has errors.</exception>
    public SandboxLoopSqlGrader(string bankFolder, string datasetFolder)
    {
        _cache = new(() =>
        {
            Directory.CreateDirectory(datasetFolder);
            return new DatasetCache(datasetFolder, CacheBudgetBytes);
        });
        if (!Directory.Exists(bankFolder))
        {
            _problems = [];
            Problems = [];
            return;
        }
        var (problems, errors) = SqlProblemReader.LoadFolder(bankFolder);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"the SQL bank in {Path.GetFullPath(bankFolder)} has {errors.Count} problem(s):\n  {string.Join("\n  ", errors.Take(20))}");
        }
        _problems = problems.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Problems = [.. problems.OrderBy(p => p.Id, StringComparer.Ordinal).Select(Show)];
    }

    public IReadOnlyList<LoopSqlProblem> Problems { get; }

    public LoopSqlProblem? Problem(string id) => _problems.TryGetValue(id, out var p) ? Show(p) : null;

    public async Task<LoopSqlGrade> GradeAsync(string problemId, ulong seed, string sql, CancellationToken cancellationToken)
    {
        if (!_problems.TryGetValue(problemId, out var problem))
        {
            return new LoopSqlGrade(false, [$"the SQL problem '{problemId}' is no longer in the bank"]);
        }
        var scale = DataScale.Tiny;
        using var lease = await _cache.Value.GetAsync(string.Create(CultureInfo.InvariantCulture, $"{scale.Name}-{seed}"), (path, token) =>
        {
            using var writer = new SqliteDatasetWriter(path);
            new DatasetGenerator(new GenerationOptions(seed, scale)).Generate(writer, null, token);
            writer.Complete();
            return Task.CompletedTask;
        }, cancellationToken);
        var limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(10) };
        var sandbox = new SqliteSandbox(lease.Path, limits);
        var result = await new ResultGrader().GradeAsync(sandbox, problem.ReferenceFor(sandbox.Engine), sql, problem.Spec, limits, cancellationToken);
        return new LoopSqlGrade(result.Passed, [.. result.Feedback]);
    }

    private static LoopSqlProblem Show(SqlProblem p) =>
        new(p.Id, p.Title, p.Difficulty.ToString().ToLowerInvariant(), p.Prompt, p.Columns, p.Explanation);
}

/// <summary>
/// Fills a loop's <c>sql</c> slots from the SQL bank: a Data Scientist loop draws easy and medium problems, a Senior
/// loop medium and hard ones. Every SQL problem evidences Data fluency.
/// </summary>
internal sealed class SqlLoopExercises(ILoopSqlGrader grader) : ILoopExerciseProvider
{
    public LoopSlotKind Kind => LoopSlotKind.Sql;

    public IReadOnlyList<LoopCandidate> Candidates(LoopTemplate template, LoopRound round, LoopSlot slot) =>
        [.. grader.Problems.Where(p => Fits(template.Level, p.Difficulty))
            .Select(p => new LoopCandidate(p.Id, p.Title, LoopSlotKind.Sql, [Dimension.DataFluency]))];

    public static bool Fits(Level level, string difficulty) => level switch
    {
        Level.DataScientist => difficulty is "easy" or "medium",
        Level.SeniorDataScientist => difficulty is "medium" or "hard",
        _ => true,
    };
}

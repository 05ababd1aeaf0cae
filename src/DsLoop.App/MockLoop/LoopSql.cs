using DsLoop.App.Hosting;
using DsLoop.App.SqlPractice;
using DsLoop.Content;
using DsLoop.Content.Loops;
using DsLoop.Content.Sql;
using DsLoop.Core;
using DsLoop.Sql;
using DsLoop.Store;

namespace DsLoop.App.MockLoop;

/// <summary>A SQL problem as a loop shows it: never the solution.</summary>
public sealed record LoopSqlProblem(string Id, string Title, string Difficulty, string Prompt, IReadOnlyList<string> Columns, string Explanation);

/// <summary>The verdict on one SQL answer.</summary>
public sealed record LoopSqlGrade(bool Passed, IReadOnlyList<string> Feedback);

/// <summary>
/// The seam between a loop and SQL grading; <see cref="PracticeLoopSqlGrader"/> grades with the SQL practice service.
/// </summary>
public interface ILoopSqlGrader
{
    /// <summary>Every problem a loop may draw.</summary>
    IReadOnlyList<LoopSqlProblem> Problems { get; }

    /// <summary>One problem, or null when the bank has no such id.</summary>
    LoopSqlProblem? Problem(string id);

    /// <summary>Grades <paramref name="sql"/> against the problem's reference on the dataset of <paramref name="seed"/>.</summary>
    Task<LoopSqlGrade> GradeAsync(string problemId, ulong seed, string sql, CancellationToken cancellationToken);
}

/// <summary>
/// Grades loop SQL with the SQL practice service: the same bank, dataset cache and cached reference results as
/// the SQL pages, on the dataset of the loop's seed.
/// </summary>
public sealed class PracticeLoopSqlGrader(SqlBank bank, SqlPracticeService practice) : ILoopSqlGrader
{
    /// <inheritdoc/>
    public IReadOnlyList<LoopSqlProblem> Problems { get; } = [.. bank.Problems.OrderBy(p => p.Id, StringComparer.Ordinal).Select(Show)];

    /// <inheritdoc/>
    public LoopSqlProblem? Problem(string id) => bank.Find(id) is { } problem ? Show(problem) : null;

    /// <inheritdoc/>
    public async Task<LoopSqlGrade> GradeAsync(string problemId, ulong seed, string sql, CancellationToken cancellationToken)
    {
        if (bank.Find(problemId) is not { } problem)
        {
            return new LoopSqlGrade(false, [$"the SQL problem '{problemId}' is no longer in the bank"]);
        }
        var grade = await practice.GradeAsync(problem, seed, sql, cancellationToken);
        return new LoopSqlGrade(grade.Verdict == GradeVerdict.Correct, grade.Feedback);
    }

    /// <summary>For the terminal: the SQL problems of <paramref name="content"/>, datasets in the data folder's <c>datasets/</c>.</summary>
    public static PracticeLoopSqlGrader ForContent(ContentBank content, string? dataDirectory)
    {
        var data = StoreSettings.FromEnvironment(dataDirectory).DataDirectory;
        return new(new SqlBank(content), new SqlPracticeService(AppSettings.SqlScaleFromEnvironment(), PracticeDatasets.Open(data)));
    }

    private static LoopSqlProblem Show(SqlProblem p) =>
        new(p.Id, p.Title, p.Difficulty.Slug(), p.Prompt, p.Columns, p.Explanation);
}

/// <summary>
/// Fills a loop's <c>sql</c> slots from the SQL bank: a Data Scientist loop draws easy and medium problems, a Senior
/// loop medium and hard ones. Every SQL problem evidences Data fluency.
/// </summary>
public sealed class SqlLoopExercises(ILoopSqlGrader grader) : ILoopExerciseProvider
{
    /// <inheritdoc/>
    public LoopSlotKind Kind => LoopSlotKind.Sql;

    /// <inheritdoc/>
    public IReadOnlyList<LoopCandidate> Candidates(LoopTemplate template, LoopRound round, LoopSlot slot) =>
        [.. grader.Problems.Where(p => Fits(template.Level, p.Difficulty))
            .Select(p => new LoopCandidate(p.Id, p.Title, LoopSlotKind.Sql, [Dimension.DataFluency]))];

    /// <summary>True when a problem of <paramref name="difficulty"/> suits a loop at <paramref name="level"/>.</summary>
    public static bool Fits(Level level, string difficulty) => level switch
    {
        Level.DataScientist => difficulty is "easy" or "medium",
        Level.SeniorDataScientist => difficulty is "medium" or "hard",
        _ => true,
    };
}

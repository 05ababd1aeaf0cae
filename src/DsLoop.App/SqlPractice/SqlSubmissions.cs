using DsLoop.App.Attempts;
using DsLoop.Content.Sql;
using DsLoop.Core;
using DsLoop.Sql;
using DsLoop.Store;

namespace DsLoop.App.SqlPractice;

/// <summary>Records SQL answers as attempts: a graded submission, or giving up to see the solution.</summary>
/// <param name="practice">Grades on the practice datasets.</param>
/// <param name="store">Where attempts live.</param>
/// <param name="clock">The time of each submission.</param>
public sealed class SqlSubmissions(SqlPracticeService practice, IAppStore store, TimeProvider clock)
{
    /// <summary>
    /// What is wrong with a query before it is run, or null when it may run. The limit applies to the text as sent,
    /// white space included, since that is what would be stored.
    /// </summary>
    public static string? CheckQuery(string? sql, bool required = true)
    {
        var raw = sql ?? "";
        if (raw.Length > SqlPracticeService.MaxQueryLength)
        {
            return $"The query is {raw.Length:N0} characters; the limit is {SqlPracticeService.MaxQueryLength:N0}.";
        }
        return required && string.IsNullOrWhiteSpace(raw) ? "Write a query first: the editor is empty." : null;
    }

    /// <summary>
    /// Grades <paramref name="sql"/> on the seed's dataset and stores the verdict. When DsLoop itself could not grade (the
    /// reference failed) nothing is stored against the candidate and the outcome says why.
    /// </summary>
    public async Task<Outcome<Attempt>> SubmitAsync(
        string userId, SqlProblem problem, ulong seed, string sql, int hintsSeen, int seconds, CancellationToken cancellationToken)
    {
        var grade = await practice.GradeAsync(problem, seed, sql, cancellationToken);
        if (grade.Verdict == GradeVerdict.ReferenceFailed)
        {
            return Outcome<Attempt>.Invalid(
                $"DsLoop could not grade this problem on seed {seed}: {string.Join("; ", grade.Feedback)}. Try 'New data', and please report it.");
        }
        var answer = new SqlAnswer(sql, seed, practice.Scale.Name, grade.VerdictSlug, grade.Feedback, grade.Rows, grade.Elapsed.TotalMilliseconds, hintsSeen);
        return Outcome<Attempt>.Done(await RecordAsync(userId, problem, answer, grade.Verdict == GradeVerdict.Correct ? 1 : 0, seconds, cancellationToken));
    }

    /// <summary>Records that the candidate gave up (the solution is shown from then on).</summary>
    public Task<Attempt> GiveUpAsync(string userId, SqlProblem problem, ulong seed, string? sql, int hintsSeen, int seconds, CancellationToken cancellationToken) =>
        RecordAsync(userId, problem,
            new SqlAnswer(sql?.Trim() ?? "", seed, practice.Scale.Name, SqlAnswer.GaveUp, ["you asked for the solution"], 0, 0, hintsSeen),
            0, seconds, cancellationToken);

    private async Task<Attempt> RecordAsync(string userId, SqlProblem problem, SqlAnswer answer, double score, int seconds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempt = AttemptPayloads.New(userId, problem.Id, answer, now.AddSeconds(-Math.Clamp(seconds, 0, 24 * 3600)), now, score);
        await store.AddAttemptAsync(attempt, cancellationToken);
        return attempt;
    }
}

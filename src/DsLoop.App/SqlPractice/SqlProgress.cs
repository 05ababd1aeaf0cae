using DsLoop.App.Attempts;
using DsLoop.Content.Sql;
using DsLoop.Core;
using DsLoop.Store;

namespace DsLoop.App.SqlPractice;

/// <summary>Where a candidate stands on one problem.</summary>
public enum SqlStatus
{
    /// <summary>Never submitted.</summary>
    New,
    /// <summary>Submitted, never correct.</summary>
    Attempted,
    /// <summary>Correct at least once.</summary>
    Solved,
}

/// <summary>A user's standing on the SQL bank, from one summary query: per problem, submissions and passes.</summary>
public sealed class SqlProgress
{
    /// <summary>How many of a problem's latest attempts are read to find a give-up (as many as the problem page lists).</summary>
    public const int AttemptsRead = 50;

    private readonly IReadOnlyDictionary<string, ItemAttemptSummary> _byId;
    private readonly IReadOnlySet<string> _gaveUp;
    private readonly SqlBank _bank;

    private SqlProgress(SqlBank bank, IEnumerable<ItemAttemptSummary> summaries, IReadOnlySet<string> gaveUp)
    {
        _bank = bank;
        _byId = summaries.ToDictionary(s => s.ItemId, StringComparer.Ordinal);
        _gaveUp = gaveUp;
    }

    /// <summary>
    /// Reads the user's standing: one GROUP BY for the counts, then the attempts of problems tried but not solved,
    /// to see which were given up.
    /// </summary>
    public static async Task<SqlProgress> ReadAsync(IAppStore store, SqlBank bank, string userId, CancellationToken cancellationToken)
    {
        var summaries = await store.SummarizeAttemptsAsync(userId, AttemptKind.Sql, 1.0, cancellationToken);
        var gaveUp = new HashSet<string>(StringComparer.Ordinal);
        foreach (var summary in summaries.Where(s => s.Passed == 0))
        {
            var attempts = await store.ListAttemptsAsync(userId, summary.ItemId, AttemptsRead, cancellationToken);
            if (GaveUpIn(attempts.Select(a => a.Read<SqlAnswer>()).OfType<SqlAnswer>()))
            {
                gaveUp.Add(summary.ItemId);
            }
        }
        return new(bank, summaries, gaveUp);
    }

    /// <summary>True when one of the answers is a give-up.</summary>
    public static bool GaveUpIn(IEnumerable<SqlAnswer> answers) => answers.Any(a => a.Verdict == SqlAnswer.GaveUp);

    /// <summary>
    /// Whether a problem's skill tags may be shown: only once it is solved or given up, since a tag such as
    /// "not-in-null" or "test-accounts" names the trap the candidate is meant to find.
    /// </summary>
    public bool SkillsRevealed(string id) => StatusOf(id) == SqlStatus.Solved || _gaveUp.Contains(id);

    /// <summary>New, attempted or solved.</summary>
    public SqlStatus StatusOf(string id) => _byId.GetValueOrDefault(id) switch
    {
        null => SqlStatus.New,
        { Passed: > 0 } => SqlStatus.Solved,
        _ => SqlStatus.Attempted,
    };

    /// <summary>Submissions (give-ups included) and passing submissions for one problem.</summary>
    public (int Submitted, int Passed) CountsOf(string id) =>
        _byId.GetValueOrDefault(id) is { } s ? (s.Attempts, s.Passed) : (0, 0);

    /// <summary>Problems solved at least once.</summary>
    public int Solved => _bank.Problems.Count(p => StatusOf(p.Id) == SqlStatus.Solved);

    /// <summary>Every submission.</summary>
    public int Submissions => _byId.Values.Sum(s => s.Attempts);

    /// <summary>Every passing submission.</summary>
    public int PassedSubmissions => _byId.Values.Sum(s => s.Passed);

    /// <summary>Problems of a difficulty solved at least once.</summary>
    public int SolvedAt(Difficulty difficulty) => _bank.Problems.Count(p => p.Difficulty == difficulty && StatusOf(p.Id) == SqlStatus.Solved);
}

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
    private readonly IReadOnlyDictionary<string, ItemAttemptSummary> _byId;
    private readonly SqlBank _bank;

    private SqlProgress(SqlBank bank, IEnumerable<ItemAttemptSummary> summaries)
    {
        _bank = bank;
        _byId = summaries.ToDictionary(s => s.ItemId, StringComparer.Ordinal);
    }

    /// <summary>Reads the user's standing (one GROUP BY, whatever the number of attempts).</summary>
    public static async Task<SqlProgress> ReadAsync(IAppStore store, SqlBank bank, string userId, CancellationToken cancellationToken) =>
        new(bank, await store.SummarizeAttemptsAsync(userId, AttemptKind.Sql, 1.0, cancellationToken));

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

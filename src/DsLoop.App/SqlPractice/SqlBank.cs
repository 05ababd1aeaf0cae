using DsLoop.App.Hosting;
using DsLoop.Sql.Bank;

namespace DsLoop.App.SqlPractice;

/// <summary>The SQL problems from the content folder's <c>sql/</c>, loaded once at start-up.</summary>
public sealed class SqlBank
{
    private readonly Dictionary<string, SqlProblem> _byId;

    /// <summary>A bank of <paramref name="problems"/>, sorted easiest first.</summary>
    public SqlBank(IReadOnlyList<SqlProblem> problems)
    {
        Problems = [.. problems.OrderBy(p => p.Difficulty).ThenBy(p => p.Title, StringComparer.Ordinal)];
        _byId = Problems.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Skills = [.. Problems.SelectMany(p => p.Skills).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every problem, easiest first.</summary>
    public IReadOnlyList<SqlProblem> Problems { get; }

    /// <summary>Every skill tag in the bank, sorted.</summary>
    public IReadOnlyList<string> Skills { get; }

    /// <summary>The problem with <paramref name="id"/>, or null.</summary>
    public SqlProblem? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Loads the bank; an invalid problem stops the app with every error named, like the rest of the content.</summary>
    public static SqlBank Load(string contentDirectory)
    {
        var folder = Path.Combine(contentDirectory, "sql");
        if (!Directory.Exists(folder))
        {
            return new SqlBank([]);
        }
        var (problems, errors) = SqlProblemReader.LoadFolder(folder);
        if (errors.Count > 0)
        {
            throw new StartupException(
                $"the SQL problems in {Path.GetFullPath(folder)} have {errors.Count} problem(s); run 'dsloop sql check-bank':\n  {string.Join("\n  ", errors.Take(20))}");
        }
        return new SqlBank(problems);
    }
}

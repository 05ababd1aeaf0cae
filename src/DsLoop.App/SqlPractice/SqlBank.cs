using DsLoop.Content;
using DsLoop.Content.Sql;

namespace DsLoop.App.SqlPractice;

/// <summary>The SQL problems of the loaded content (validated with the rest of it), with their skill tags.</summary>
/// <param name="content">The loaded content.</param>
public sealed class SqlBank(ContentBank content)
{
    /// <summary>Every problem, easiest first.</summary>
    public IReadOnlyList<SqlProblem> Problems => content.SqlProblems;

    /// <summary>Every skill tag in the bank, sorted.</summary>
    public IReadOnlyList<string> Skills { get; } =
        [.. content.SqlProblems.SelectMany(p => p.Skills).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The problem with <paramref name="id"/>, or null.</summary>
    public SqlProblem? Find(string id) => content.SqlProblemsById.GetValueOrDefault(id);
}

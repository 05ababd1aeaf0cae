using DsLoop.Content;
using DsLoop.Content.Sql;

namespace DsLoop.Web.Features.SqlPractice;

/// <summary>The SQL problems of the loaded content (validated with the rest of it), with their skill tags.</summary>
internal sealed class SqlBank(ContentBank content)
{
    /// <summary>Every problem, easiest first.</summary>
    public IReadOnlyList<SqlProblem> Problems => content.SqlProblems;

    /// <summary>Every skill tag in the bank, sorted.</summary>
    public IReadOnlyList<string> Skills { get; } =
        [.. content.SqlProblems.SelectMany(p => p.Skills).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public SqlProblem? Find(string id) => content.SqlProblemsById.GetValueOrDefault(id);
}

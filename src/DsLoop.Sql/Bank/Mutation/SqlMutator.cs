using System.Text.RegularExpressions;

namespace DsLoop.Sql.Bank.Mutation;

/// <summary>A change to a query's text: replace [Start, End) with Replacement.</summary>
internal sealed record MutationEdit(MutationKind Kind, int Start, int End, string Replacement, string Change)
{
    /// <summary>Why the edit cannot change the result, when a rule proves it.</summary>
    public string? Equivalence { get; init; }
}

/// <summary>
/// Makes mutants of a reference query mechanically from its tokens: the plausible wrong queries a candidate writes by
/// one slip (a boundary, a join type, a filter forgotten, DISTINCT, an aggregate, a date or time zone, integer
/// division, NULL handling, a ranking function). Each mutant changes one place; equal texts are made once.
/// </summary>
public static partial class SqlMutator
{
    /// <summary>
    /// The mutants of <paramref name="sql"/>, in the order of the places they change; <paramref name="facts"/> lets the
    /// rules recognise mutants the datasets' guarantees make equivalent.
    /// </summary>
    public static IReadOnlyList<SqlMutant> Mutate(string sql, SchemaFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var shape = new QueryShape(sql);
        var edits = ExpressionRules.All(shape).Concat(ClauseRules.All(shape, facts ?? SchemaFacts.None)).OrderBy(e => e.Start).ThenBy(e => e.End);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Normalised(sql) };
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var mutants = new List<SqlMutant>();
        foreach (var edit in edits)
        {
            var text = string.Concat(sql.AsSpan(0, edit.Start), edit.Replacement, sql.AsSpan(edit.End));
            if (!seen.Add(Normalised(text)))
            {
                continue;
            }
            var at = edit.Start;
            while (at < edit.End && char.IsWhiteSpace(sql[at]))
            {
                at++;
            }
            var label = $"{edit.Change} in `{LineAt(sql, at)}`";
            var n = labels[label] = labels.GetValueOrDefault(label) + 1;
            mutants.Add(new SqlMutant(edit.Kind, n == 1 ? label : $"{label} ({n})", text) { Equivalence = edit.Equivalence });
        }
        return mutants;
    }

    private static string Normalised(string sql) => Spaces().Replace(sql.Trim(), " ");

    private static string LineAt(string sql, int at)
    {
        var start = sql.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var end = sql.IndexOf('\n', at);
        var line = Spaces().Replace(sql[start..(end < 0 ? sql.Length : end)].Trim(), " ");
        return line.Length <= 90 ? line : line[..87] + "...";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

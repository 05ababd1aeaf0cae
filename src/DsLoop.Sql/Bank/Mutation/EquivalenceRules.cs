namespace DsLoop.Sql.Bank.Mutation;

/// <summary>
/// Proofs that a mutant cannot change the result on any dataset that honours the schema, so the report can say so
/// instead of asking the data to kill it. Each proof is still run: a proved mutant the grader rejects fails the check.
/// </summary>
internal static class EquivalenceRules
{
    /// <summary>
    /// A join to a table on its key, from a column that is a NOT NULL foreign key to it: every row finds exactly one
    /// match, so an inner join and a left join give the same rows.
    /// </summary>
    public static string? JoinMatchesEveryRow(QueryShape q, int join, SchemaFacts facts)
    {
        if (facts.ForeignKeys.Count == 0 || join + 1 >= q.Count || q[join + 1].Kind != SqlTokenKind.Word)
        {
            return null;
        }
        var aliases = Aliases(q);
        var table = q[join + 1].Text;
        var at = join + 2;
        if (q.Is(at, "as"))
        {
            at++;
        }
        var alias = q.IsAlias(at) ? q[at++].Text : table;
        if (q.Ctes.ContainsKey(table) || !q.Is(at, "on"))
        {
            return null;
        }
        var end = q.ConditionEnd(at + 1);
        if (end - at != 7 || q.Is(end + 1, "and") || q.Is(end + 1, "or") || !q.IsSymbol(at + 4, "="))
        {
            return null;
        }
        var (leftAlias, leftColumn) = (q[at + 1].Text, q[at + 3].Text);
        var (rightAlias, rightColumn) = (q[at + 5].Text, q[at + 7].Text);
        if (!q.IsSymbol(at + 2, ".") || !q.IsSymbol(at + 6, "."))
        {
            return null;
        }
        var (key, otherAlias, otherColumn) = Same(leftAlias, alias) ? (leftColumn, rightAlias, rightColumn)
            : Same(rightAlias, alias) ? (rightColumn, leftAlias, leftColumn) : (null, "", "");
        if (key is null || !aliases.TryGetValue(otherAlias, out var other) || other is not { LeftJoined: false } || q.Ctes.ContainsKey(other.Table)
            || !facts.AlwaysMatches(other.Table, otherColumn, table, key))
        {
            return null;
        }
        return $"{other.Table}.{otherColumn} is a NOT NULL foreign key to {table}.{key}: every row finds exactly one match, so inner and left join keep the same rows";
    }

    /// <summary>DISTINCT added to a select whose rows are already distinct, or whose duplicates cannot matter.</summary>
    public static string? SelectIsAlreadyDistinct(QueryShape q, int select, SchemaFacts facts)
    {
        var keys = new RowKeys(q, facts);
        if (keys.IsSemiJoin(select))
        {
            return "the select is the body of EXISTS or IN, where repeated rows cannot change the answer";
        }
        return keys.KeyOf(select) switch
        {
            null => null,
            { Count: 0 } => "the select returns one row, and one row is always distinct",
            var key => $"the select's rows are unique on ({string.Join(", ", key.Order(StringComparer.OrdinalIgnoreCase))}), so DISTINCT removes nothing",
        };
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed record Source(string Table, bool LeftJoined);

    private static Dictionary<string, Source?> Aliases(QueryShape q)
    {
        var aliases = new Dictionary<string, Source?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < q.Count; i++)
        {
            if (!(q.Is(i, "from") || q.Is(i, "join")) || q[i + 1].Kind != SqlTokenKind.Word)
            {
                continue;
            }
            var table = q[i + 1].Text;
            var at = q.Is(i + 2, "as") ? i + 3 : i + 2;
            var alias = q.IsAlias(at) ? q[at].Text : table;
            var source = new Source(table, q.Is(i, "join") && (q.Is(i - 1, "left") || q.Is(i - 1, "outer") || q.Is(i - 1, "full") || q.Is(i - 1, "right")));
            // An alias that names different sources in different parts of the query proves nothing.
            aliases[alias] = aliases.TryGetValue(alias, out var seen) && seen != source ? null : source;
        }
        return aliases;
    }
}

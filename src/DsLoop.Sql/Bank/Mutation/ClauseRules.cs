namespace DsLoop.Sql.Bank.Mutation;

/// <summary>Mutations of clauses: join types, DISTINCT, aggregate and window functions, filters, sort and partition.</summary>
internal static class ClauseRules
{
    private static readonly Dictionary<string, string[]> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["min"] = ["max"],
        ["max"] = ["min"],
        ["sum"] = ["avg", "count"],
        ["avg"] = ["sum"],
        ["rank"] = ["dense_rank", "row_number"],
        ["dense_rank"] = ["rank", "row_number"],
        ["row_number"] = ["rank", "dense_rank"],
        ["lag"] = ["lead"],
        ["lead"] = ["lag"],
    };

    private static readonly HashSet<string> FilterClauses = new(StringComparer.Ordinal) { "where", "having", "on", "when" };

    public static IEnumerable<MutationEdit> All(QueryShape q, SchemaFacts facts) =>
        Joins(q, facts).Concat(Distincts(q, facts)).Concat(FunctionSwaps(q)).Concat(Filters(q)).Concat(Structure(q)).Concat(Orderings(q, facts)).Concat(InLists(q));

    /// <summary>
    /// Each ORDER BY key without a direction made descending (a ranking or a running total read backwards), and, where
    /// an ORDER BY has several keys, each key dropped in turn (a forgotten tie-breaker).
    /// </summary>
    private static IEnumerable<MutationEdit> Orderings(QueryShape q, SchemaFacts facts)
    {
        for (var i = 0; i + 1 < q.Count; i++)
        {
            if (!q.Is(i, "order") || !q.Is(i + 1, "by"))
            {
                continue;
            }
            var depth = q.Depth[i];
            var keys = new List<(int First, int Last)>();
            var start = i + 2;
            for (var j = start; j <= q.Count; j++)
            {
                var stop = j == q.Count || q.Depth[j] < depth || (q.Depth[j] == depth && (q.IsSymbol(j, ",") || q.Is(j, "limit") || q.Is(j, "rows")
                    || q.Is(j, "range") || q.IsSymbol(j, ";") || q.Is(j, "union")));
                if (!stop)
                {
                    continue;
                }
                if (j > start)
                {
                    keys.Add((start, j - 1));
                }
                if (j == q.Count || !q.IsSymbol(j, ","))
                {
                    break;
                }
                start = j + 1;
            }
            var unique = SortKeys.UniquePrefix(q, i, keys, facts);
            var proof = "the sort keys before it already make every row's position unique, so it never breaks a tie";
            for (var k = 0; k < keys.Count; k++)
            {
                var (first, last) = keys[k];
                if (!q.Is(last, "desc") && !q.Is(last, "asc") && !q.Is(last, "last") && !q.Is(last, "first"))
                {
                    yield return new MutationEdit(MutationKind.Structure, q[last].End, q[last].End, " desc", $"`{Short(q.Text(first, last))}` sorted descending")
                    {
                        Equivalence = k >= unique ? proof : null,
                    };
                }
            }
            for (var k = 0; keys.Count > 1 && k < keys.Count; k++)
            {
                var (from, to) = k == 0 ? (q[keys[0].First].Start, q[keys[1].First].Start) : (q[keys[k - 1].Last].End, q[keys[k].Last].End);
                yield return new MutationEdit(MutationKind.Structure, from, to, "", $"sort key `{Short(q.Text(keys[k].First, keys[k].Last))}` dropped")
                {
                    Equivalence = k >= unique ? proof : null,
                };
            }
        }
    }

    /// <summary>Each value of an IN list of literals dropped in turn (a status or category forgotten).</summary>
    private static IEnumerable<MutationEdit> InLists(QueryShape q)
    {
        for (var i = 0; i + 1 < q.Count; i++)
        {
            if (!q.Is(i, "in") || !q.IsSymbol(i + 1, "(") || q.Match(i + 1) is not (var close and > 0))
            {
                continue;
            }
            var values = Enumerable.Range(i + 2, close - i - 2).Where(j => !q.IsSymbol(j, ",")).ToList();
            if (values.Count < 2 || values.Any(j => q[j].Kind is not (SqlTokenKind.String or SqlTokenKind.Number)) || values.Count * 2 - 1 != close - i - 2)
            {
                continue;
            }
            for (var k = 0; k < values.Count; k++)
            {
                var (from, to) = k == 0 ? (q[values[0]].Start, q[values[1]].Start) : (q[values[k - 1]].End, q[values[k]].End);
                yield return new MutationEdit(MutationKind.Filter, from, to, "", $"`{q[values[k]].Text}` dropped from the IN list");
            }
        }
    }

    private static IEnumerable<MutationEdit> Joins(QueryShape q, SchemaFacts facts)
    {
        for (var i = 0; i < q.Count; i++)
        {
            if (!q.Is(i, "join"))
            {
                continue;
            }
            var first = q.Is(i - 1, "outer") ? i - 1 : i;
            var proof = EquivalenceRules.JoinMatchesEveryRow(q, i, facts);
            if (q.Is(first - 1, "left"))
            {
                yield return new MutationEdit(MutationKind.Join, q[first - 1].Start, q[i].End, "join", $"`{q.Text(first - 1, i)}` → `join`") { Equivalence = proof };
            }
            else if (q.Is(i - 1, "inner"))
            {
                yield return new MutationEdit(MutationKind.Join, q[i - 1].Start, q[i].End, "left join", "`inner join` → `left join`") { Equivalence = proof };
            }
            else if (!q.Is(i - 1, "cross") && !q.Is(first - 1, "right") && !q.Is(first - 1, "full"))
            {
                yield return new MutationEdit(MutationKind.Join, q[i].Start, q[i].End, "left join", "`join` → `left join`") { Equivalence = proof };
            }
        }
    }

    private static IEnumerable<MutationEdit> Distincts(QueryShape q, SchemaFacts facts)
    {
        for (var i = 0; i < q.Count; i++)
        {
            var token = q[i];
            if (token.Is("distinct"))
            {
                yield return new MutationEdit(MutationKind.Distinct, token.Start, q[i + 1 < q.Count ? i + 1 : i].Start, "", "`distinct` dropped");
            }
            else if (token.Is("select") && !q.Is(i + 1, "distinct"))
            {
                yield return new MutationEdit(MutationKind.Distinct, token.End, token.End, " distinct", "`select` → `select distinct`")
                {
                    Equivalence = EquivalenceRules.SelectIsAlreadyDistinct(q, i, facts),
                };
            }
            else if (token.Is("count") && q.IsSymbol(i + 1, "(") && !q.IsSymbol(i + 2, "*") && !q.Is(i + 2, "distinct") && q.Match(i + 1) is var close and > 0)
            {
                yield return new MutationEdit(MutationKind.Distinct, q[i + 2].Start, q[i + 2].Start, "distinct ", "`count(x)` → `count(distinct x)`");
                yield return new MutationEdit(MutationKind.Function, q[i + 2].Start, q[close - 1].End, "*", "`count(x)` → `count(*)`");
            }
        }
    }

    private static IEnumerable<MutationEdit> FunctionSwaps(QueryShape q)
    {
        for (var i = 0; i < q.Count; i++)
        {
            var token = q[i];
            if (token.Kind != SqlTokenKind.Word || !q.IsSymbol(i + 1, "(") || !Functions.TryGetValue(token.Text, out var others))
            {
                continue;
            }
            foreach (var other in others)
            {
                yield return new MutationEdit(MutationKind.Function, token.Start, token.End, other, $"`{token.Text}` → `{other}`");
            }
        }
    }

    /// <summary>Each condition of a WHERE, HAVING, ON or CASE WHEN removed in turn, and each AND made OR (not in ON).</summary>
    private static IEnumerable<MutationEdit> Filters(QueryShape q)
    {
        for (var i = 0; i < q.Count; i++)
        {
            var token = q[i];
            var starts = token.Is("where") || token.Is("having");
            var joins = token.Is("and") && !q.BetweenAnds.Contains(i) && FilterClauses.Contains(q.Clause[i]);
            if ((!starts && !joins) || i + 1 >= q.Count)
            {
                continue;
            }
            var end = q.ConditionEnd(i + 1);
            if (end <= i)
            {
                continue;
            }
            var condition = q.Text(i + 1, end);
            if (joins)
            {
                yield return new MutationEdit(MutationKind.Filter, q[i - 1].End, q[end].End, "", $"condition `{Short(condition)}` removed");
                if (q.Clause[i] != "on")
                {
                    yield return new MutationEdit(MutationKind.Filter, token.Start, token.End, "or", "`and` → `or`");
                }
            }
            else if (q.Is(end + 1, "and") && !q.BetweenAnds.Contains(end + 1) && end + 2 < q.Count)
            {
                yield return new MutationEdit(MutationKind.Filter, q[i + 1].Start, q[end + 2].Start, "", $"condition `{Short(condition)}` removed");
            }
            else
            {
                yield return new MutationEdit(MutationKind.Filter, token.Start, q[end].End, "", $"`{token.Text.ToLowerInvariant()} {Short(condition)}` removed");
            }
        }
    }

    private static IEnumerable<MutationEdit> Structure(QueryShape q)
    {
        for (var i = 0; i < q.Count; i++)
        {
            var token = q[i];
            if (token.Is("desc"))
            {
                yield return new MutationEdit(MutationKind.Structure, token.Start, token.End, "asc", "`desc` → `asc`");
            }
            else if (token.Is("asc"))
            {
                yield return new MutationEdit(MutationKind.Structure, token.Start, token.End, "desc", "`asc` → `desc`");
            }
            else if (token.Is("union"))
            {
                yield return q.Is(i + 1, "all")
                    ? new MutationEdit(MutationKind.Structure, token.Start, q[i + 1].End, "union", "`union all` → `union`")
                    : new MutationEdit(MutationKind.Structure, token.Start, token.End, "union all", "`union` → `union all`");
            }
            else if (token.Is("partition") && q.Is(i + 1, "by"))
            {
                var last = i + 2;
                while (last + 1 < q.Count && q.Depth[last + 1] >= q.Depth[i] && !(q.Depth[last + 1] == q.Depth[i]
                    && (q.Is(last + 1, "order") || q.Is(last + 1, "rows") || q.Is(last + 1, "range"))))
                {
                    last++;
                }
                yield return new MutationEdit(MutationKind.Structure, token.Start, q[last].End, "", $"`{Short(q.Text(i, last))}` dropped");
            }
        }
    }

    private static string Short(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 60 ? flat : flat[..57] + "...";
    }
}

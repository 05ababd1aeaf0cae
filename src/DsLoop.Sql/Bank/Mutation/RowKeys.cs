namespace DsLoop.Sql.Bank.Mutation;

/// <summary>
/// Finds, for a SELECT, output columns that are a unique key of its rows, when the query's shape proves one: grouped on
/// output columns, aggregated into one row, or reading one table (or CTE with a key) and outputting its key, joined
/// only to tables on their primary key. A select with a key cannot gain anything from DISTINCT.
/// </summary>
internal sealed class RowKeys(QueryShape q, SchemaFacts facts)
{
    private static readonly HashSet<string> Aggregates = new(StringComparer.OrdinalIgnoreCase) { "count", "sum", "avg", "min", "max", "total", "group_concat", "string_agg" };

    /// <summary>The output names of a unique key of the rows of the select at <paramref name="select"/>; null when none is proved.</summary>
    public HashSet<string>? KeyOf(int select, int depthLimit = 6)
    {
        if (depthLimit == 0)
        {
            return null;
        }
        var depth = q.Depth[select];
        var end = select + 1;
        while (end < q.Count && q.Depth[end] >= depth && !(q.Depth[end] == depth && (q.Is(end, "union") || q.Is(end, "except") || q.Is(end, "intersect") || q.IsSymbol(end, ";"))))
        {
            end++;
        }
        if (end < q.Count && q.Depth[end] == depth && !q.IsSymbol(end, ";"))
        {
            return null;
        }
        var from = Range(select + 1, end).FirstOrDefault(i => q.Depth[i] == depth && q.Is(i, "from"), end);
        var items = Split(q.Is(select + 1, "distinct") ? select + 2 : select + 1, from, depth);
        var group = Range(select + 1, end).FirstOrDefault(i => q.Depth[i] == depth && q.Is(i, "group") && q.Is(i + 1, "by"), -1);
        if (group >= 0)
        {
            var stop = Range(group + 2, end).FirstOrDefault(i => q.Depth[i] == depth && (q.Is(i, "having") || q.Is(i, "order") || q.Is(i, "limit") || q.Is(i, "window")), end);
            var keys = Split(group + 2, stop, depth).Select(g => GroupKeyName(g, items)).ToList();
            return keys.Count > 0 && keys.All(k => k is not null) ? [.. keys.OfType<string>()] : null;
        }
        if (from == end)
        {
            return [];
        }
        if (items.All(IsAggregate))
        {
            return [];
        }
        return SourceKey(from, end, depth, items, depthLimit);
    }

    /// <summary>The output column names of the select at <paramref name="select"/>, in order (null for an unnamed expression).</summary>
    public IReadOnlyList<string?> OutputNames(int select)
    {
        var depth = q.Depth[select];
        var from = select + 1;
        while (from < q.Count && q.Depth[from] >= depth && !(q.Depth[from] == depth && q.Is(from, "from")))
        {
            from++;
        }
        return [.. Split(q.Is(select + 1, "distinct") ? select + 2 : select + 1, from, depth).Select(Name)];
    }

    /// <summary>True when the select at <paramref name="select"/> is the body of EXISTS (...) or IN (...): duplicates cannot matter there.</summary>
    public bool IsSemiJoin(int select) => q.IsSymbol(select - 1, "(") && (q.Is(select - 2, "exists") || q.Is(select - 2, "in"));

    private HashSet<string>? SourceKey(int from, int end, int depth, List<(int First, int Last)> items, int depthLimit)
    {
        var at = from + 1;
        HashSet<string>? key;
        string alias;
        if (q.IsSymbol(at, "(") && q.Is(at + 1, "select"))
        {
            key = KeyOf(at + 1, depthLimit - 1);
            at = q.Match(at) + 1;
        }
        else if (at < end && q[at].Kind == SqlTokenKind.Word)
        {
            var name = q[at].Text;
            key = q.Ctes.TryGetValue(name, out var body) ? CteKey(body, depthLimit) : facts.PrimaryKeyOf(name) is { } pk ? [.. pk] : null;
            alias = name;
            at++;
        }
        else
        {
            return null;
        }
        if (q.Is(at, "as"))
        {
            at++;
        }
        alias = at < end && q.IsAlias(at) ? q[at++].Text : "";
        if (key is null || !JoinsAreToOne(at, end, depth))
        {
            return null;
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in key)
        {
            if (OutputName(column, alias, items) is not { } output)
            {
                return null;
            }
            names.Add(output);
        }
        return names;
    }

    /// <summary>Every join after the first source is to a base table on its one-column primary key, so no row is repeated.</summary>
    private bool JoinsAreToOne(int at, int end, int depth)
    {
        for (var i = at; i < end; i++)
        {
            if (q.Depth[i] != depth)
            {
                continue;
            }
            if (q.IsSymbol(i, ",") || q.Is(i, "cross"))
            {
                return false;
            }
            if (!q.Is(i, "join"))
            {
                if (q.Is(i, "where") || q.Is(i, "order") || q.Is(i, "limit"))
                {
                    return true;
                }
                continue;
            }
            var table = q[i + 1].Text;
            var k = q.Is(i + 2, "as") ? i + 3 : i + 2;
            var alias = q.IsAlias(k) ? q[k++].Text : table;
            if (q.Ctes.ContainsKey(table) || facts.PrimaryKeyOf(table) is not [var pk] || !q.Is(k, "on"))
            {
                return false;
            }
            var last = q.ConditionEnd(k + 1);
            var onKey = last - k == 7 && q.IsSymbol(k + 4, "=")
                && ((Same(q[k + 1].Text, alias) && Same(q[k + 3].Text, pk)) || (Same(q[k + 5].Text, alias) && Same(q[k + 7].Text, pk)));
            if (!onKey || q.Is(last + 1, "and") || q.Is(last + 1, "or"))
            {
                return false;
            }
        }
        return true;
    }

    private string? OutputName(string column, string alias, List<(int First, int Last)> items)
    {
        foreach (var (first, last) in items)
        {
            var star = (last == first && q.IsSymbol(first, "*")) || (last == first + 2 && q.IsSymbol(last, "*") && Same(q[first].Text, alias));
            if (star)
            {
                return column;
            }
            var bare = last == first && Same(q[first].Text, column);
            var dotted = last >= first + 2 && Same(q[first + 2].Text, column) && q.IsSymbol(first + 1, ".") && (alias.Length == 0 || Same(q[first].Text, alias));
            var renamed = q.Is(last - 1, "as") ? last - 2 : last;
            if (bare || (dotted && (renamed == first + 2 || last == first + 2)))
            {
                return q[last].Text;
            }
        }
        return null;
    }

    private string? GroupKeyName((int First, int Last) group, List<(int First, int Last)> items)
    {
        var text = Flat(group.First, group.Last);
        if (group.First == group.Last && int.TryParse(text, out var ordinal))
        {
            return ordinal >= 1 && ordinal <= items.Count ? Name(items[ordinal - 1]) : null;
        }
        foreach (var item in items)
        {
            var name = Name(item);
            var expression = q.Is(item.Last - 1, "as") ? Flat(item.First, item.Last - 2) : Flat(item.First, item.Last);
            if (string.Equals(expression, text, StringComparison.OrdinalIgnoreCase) || (name is not null && string.Equals(name, text, StringComparison.OrdinalIgnoreCase)))
            {
                return name ?? expression;
            }
        }
        return null;
    }

    private string? Name((int First, int Last) item) =>
        q.Is(item.Last - 1, "as") || (item.Last == item.First) || (item.Last == item.First + 2 && q.IsSymbol(item.First + 1, ".")) ? q[item.Last].Text : null;

    private bool IsAggregate((int First, int Last) item) =>
        Aggregates.Contains(q[item.First].Text) && q.IsSymbol(item.First + 1, "(") && q.Match(item.First + 1) is var close and > 0
        && (close == item.Last || (q.Is(close + 1, "as") && close + 2 == item.Last));

    private List<(int First, int Last)> Split(int first, int end, int depth)
    {
        var parts = new List<(int, int)>();
        var start = first;
        for (var i = first; i <= end; i++)
        {
            if (i == end || (q.Depth[i] == depth && q.IsSymbol(i, ",")))
            {
                if (i > start)
                {
                    parts.Add((start, i - 1));
                }
                start = i + 1;
            }
        }
        return parts;
    }

    private string Flat(int first, int last) => string.Join(' ', q.Text(first, last).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<int> Range(int from, int end) => Enumerable.Range(from, Math.Max(0, end - from));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The key of a CTE whose body is a plain SELECT; null for any other body.</summary>
    private HashSet<string>? CteKey(int body, int depthLimit) =>
        q.IsSymbol(body, "(") && q.Is(body + 1, "select") ? KeyOf(body + 1, depthLimit - 1) : null;
}

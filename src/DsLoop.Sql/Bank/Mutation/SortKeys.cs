namespace DsLoop.Sql.Bank.Mutation;

/// <summary>Which keys of an ORDER BY can matter: none after a prefix that already covers a unique key of the rows.</summary>
internal static class SortKeys
{
    /// <summary>
    /// The number of leading sort keys after which the order is total (they include every column of a proved unique
    /// key of the select's rows); the number of keys + 1 when no prefix is proved total.
    /// </summary>
    public static int UniquePrefix(QueryShape q, int order, IReadOnlyList<(int First, int Last)> keys, SchemaFacts facts)
    {
        var depth = q.Depth[order];
        var select = -1;
        for (var i = order - 1; i >= 0 && q.Depth[i] >= depth; i--)
        {
            if (q.Depth[i] != depth)
            {
                continue;
            }
            if (q.Is(i, "union") || q.Is(i, "except") || q.Is(i, "intersect") || q.Is(i, "over") || q.Is(i, "within"))
            {
                return keys.Count + 1;
            }
            if (q.Is(i, "select"))
            {
                select = i;
                break;
            }
        }
        // An ORDER BY inside OVER (...) belongs to a window, not to a select's rows.
        if (select < 0 || (q.IsSymbol(order - 1, "(") && q.Is(order - 2, "over")))
        {
            return keys.Count + 1;
        }
        var rowKeys = new RowKeys(q, facts);
        if (rowKeys.KeyOf(select) is not { } key)
        {
            return keys.Count + 1;
        }
        var outputs = rowKeys.OutputNames(select);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < keys.Count; k++)
        {
            if (key.All(seen.Contains))
            {
                return k;
            }
            var (first, last) = keys[k];
            if (q.Is(last, "desc") || q.Is(last, "asc"))
            {
                last--;
            }
            if (first == last && int.TryParse(q[first].Text, out var ordinal) && ordinal >= 1 && ordinal <= outputs.Count && outputs[ordinal - 1] is { } byOrdinal)
            {
                seen.Add(byOrdinal);
            }
            else if (last == first + 2 && q.IsSymbol(first + 1, "."))
            {
                seen.Add(q[last].Text);
            }
            else if (first == last)
            {
                seen.Add(q[first].Text);
            }
        }
        return key.All(seen.Contains) ? keys.Count : keys.Count + 1;
    }
}

namespace DsLoop.Sql.Bank.Mutation;

/// <summary>A column whose every value is the key of exactly one row of another table, and is never NULL.</summary>
/// <param name="Table">The table holding the column.</param>
/// <param name="Column">The column.</param>
/// <param name="ParentTable">The table it points into.</param>
/// <param name="ParentKey">That table's one-column primary key.</param>
public sealed record ForeignKey(string Table, string Column, string ParentTable, string ParentKey);

/// <summary>What the datasets guarantee, so that mutants equivalent by those guarantees are recognised as such.</summary>
/// <param name="ForeignKeys">NOT NULL foreign keys every dataset honours.</param>
/// <param name="PrimaryKeys">Each table's primary key columns.</param>
public sealed record SchemaFacts(IReadOnlyList<ForeignKey> ForeignKeys, IReadOnlyDictionary<string, IReadOnlyList<string>> PrimaryKeys)
{
    /// <summary>No guarantees: every mutant is run and judged by the data alone.</summary>
    public static SchemaFacts None { get; } = new([], new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Facts from plain tuples, as a schema description gives them.</summary>
    public static SchemaFacts From(
        IEnumerable<(string Table, string Column, string ParentTable, string ParentKey)> foreignKeys, IEnumerable<(string Table, IReadOnlyList<string> Key)> primaryKeys) =>
        new([.. foreignKeys.Select(k => new ForeignKey(k.Table, k.Column, k.ParentTable, k.ParentKey))],
            primaryKeys.ToDictionary(p => p.Table, p => p.Key, StringComparer.OrdinalIgnoreCase));

    /// <summary>The primary key of a table, or null for a name that is not a table.</summary>
    public IReadOnlyList<string>? PrimaryKeyOf(string table) =>
        PrimaryKeys.FirstOrDefault(p => Same(p.Key, table)).Value;

    /// <summary>True when <paramref name="table"/>.<paramref name="column"/> always matches one row of <paramref name="parent"/> on <paramref name="key"/>.</summary>
    public bool AlwaysMatches(string table, string column, string parent, string key) =>
        ForeignKeys.Any(f => Same(f.Table, table) && Same(f.Column, column) && Same(f.ParentTable, parent) && Same(f.ParentKey, key));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

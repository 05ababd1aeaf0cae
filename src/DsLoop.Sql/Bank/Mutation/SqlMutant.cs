namespace DsLoop.Sql.Bank.Mutation;

/// <summary>The families of mechanical changes a mutant comes from.</summary>
public enum MutationKind
{
    /// <summary>A comparison operator changed: a boundary (&lt; to &lt;=), a direction or an equality flipped.</summary>
    Comparison,

    /// <summary>A numeric or date constant moved by one unit, or scaled.</summary>
    Constant,

    /// <summary>An inner join made left, or a left join made inner.</summary>
    Join,

    /// <summary>DISTINCT added or dropped.</summary>
    Distinct,

    /// <summary>An aggregate or window function swapped for a sibling.</summary>
    Function,

    /// <summary>One filter condition removed, or AND made OR.</summary>
    Filter,

    /// <summary>A date function, date truncation or time-zone conversion changed.</summary>
    DateTime,

    /// <summary>NULL handling: COALESCE or NULLIF dropped, IS NULL negated, NOT dropped.</summary>
    Null,

    /// <summary>Numeric types: a cast or a 1.0 factor dropped, so the division is on integers.</summary>
    Arithmetic,

    /// <summary>Ordering and grouping: a sort direction flipped, a PARTITION BY dropped, UNION and UNION ALL swapped.</summary>
    Structure,
}

/// <summary>One mechanical variant of a query.</summary>
/// <param name="Kind">The family of the change.</param>
/// <param name="Label">The change and the line it is on, stable across runs ("`&lt;` → `&lt;=` in `where a.t &lt; x.ended_at`").</param>
/// <param name="Sql">The mutated query.</param>
public sealed record SqlMutant(MutationKind Kind, string Label, string Sql)
{
    /// <summary>Why the mutant gives the reference's result on every dataset, when a rule proves it; otherwise null.</summary>
    public string? Equivalence { get; init; }
}

using DsLoop.Sql;
using DsLoop.Sql.Bank;

namespace DsLoop.Content.Sql;

/// <summary>How hard a SQL problem is.</summary>
public enum Difficulty
{
    /// <summary>One or two clauses beyond a plain SELECT.</summary>
    Easy,

    /// <summary>Joins, windows or a precise definition.</summary>
    Medium,

    /// <summary>Several steps where a definition or a data trap decides the answer.</summary>
    Hard,
}

/// <summary>How difficulties are written in problem files, URLs and the command line.</summary>
public static class DifficultyNames
{
    /// <summary>easy, medium or hard.</summary>
    public static string Slug(this Difficulty difficulty) => difficulty.ToString().ToLowerInvariant();

    /// <summary>Parses easy, medium or hard (exactly as written by <see cref="Slug"/>).</summary>
    public static bool TryParse(string? slug, out Difficulty difficulty)
    {
        foreach (var candidate in Enum.GetValues<Difficulty>())
        {
            if (candidate.Slug() == slug)
            {
                difficulty = candidate;
                return true;
            }
        }
        difficulty = default;
        return false;
    }
}

/// <summary>A common wrong answer that the grader must reject on the generated data.</summary>
/// <param name="Name">The mistake, as a candidate would recognise it.</param>
/// <param name="Why">Why it is wrong.</param>
/// <param name="Sql">The query per engine ("sqlite", "postgres"); one text may serve both.</param>
public sealed record SqlTrap(string Name, string Why, IReadOnlyDictionary<string, string> Sql)
{
    /// <summary>The trap's SQL for an engine.</summary>
    public string For(string engine) => Sql.TryGetValue(engine, out var sql) ? sql : Sql[SqlProblem.DefaultEngine];
}

/// <summary>One graded SQL exercise on the practice dataset.</summary>
/// <param name="Id">Stable id (file name without extension).</param>
/// <param name="Title">Short title.</param>
/// <param name="Difficulty">Easy, medium or hard.</param>
/// <param name="Skills">Skill tags, e.g. retention, window-functions.</param>
/// <param name="Prompt">The task as the candidate reads it (Markdown).</param>
/// <param name="Columns">The required output columns, in order.</param>
/// <param name="Spec">How results are compared.</param>
/// <param name="Reference">The reference query per engine ("sqlite", "postgres"); "sqlite" is required.</param>
/// <param name="Hints">Progressive hints, shown one at a time.</param>
/// <param name="Explanation">Shown after solving or giving up.</param>
/// <param name="Traps">Common wrong answers the grader must reject.</param>
/// <param name="MinRows">The fewest rows a correct answer returns on any seed, so results are never trivially small.</param>
/// <param name="Source">Where it was loaded from.</param>
public sealed record SqlProblem(
    string Id,
    string Title,
    Difficulty Difficulty,
    IReadOnlyList<string> Skills,
    string Prompt,
    IReadOnlyList<string> Columns,
    GradingSpec Spec,
    IReadOnlyDictionary<string, string> Reference,
    IReadOnlyList<string> Hints,
    string Explanation,
    IReadOnlyList<SqlTrap> Traps,
    int MinRows,
    SourceSpan Source)
{
    /// <summary>The engine whose query every problem and trap must have; other engines fall back to it.</summary>
    public const string DefaultEngine = "sqlite";

    /// <summary>The reference query for an engine.</summary>
    public string ReferenceFor(string engine) => Reference.TryGetValue(engine, out var sql) ? sql : Reference[DefaultEngine];

    /// <summary>Mutants of the reference that no dataset can tell from it, each with the reason (checked by <see cref="MutantCheck"/>).</summary>
    public IReadOnlyList<EquivalentMutant> EquivalentMutants { get; init; } = [];

    /// <summary>The problem in one engine's dialect, as <see cref="SqlBankChecker"/> proves it.</summary>
    public BankExercise ForEngine(string engine) =>
        new(Id, ReferenceFor(engine), Columns, MinRows, Spec, [.. Traps.Select(t => new BankTrap(t.Name, t.For(engine)))], EquivalentMutants);
}

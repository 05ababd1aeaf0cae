namespace DsLoop.Sql.Bank;

/// <summary>A common wrong answer, in one engine's dialect, that the grader must reject.</summary>
/// <param name="Name">The mistake, as a candidate would recognise it.</param>
/// <param name="Sql">The wrong query.</param>
public sealed record BankTrap(string Name, string Sql);

/// <summary>One exercise as <see cref="SqlBankChecker"/> proves it: everything in the dialect of the sandbox it runs on.</summary>
/// <param name="Id">The exercise's id, for messages.</param>
/// <param name="Reference">The reference query.</param>
/// <param name="Columns">The output columns the exercise declares, in order.</param>
/// <param name="MinRows">The fewest rows the reference must return.</param>
/// <param name="Spec">How results are compared.</param>
/// <param name="Traps">Wrong answers that must be graded wrong.</param>
/// <param name="EquivalentMutants">Mutants of the reference that no dataset can tell from it, each with the reason.</param>
public sealed record BankExercise(string Id, string Reference, IReadOnlyList<string> Columns, int MinRows, GradingSpec Spec, IReadOnlyList<BankTrap> Traps, IReadOnlyList<EquivalentMutant> EquivalentMutants)
{
    /// <summary>An exercise that declares no equivalent mutants.</summary>
    public BankExercise(string id, string reference, IReadOnlyList<string> columns, int minRows, GradingSpec spec, IReadOnlyList<BankTrap> traps)
        : this(id, reference, columns, minRows, spec, traps, [])
    {
    }
}

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
public sealed record BankExercise(string Id, string Reference, IReadOnlyList<string> Columns, int MinRows, GradingSpec Spec, IReadOnlyList<BankTrap> Traps);

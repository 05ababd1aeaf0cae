namespace DsLoop.Sql.Bank;

/// <summary>
/// Proves an exercise works on one dataset: the reference runs, returns the declared columns and at least
/// <see cref="BankExercise.MinRows"/> rows, passes against itself, and every trap is graded wrong. It takes the
/// exercise as plain queries so the sandbox room needs no knowledge of how problems are written down.
/// </summary>
public static class SqlBankChecker
{
    /// <summary>The problems found, each as "id [engine, label]: what is wrong"; empty when the exercise is sound here.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(BankExercise exercise, ISqlSandbox sandbox, string label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(sandbox);
        var failures = new List<string>();
        var where = $"{exercise.Id} [{sandbox.Engine}, {label}]";
        var limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(20), MaxRows = 5, CountAllRows = true };
        var reference = exercise.Reference;
        var run = await sandbox.RunAsync(reference, limits, cancellationToken);
        if (!run.Succeeded)
        {
            failures.Add($"{where}: the reference query fails: {run.Message}");
            return failures;
        }
        var names = run.Columns.Select(c => c.Name).ToList();
        if (!names.SequenceEqual(exercise.Columns, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{where}: the reference returns columns ({string.Join(", ", names)}) but the problem declares ({string.Join(", ", exercise.Columns)})");
        }
        if (run.TotalRowCount is { } rows && rows < exercise.MinRows)
        {
            failures.Add($"{where}: the reference returns {rows} row(s), fewer than min_rows {exercise.MinRows}");
        }
        var grader = new ResultGrader();
        var self = await grader.GradeAsync(sandbox, reference, reference, exercise.Spec, limits, cancellationToken);
        if (!self.Passed)
        {
            failures.Add($"{where}: the reference does not pass against itself: {string.Join("; ", self.Feedback)}");
        }
        foreach (var trap in exercise.Traps)
        {
            var graded = await grader.GradeAsync(sandbox, reference, trap.Sql, exercise.Spec, limits, cancellationToken);
            if (graded.Passed)
            {
                failures.Add($"{where}: the trap '{trap.Name}' is graded correct; it must fail on this data");
            }
            else if (graded.Verdict == GradeVerdict.CandidateFailed)
            {
                failures.Add($"{where}: the trap '{trap.Name}' does not run ({string.Join("; ", graded.Feedback)}); a trap must be a plausible query that runs and gives a wrong result");
            }
        }
        return failures;
    }
}

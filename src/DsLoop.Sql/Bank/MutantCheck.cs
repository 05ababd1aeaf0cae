using DsLoop.Sql.Bank.Mutation;

namespace DsLoop.Sql.Bank;

/// <summary>A mutant the problem file declares equivalent to the reference on every possible dataset, and why.</summary>
/// <param name="Mutant">The mutant's label, as <see cref="SqlMutator"/> writes it.</param>
/// <param name="Why">Why no dataset can tell it from the reference.</param>
public sealed record EquivalentMutant(string Mutant, string Why);

/// <summary>What became of a mutant.</summary>
public enum MutantFate
{
    /// <summary>The grader rejected it on at least one dataset.</summary>
    Killed,

    /// <summary>It passed on every dataset it ran on: the data cannot tell it from the reference.</summary>
    Survived,

    /// <summary>Declared equivalent by the problem file, or proved equivalent by a rule, and it did pass everywhere.</summary>
    Equivalent,

    /// <summary>It does not run on any dataset (a syntax error, a type error, the time limit): no candidate would submit it as right.</summary>
    DoesNotRun,
}

/// <summary>One mutant's fate on one engine.</summary>
/// <param name="Mutant">The mutant.</param>
/// <param name="Fate">Killed, survived, equivalent or does not run.</param>
/// <param name="Detail">For a killed mutant, the grader's first line of feedback; for an equivalent one, why.</param>
public sealed record MutantOutcome(SqlMutant Mutant, MutantFate Fate, string? Detail);

/// <summary>The mutants of one exercise's reference on one engine and what became of them.</summary>
/// <param name="Id">The exercise.</param>
/// <param name="Engine">sqlite or postgres.</param>
/// <param name="Outcomes">Every mutant, in order.</param>
/// <param name="KilledEquivalents">Mutants declared or proved equivalent that the grader rejected: the claim is wrong.</param>
/// <param name="UnknownEquivalents">Labels declared equivalent that name no mutant of this engine's reference.</param>
public sealed record MutantReport(string Id, string Engine, IReadOnlyList<MutantOutcome> Outcomes, IReadOnlyList<string> KilledEquivalents, IReadOnlyList<string> UnknownEquivalents)
{
    /// <summary>Mutants that run and are not declared equivalent: the ones the data must kill.</summary>
    public int Relevant => Outcomes.Count(o => o.Fate is MutantFate.Killed or MutantFate.Survived);

    /// <summary>Mutants the grader rejected.</summary>
    public int Killed => Outcomes.Count(o => o.Fate == MutantFate.Killed);

    /// <summary>Mutants that passed and are not declared equivalent.</summary>
    public IEnumerable<MutantOutcome> Survivors => Outcomes.Where(o => o.Fate == MutantFate.Survived);
}

/// <summary>
/// Runs every mutant of an exercise's reference against the reference on each dataset. A mutant is killed when the
/// grader rejects it on any dataset; one that passes on every dataset it runs on survives, unless the exercise declares
/// it equivalent.
/// </summary>
public static class MutantCheck
{
    /// <summary>The time a mutant may run at first, as a candidate's query may.</summary>
    public static TimeSpan MutantTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The time a mutant that failed within <see cref="MutantTimeout"/> gets once more: a busy machine must not turn a
    /// mutant the data kills into one that merely timed out, so a fate depends on the data, not on the load. Longer
    /// than this counts as not running, and the mutant is not tried on the remaining datasets.
    /// </summary>
    public static TimeSpan SlowMutantTimeout { get; } = TimeSpan.FromSeconds(20);

    /// <summary>Runs the mutants of <paramref name="exercise"/>'s reference on every sandbox (all of one engine).</summary>
    public static async Task<MutantReport> RunAsync(BankExercise exercise, IReadOnlyList<ISqlSandbox> sandboxes, SchemaFacts? facts = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(sandboxes);
        if (sandboxes.Count == 0)
        {
            throw new ArgumentException("Mutants need at least one dataset.", nameof(sandboxes));
        }
        var mutants = SqlMutator.Mutate(exercise.Reference, facts).Concat(exercise.Traps.Select(t => new SqlMutant(MutationKind.Filter, $"trap: {t.Name}", t.Sql))).ToList();
        var grader = new ResultGrader();
        var limits = SandboxLimits.Default with { Timeout = MutantTimeout };
        var killedBy = new string?[mutants.Count];
        var ran = new bool[mutants.Count];
        var tooSlow = new bool[mutants.Count];
        foreach (var sandbox in sandboxes)
        {
            using var reference = await grader.PrepareReferenceAsync(sandbox, exercise.Reference, exercise.Spec, limits with { Timeout = SlowMutantTimeout }, cancellationToken);
            if (reference.Failure is { } failure)
            {
                throw new InvalidOperationException($"{exercise.Id} [{sandbox.Engine}]: {failure}");
            }
            for (var i = 0; i < mutants.Count; i++)
            {
                if (killedBy[i] is not null || tooSlow[i])
                {
                    continue;
                }
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var graded = await grader.GradeAsync(sandbox, reference, mutants[i].Sql, limits, cancellationToken);
                if (graded.Verdict == GradeVerdict.CandidateFailed && System.Diagnostics.Stopwatch.GetElapsedTime(started) >= MutantTimeout)
                {
                    // Errors fail at once; only a run that lasted the whole limit is tried again with more time.
                    graded = await grader.GradeAsync(sandbox, reference, mutants[i].Sql, limits with { Timeout = SlowMutantTimeout }, cancellationToken);
                    tooSlow[i] = graded.Verdict == GradeVerdict.CandidateFailed;
                }
                if (graded.Verdict == GradeVerdict.CandidateFailed)
                {
                    continue;
                }
                ran[i] = true;
                if (!graded.Passed)
                {
                    killedBy[i] = graded.Feedback.FirstOrDefault() ?? "rejected";
                }
            }
        }
        var declared = exercise.EquivalentMutants.ToDictionary(e => e.Mutant, e => e.Why, StringComparer.Ordinal);
        var outcomes = mutants.Select((m, i) =>
            killedBy[i] is { } why ? new MutantOutcome(m, MutantFate.Killed, why)
            : !ran[i] ? new MutantOutcome(m, MutantFate.DoesNotRun, null)
            : declared.TryGetValue(m.Label, out var equivalent) ? new MutantOutcome(m, MutantFate.Equivalent, equivalent)
            : m.Equivalence is { } proof ? new MutantOutcome(m, MutantFate.Equivalent, proof)
            : new MutantOutcome(m, MutantFate.Survived, null)).ToList();
        var killed = outcomes.Where(o => o.Fate == MutantFate.Killed).ToList();
        var labels = mutants.Select(m => m.Label).ToHashSet(StringComparer.Ordinal);
        var wrongClaims = killed.Where(o => declared.ContainsKey(o.Mutant.Label) || o.Mutant.Equivalence is not null).Select(o => o.Mutant.Label);
        return new MutantReport(exercise.Id, sandboxes[0].Engine, outcomes, [.. wrongClaims], [.. declared.Keys.Where(l => !labels.Contains(l))]);
    }

}

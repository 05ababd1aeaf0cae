using System.Globalization;
using DsLoop.Sql.Spill;

namespace DsLoop.Sql;

/// <summary>
/// Compares a candidate's result with the reference result under a <see cref="GradingSpec"/> and says precisely
/// what is wrong. Small results are compared in memory with exact tolerance rules; results larger than
/// <see cref="InMemoryRowLimit"/> are spilled to hash partitions on disk and compared partition by partition, so
/// memory stays bounded (numbers are then quantised to the tolerance grid, see docs/SANDBOX.md).
/// </summary>
public sealed class ResultGrader
{
    private const int SampleSize = 3;

    /// <summary>A grader with the default limits.</summary>
    public ResultGrader()
    {
    }

    /// <summary>Rows per side held in memory before the grader switches to spilled, partitioned comparison.</summary>
    public int InMemoryRowLimit { get; init; } = 50_000;

    /// <summary>Hash partitions used when spilling.</summary>
    public int Partitions { get; init; } = 128;

    /// <summary>Largest result (per side) the grader reads; bigger results fail the attempt.</summary>
    public long MaxRows { get; init; } = 5_000_000;

    /// <summary>Runs both queries in <paramref name="sandbox"/> and grades the candidate's result.</summary>
    public async Task<GradeResult> GradeAsync(
        ISqlSandbox sandbox, string referenceSql, string candidateSql, GradingSpec spec, SandboxLimits? limits = null, CancellationToken cancellationToken = default)
    {
        using var reference = await PrepareReferenceAsync(sandbox, referenceSql, spec, limits, cancellationToken);
        return await GradeAsync(sandbox, reference, candidateSql, limits, cancellationToken);
    }

    /// <summary>
    /// Runs the reference query once, so that many answers on the same data can be graded against it
    /// (see <see cref="GradeAsync(ISqlSandbox, PreparedReference, string, SandboxLimits?, CancellationToken)"/>).
    /// </summary>
    public async Task<PreparedReference> PrepareReferenceAsync(
        ISqlSandbox sandbox, string referenceSql, GradingSpec spec, SandboxLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var side = new ResultSide(this, new CellComparer(spec), null);
        var run = await sandbox.RunAsync(referenceSql, RunLimits(limits), side, cancellationToken);
        var failure = !run.Succeeded || side.TooLarge
            ? $"the reference query failed: {(side.TooLarge ? "its result is too large to grade" : run.Message)}"
            : null;
        return new PreparedReference(side, failure);
    }

    /// <summary>Grades the candidate's query against a reference prepared on the same dataset. The reference is only read, so it may be shared by concurrent grades.</summary>
    public async Task<GradeResult> GradeAsync(
        ISqlSandbox sandbox, PreparedReference reference, string candidateSql, SandboxLimits? limits = null, CancellationToken cancellationToken = default)
    {
        if (reference.Failure is { } failure)
        {
            return new GradeResult(GradeVerdict.ReferenceFailed, [failure]);
        }
        var expected = reference.Side;
        using var candidate = new ResultSide(this, expected.Comparer, expected.Columns);
        var candidateRun = await sandbox.RunAsync(candidateSql, RunLimits(limits), candidate, cancellationToken);
        if (!candidateRun.Succeeded)
        {
            return new GradeResult(GradeVerdict.CandidateFailed, [$"your query did not run: {candidateRun.Message}"]);
        }
        if (!candidate.Spilled || expected.Spilled)
        {
            return Compare(expected, candidate);
        }
        // Comparing against a spilled answer spills the reference too; do that to a copy so the shared one stays untouched.
        using var copy = expected.CopyInMemory();
        return Compare(copy, candidate);
    }

    private static SandboxLimits RunLimits(SandboxLimits? limits) =>
        (limits ?? SandboxLimits.Default) with { MaxRows = 0, CountAllRows = false, MaxOutputBytes = long.MaxValue };

    /// <summary>Grades rows already in memory (both sides' CLR values), e.g. from two engines.</summary>
    public GradeResult Compare(
        IReadOnlyList<SqlColumn> referenceColumns, IEnumerable<IReadOnlyList<object?>> referenceRows,
        IReadOnlyList<SqlColumn> candidateColumns, IEnumerable<IReadOnlyList<object?>> candidateRows, GradingSpec spec)
    {
        var comparer = new CellComparer(spec);
        using var reference = new ResultSide(this, comparer, null);
        Feed(reference, referenceColumns, referenceRows);
        using var candidate = new ResultSide(this, comparer, reference.Columns);
        Feed(candidate, candidateColumns, candidateRows);
        return Compare(reference, candidate);
    }

    private static void Feed(ResultSide side, IReadOnlyList<SqlColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        side.OnColumns(columns);
        foreach (var row in rows)
        {
            if (!side.OnRow([.. row]))
            {
                break;
            }
        }
    }

    private GradeResult Compare(ResultSide reference, ResultSide candidate)
    {
        var peak = Math.Max(reference.PeakInMemory, candidate.PeakInMemory);
        GradeResult Result(GradeVerdict verdict, List<string> feedback) =>
            new(verdict, feedback) { ReferenceRows = reference.Count, CandidateRows = candidate.Count, PeakRowsInMemory = Math.Max(peak, _comparePeak) };
        if (candidate.ColumnProblem is { } problem)
        {
            return Result(GradeVerdict.Incorrect, [problem]);
        }
        if (candidate.TooLarge)
        {
            return Result(GradeVerdict.Incorrect, [$"your result has more than {MaxRows:N0} rows, too many to grade."]);
        }
        var spec = reference.Comparer.Spec;
        if (spec.Order == RowOrder.ByKeys && spec.OrderKeys.Count == 0)
        {
            return Result(GradeVerdict.ReferenceFailed, ["the grading spec orders rows by keys but names no orderKeys."]);
        }
        if (spec.Tolerance != ToleranceKind.None && !(spec.ToleranceValue >= 0))
        {
            return Result(GradeVerdict.ReferenceFailed, [$"the grading spec's toleranceValue must be 0 or more; got {spec.ToleranceValue}."]);
        }
        var keyColumns = new List<int>();
        foreach (var key in spec.OrderKeys)
        {
            var index = reference.Columns.FindIndex(c => string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return Result(GradeVerdict.ReferenceFailed, [$"the grading spec names key column `{key}`, which the reference result does not have."]);
            }
            keyColumns.Add(index);
        }
        var feedback = reference.Spilled || candidate.Spilled
            ? CompareSpilled(reference, candidate, keyColumns)
            : CompareInMemory(reference, candidate, keyColumns);
        return feedback.Count == 0 ? Result(GradeVerdict.Correct, ["correct"]) : Result(GradeVerdict.Incorrect, feedback);
    }

    private long _comparePeak;

    private static List<string> CompareInMemory(ResultSide reference, ResultSide candidate, List<int> keyColumns)
    {
        var comparer = reference.Comparer;
        var spec = comparer.Spec;
        var expected = reference.Rows;
        var actual = candidate.Rows;
        if (spec.Duplicates == DuplicateRows.Ignore)
        {
            expected = Distinct(expected, comparer);
            actual = Distinct(actual, comparer);
        }
        var sortedExpected = expected.OrderBy(r => r, comparer).ToList();
        var sortedActual = actual.OrderBy(r => r, comparer).ToList();
        var missing = new List<Cell[]>();
        var unexpected = new List<Cell[]>();
        int i = 0, j = 0;
        while (i < sortedExpected.Count || j < sortedActual.Count)
        {
            if (i == sortedExpected.Count)
            {
                unexpected.Add(sortedActual[j++]);
            }
            else if (j == sortedActual.Count)
            {
                missing.Add(sortedExpected[i++]);
            }
            else if (comparer.SameRow(sortedExpected[i], sortedActual[j]))
            {
                i++;
                j++;
            }
            else
            {
                var order = comparer.Compare(sortedExpected[i], sortedActual[j]);
                if (order <= 0)
                {
                    missing.Add(sortedExpected[i++]);
                }
                if (order >= 0)
                {
                    unexpected.Add(sortedActual[j++]);
                }
            }
        }
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            return DescribeDifferences(reference, missing, unexpected, keyColumns, sortedExpected, sortedActual);
        }
        return OrderFeedback(reference, expected, actual, keyColumns);
    }

    private static List<string> OrderFeedback(ResultSide reference, List<Cell[]> expected, List<Cell[]> actual, List<int> keyColumns)
    {
        var comparer = reference.Comparer;
        var spec = comparer.Spec;
        if (spec.Order == RowOrder.Full)
        {
            for (var k = 0; k < expected.Count; k++)
            {
                if (!comparer.SameRow(expected[k], actual[k]))
                {
                    return [$"correct rows, wrong order: first difference at row {k + 1}: expected {Show(expected[k])}, got {Show(actual[k])}"];
                }
            }
        }
        else if (spec.Order == RowOrder.ByKeys)
        {
            for (var k = 0; k < expected.Count; k++)
            {
                if (keyColumns.Any(c => !comparer.Same(expected[k][c], actual[k][c])))
                {
                    return [$"correct rows, wrong order: rows must be sorted by ({string.Join(", ", keyColumns.Select(c => reference.Columns[c].Name))}); " +
                        $"row {k + 1} should have {KeyText(reference, keyColumns, expected[k])} but has {KeyText(reference, keyColumns, actual[k])}"];
                }
            }
        }
        return [];
    }

    private static List<Cell[]> Distinct(List<Cell[]> rows, CellComparer comparer)
    {
        var order = Enumerable.Range(0, rows.Count).OrderBy(i => rows[i], comparer).ToList();
        var keep = new bool[rows.Count];
        for (var k = 0; k < order.Count; k++)
        {
            keep[order[k]] = k == 0 || !comparer.SameRow(rows[order[k - 1]], rows[order[k]]);
        }
        return rows.Where((_, index) => keep[index]).ToList();
    }

    private static List<string> DescribeDifferences(
        ResultSide reference, List<Cell[]> missing, List<Cell[]> unexpected, List<int> keyColumns, List<Cell[]> sortedExpected, List<Cell[]> sortedActual)
    {
        var comparer = reference.Comparer;
        var feedback = new List<string>();
        var columns = reference.Columns;
        var described = new HashSet<int>();
        var identify = missing.Count > 0 && unexpected.Count > 0 ? IdentifyingColumns(sortedExpected, keyColumns, columns.Count, comparer) : [];
        if (identify.Count > 0)
        {
            // Pair wrong rows with missing rows of the same key: then the fault is in particular columns.
            var byKey = new Dictionary<string, Queue<Cell[]>>(StringComparer.Ordinal);
            foreach (var row in missing)
            {
                var key = comparer.Canonical(row, identify);
                if (!byKey.TryGetValue(key, out var queue))
                {
                    byKey[key] = queue = new Queue<Cell[]>();
                }
                queue.Enqueue(row);
            }
            var paired = new List<(Cell[] Expected, Cell[] Actual)>();
            var unpaired = new List<Cell[]>();
            foreach (var row in unexpected)
            {
                if (byKey.TryGetValue(comparer.Canonical(row, identify), out var queue) && queue.Count > 0)
                {
                    paired.Add((queue.Dequeue(), row));
                }
                else
                {
                    unpaired.Add(row);
                }
            }
            if (paired.Count > 0)
            {
                var pairedSet = new HashSet<Cell[]>(paired.Select(p => p.Expected), ReferenceEqualityComparer.Instance);
                missing = missing.Where(r => !pairedSet.Contains(r)).ToList();
                unexpected = unpaired;
                for (var c = 0; c < columns.Count; c++)
                {
                    var differing = paired.Where(p => !comparer.Same(p.Expected[c], p.Actual[c])).ToList();
                    if (differing.Count > 0)
                    {
                        var (e, a) = differing[0];
                        described.Add(c);
                        feedback.Add($"column `{columns[c].Name}` differs in {Plural(differing.Count, "row")}, first at {KeyText(reference, identify, e)}: " +
                            Difference(e[c], a[c]));
                    }
                }
            }
        }
        feedback.InsertRange(0, TypeDifferences(columns, sortedExpected, sortedActual, described));
        if (missing.Count > 0)
        {
            feedback.Add($"{Plural(missing.Count, "row")} missing, e.g. {Sample(missing)}");
        }
        if (unexpected.Count > 0)
        {
            var duplicates = unexpected.Count(u => IsExpected(sortedExpected, u, comparer));
            feedback.Add(duplicates == unexpected.Count
                ? $"{Plural(unexpected.Count, "unexpected row")} (duplicates of expected rows), e.g. {Sample(unexpected)}"
                : $"{Plural(unexpected.Count, "unexpected row")}, e.g. {Sample(unexpected)}");
        }
        return feedback;
    }

    /// <summary>"expected 55, got 56", or with the types named when they differ: "expected integer 55, got text '55'".</summary>
    private static string Difference(Cell expected, Cell actual) =>
        expected.Kind != actual.Kind && expected.Kind != CellKind.Null && actual.Kind != CellKind.Null
            ? $"expected {expected.Typed}, got {actual.Typed}"
            : $"expected {expected.Display}, got {actual.Display}";

    /// <summary>
    /// The columns that tell the reference's rows apart, so a wrong row is compared with the right one: the spec's
    /// order keys, completed by as few other columns as make them unique; without order keys, the fewest leftmost
    /// columns that are unique. Decimal columns (measures) never serve. Empty when no set of up to three columns is
    /// unique: then rows are listed as missing and unexpected rather than paired by a guess.
    /// </summary>
    private static List<int> IdentifyingColumns(List<Cell[]> rows, List<int> keyColumns, int columnCount, CellComparer comparer)
    {
        const int MaxExtraColumns = 3;
        var candidates = Enumerable.Range(0, columnCount)
            .Where(c => !keyColumns.Contains(c) && !rows.Any(r => r[c].TypeName == "decimal"))
            .ToList();
        bool Unique(List<int> columns)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return rows.All(r => seen.Add(comparer.Canonical(r, columns)));
        }
        for (var size = keyColumns.Count > 0 ? 0 : 1; size <= Math.Min(MaxExtraColumns, candidates.Count); size++)
        {
            foreach (var extra in Combinations(candidates, size))
            {
                List<int> columns = [.. keyColumns, .. extra];
                if (Unique(columns))
                {
                    return columns;
                }
            }
        }
        return [];
    }

    private static IEnumerable<List<int>> Combinations(List<int> items, int size, int start = 0)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }
        for (var i = start; i <= items.Count - size; i++)
        {
            foreach (var rest in Combinations(items, size - 1, i + 1))
            {
                yield return [items[i], .. rest];
            }
        }
    }

    /// <summary>
    /// A line for each column whose values in the answer never have the reference's type (text where integers are
    /// expected, say), unless a paired row already named the types. The example pairs values that print alike when
    /// there are such, since that is the confusing case.
    /// </summary>
    private static List<string> TypeDifferences(List<SqlColumn> columns, List<Cell[]> expected, List<Cell[]> actual, HashSet<int> described)
    {
        var lines = new List<string>();
        for (var c = 0; c < columns.Count; c++)
        {
            if (described.Contains(c))
            {
                continue;
            }
            var expectedCells = expected.Select(r => r[c]).Where(x => x.Kind != CellKind.Null).ToList();
            var actualCells = actual.Select(r => r[c]).Where(x => x.Kind != CellKind.Null).ToList();
            if (expectedCells.Count == 0 || actualCells.Count == 0)
            {
                continue;
            }
            var expectedKinds = expectedCells.Select(x => x.Kind).ToHashSet();
            if (actualCells.Any(x => expectedKinds.Contains(x.Kind)))
            {
                continue;
            }
            var byDisplay = new Dictionary<string, Cell>(StringComparer.Ordinal);
            foreach (var cell in expectedCells)
            {
                byDisplay.TryAdd(cell.Display, cell);
            }
            var lookalike = actualCells.FindIndex(x => byDisplay.ContainsKey(x.Display));
            var (e, a) = lookalike >= 0 ? (byDisplay[actualCells[lookalike].Display], actualCells[lookalike]) : (expectedCells[0], actualCells[0]);
            var example = lookalike >= 0 ? Difference(e, a) : $"the reference has {e.Typed}, your result {a.Typed}";
            lines.Add($"column `{columns[c].Name}` has the wrong type: {a.TypeName} where {e.TypeName} is expected ({example})");
        }
        return lines;
    }

    private static bool IsExpected(List<Cell[]> sortedExpected, Cell[] row, CellComparer comparer)
    {
        var index = sortedExpected.BinarySearch(row, comparer);
        if (index < 0)
        {
            index = ~index;
        }
        for (var k = Math.Max(0, index - 1); k <= Math.Min(sortedExpected.Count - 1, index + 1); k++)
        {
            if (comparer.SameRow(sortedExpected[k], row))
            {
                return true;
            }
        }
        return false;
    }

    private static string KeyText(ResultSide side, IReadOnlyList<int> keys, Cell[] row) =>
        string.Join(", ", keys.Select(k => $"{side.Columns[k].Name} {row[k].Display}"));

    private static string Plural(long count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}s";

    private static string Show(Cell[] row) => "(" + string.Join(", ", row.Select(c => c.Display)) + ")";

    private static string Sample(IEnumerable<Cell[]> rows) => string.Join("; ", rows.Take(SampleSize).Select(Show));

    private List<string> CompareSpilled(ResultSide reference, ResultSide candidate, List<int> keyColumns)
    {
        reference.Spill();
        candidate.Spill();
        reference.CompleteSpill();
        candidate.CompleteSpill();
        var spec = reference.Comparer.Spec;
        var comparison = SpilledComparison.Run(reference.Store!, candidate.Store!, spec.Duplicates, SampleSize);
        _comparePeak = Math.Max(_comparePeak, comparison.PeakRecords);
        string Samples(ResultSide side, List<long> offsets) =>
            string.Join("; ", offsets.Select(o => side.Store!.Display(o, side.Columns.Count, side.Comparer)));
        var feedback = new List<string>();
        if (comparison.Missing > 0)
        {
            feedback.Add($"{Plural(comparison.Missing, "row")} missing, e.g. {Samples(reference, comparison.MissingSample)}");
        }
        if (comparison.Unexpected > 0)
        {
            var duplicates = comparison.UnexpectedAreDuplicates ? " (duplicates of expected rows)" : "";
            feedback.Add($"{Plural(comparison.Unexpected, "unexpected row")}{duplicates}, e.g. {Samples(candidate, comparison.UnexpectedSample)}");
        }
        if (feedback.Count == 0 && spec.Order != RowOrder.None && spec.Duplicates == DuplicateRows.Count)
        {
            var full = spec.Order == RowOrder.Full;
            if ((full ? reference.OrderHash : reference.KeyOrderHash) != (full ? candidate.OrderHash : candidate.KeyOrderHash))
            {
                feedback.Add(full
                    ? "correct rows, wrong order"
                    : $"correct rows, wrong order: rows must be sorted by ({string.Join(", ", keyColumns.Select(c => reference.Columns[c].Name))})");
            }
        }
        return feedback;
    }
}

/// <summary>
/// A reference result read once and kept for grading many answers on the same dataset. Results small enough
/// to stay in memory are <see cref="Reusable"/>; larger ones live in temporary files until disposed.
/// </summary>
public sealed class PreparedReference : IDisposable
{
    internal PreparedReference(ResultSide side, string? failure)
    {
        Side = side;
        Failure = failure;
    }

    internal ResultSide Side { get; }

    /// <summary>Why the reference could not be used, or null when it ran.</summary>
    public string? Failure { get; }

    /// <summary>Rows in the reference result.</summary>
    public long Rows => Side.Count;

    /// <summary>True when the result is held in memory, so keeping it in a cache is cheap and safe.</summary>
    public bool Reusable => Failure is null && !Side.Spilled;

    /// <inheritdoc />
    public void Dispose() => Side.Dispose();
}

using System.Globalization;
using System.Text;

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
        var side = new Side(this, new CellComparer(spec), null);
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
        using var candidate = new Side(this, expected.Comparer, expected.Columns);
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
        using var reference = new Side(this, comparer, null);
        Feed(reference, referenceColumns, referenceRows);
        using var candidate = new Side(this, comparer, reference.Columns);
        Feed(candidate, candidateColumns, candidateRows);
        return Compare(reference, candidate);
    }

    private static void Feed(Side side, IReadOnlyList<SqlColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
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

    private GradeResult Compare(Side reference, Side candidate)
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

    private static List<string> CompareInMemory(Side reference, Side candidate, List<int> keyColumns)
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
            return DescribeDifferences(reference, missing, unexpected, keyColumns, sortedExpected);
        }
        return OrderFeedback(reference, expected, actual, keyColumns);
    }

    private static List<string> OrderFeedback(Side reference, List<Cell[]> expected, List<Cell[]> actual, List<int> keyColumns)
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

    private static List<string> DescribeDifferences(Side reference, List<Cell[]> missing, List<Cell[]> unexpected, List<int> keyColumns, List<Cell[]> sortedExpected)
    {
        var comparer = reference.Comparer;
        var feedback = new List<string>();
        var columns = reference.Columns;
        var identify = keyColumns.Count > 0 ? keyColumns : columns.Count > 1 ? [0] : [];
        if (identify.Count > 0 && missing.Count > 0 && unexpected.Count > 0)
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
                        feedback.Add($"column `{columns[c].Name}` differs in {Plural(differing.Count, "row")}, first at {KeyText(reference, identify, e)}: " +
                            $"expected {e[c].Display}, got {a[c].Display}");
                    }
                }
            }
        }
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

    private static string KeyText(Side side, IReadOnlyList<int> keys, Cell[] row) =>
        string.Join(", ", keys.Select(k => $"{side.Columns[k].Name} {row[k].Display}"));

    private static string Plural(long count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}s";

    private static string Show(Cell[] row) => "(" + string.Join(", ", row.Select(c => c.Display)) + ")";

    private static string Sample(IEnumerable<Cell[]> rows) => string.Join("; ", rows.Take(SampleSize).Select(Show));

    /// <summary>How often each canonical row occurs in one partition, with a display form of it.</summary>
    private static Dictionary<string, (long Count, string Display)> Tally(IEnumerable<(string Canonical, string Display)> rows)
    {
        var counts = new Dictionary<string, (long Count, string Display)>(StringComparer.Ordinal);
        foreach (var (canonical, display) in rows)
        {
            counts[canonical] = counts.TryGetValue(canonical, out var seen) ? (seen.Count + 1, seen.Display) : (1, display);
        }
        return counts;
    }

    /// <summary>Rows of <paramref name="side"/> that <paramref name="other"/> lacks (by count, or by presence when duplicates are ignored); samples go to <paramref name="sample"/>.</summary>
    private static long Surplus(
        Dictionary<string, (long Count, string Display)> side, Dictionary<string, (long Count, string Display)> other, GradingSpec spec, List<string> sample)
    {
        long surplus = 0;
        foreach (var (canonical, row) in side)
        {
            var matched = other.TryGetValue(canonical, out var o) ? o.Count : 0;
            var extra = spec.Duplicates == DuplicateRows.Ignore ? (matched == 0 ? 1 : 0) : Math.Max(0, row.Count - matched);
            surplus += extra;
            if (extra > 0 && sample.Count < SampleSize)
            {
                sample.Add(row.Display);
            }
        }
        return surplus;
    }

    private List<string> CompareSpilled(Side reference, Side candidate, List<int> keyColumns)
    {
        reference.Spill();
        candidate.Spill();
        reference.CloseWriters();
        candidate.CloseWriters();
        var spec = reference.Comparer.Spec;
        long missingCount = 0, unexpectedCount = 0;
        var missingSample = new List<string>();
        var unexpectedSample = new List<string>();
        for (var p = 0; p < Partitions; p++)
        {
            var expected = Tally(reference.ReadPartition(p));
            var actual = Tally(candidate.ReadPartition(p));
            _comparePeak = Math.Max(_comparePeak, expected.Count + actual.Count);
            missingCount += Surplus(expected, actual, spec, missingSample);
            unexpectedCount += Surplus(actual, expected, spec, unexpectedSample);
        }
        var feedback = new List<string>();
        if (missingCount > 0)
        {
            feedback.Add($"{Plural(missingCount, "row")} missing, e.g. {string.Join("; ", missingSample)}");
        }
        if (unexpectedCount > 0)
        {
            feedback.Add($"{Plural(unexpectedCount, "unexpected row")}, e.g. {string.Join("; ", unexpectedSample)}");
        }
        if (feedback.Count == 0 && spec.Order != RowOrder.None && spec.Duplicates == DuplicateRows.Count)
        {
            var full = spec.Order == RowOrder.Full;
            if ((full ? reference.OrderHash : reference.KeyOrderHash(keyColumns)) != (full ? candidate.OrderHash : candidate.KeyOrderHash(keyColumns)))
            {
                feedback.Add(full
                    ? "correct rows, wrong order"
                    : $"correct rows, wrong order: rows must be sorted by ({string.Join(", ", keyColumns.Select(c => reference.Columns[c].Name))})");
            }
        }
        return feedback;
    }

    /// <summary>One side of a comparison: normalises rows as they stream in, keeps them in memory up to a limit, then spills.</summary>
    internal sealed class Side(ResultGrader grader, CellComparer comparer, IReadOnlyList<SqlColumn>? referenceColumns) : IRowConsumer, IDisposable
    {
        private int[] _map = [];
        private StreamWriter[]? _writers;
        private string? _folder;
        private UInt128 _orderHash;

        public CellComparer Comparer => comparer;

        public List<SqlColumn> Columns { get; private set; } = [];

        public List<Cell[]> Rows { get; } = [];

        public long Count { get; private set; }

        public long PeakInMemory { get; private set; }

        public bool Spilled => _writers is not null;

        public bool TooLarge { get; private set; }

        public string? ColumnProblem { get; private set; }

        public UInt128 OrderHash => _orderHash;

        public void OnColumns(IReadOnlyList<SqlColumn> columns)
        {
            if (referenceColumns is null)
            {
                Columns = [.. columns];
                _map = Enumerable.Range(0, columns.Count).ToArray();
                return;
            }
            Columns = [.. referenceColumns];
            ColumnProblem = MapColumns(referenceColumns, columns, comparer.Spec, out _map);
        }

        private static string? MapColumns(IReadOnlyList<SqlColumn> expected, IReadOnlyList<SqlColumn> actual, GradingSpec spec, out int[] map)
        {
            map = Enumerable.Range(0, expected.Count).ToArray();
            string Names(IReadOnlyList<SqlColumn> columns) => "(" + string.Join(", ", columns.Select(c => c.Name)) + ")";
            if (!spec.ColumnNamesMustMatch)
            {
                return expected.Count == actual.Count ? null : $"expected {expected.Count} columns, got {actual.Count}: expected {Names(expected)}, got {Names(actual)}";
            }
            var sameSet = expected.Select(c => c.Name.ToUpperInvariant()).Order(StringComparer.Ordinal)
                .SequenceEqual(actual.Select(c => c.Name.ToUpperInvariant()).Order(StringComparer.Ordinal));
            if (!sameSet)
            {
                return $"expected columns {Names(expected)}, got {Names(actual)}";
            }
            var inOrder = expected.Select((e, i) => string.Equals(e.Name, actual[i].Name, StringComparison.OrdinalIgnoreCase)).All(x => x);
            if (!inOrder && spec.ColumnOrderMatters)
            {
                return $"right columns in the wrong order: expected {Names(expected)}, got {Names(actual)}";
            }
            // Each expected column takes the first unused candidate column of the same name (names may repeat).
            var used = new bool[actual.Count];
            for (var i = 0; i < expected.Count; i++)
            {
                var j = Enumerable.Range(0, actual.Count).First(k => !used[k] && string.Equals(actual[k].Name, expected[i].Name, StringComparison.OrdinalIgnoreCase));
                used[j] = true;
                map[i] = j;
            }
            return null;
        }

        public bool OnRow(object?[] values)
        {
            if (ColumnProblem is not null)
            {
                return false;
            }
            if (Count >= grader.MaxRows)
            {
                TooLarge = true;
                return false;
            }
            var row = new Cell[_map.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = comparer.Normalize(values[_map[i]]);
            }
            var ordinal = Count++;
            if (_writers is null)
            {
                Rows.Add(row);
                PeakInMemory = Math.Max(PeakInMemory, Rows.Count);
                if (Rows.Count > grader.InMemoryRowLimit)
                {
                    Spill();
                }
            }
            else
            {
                Write(ordinal, row);
            }
            return true;
        }

        public Side CopyInMemory()
        {
            var copy = new Side(grader, comparer, null) { Columns = [.. Columns], _map = _map, Count = Count, PeakInMemory = PeakInMemory };
            copy.Rows.AddRange(Rows);
            return copy;
        }

        public void Spill()
        {
            if (_writers is not null)
            {
                return;
            }
            _folder = Directory.CreateTempSubdirectory("dsloop-grade-").FullName;
            _writers = Enumerable.Range(0, grader.Partitions)
                .Select(p => new StreamWriter(Path.Combine(_folder, $"{p}.part"), false, new UTF8Encoding(false), 1 << 16))
                .ToArray();
            for (var k = 0; k < Rows.Count; k++)
            {
                Write(k, Rows[k]);
            }
            Rows.Clear();
            Rows.TrimExcess();
        }

        private void Write(long ordinal, Cell[] row)
        {
            var canonical = comparer.Canonical(row);
            var hash = Hash(Encoding.UTF8.GetBytes(canonical));
            _orderHash += Mix(ordinal, hash);
            var partition = (int)(hash % (ulong)grader.Partitions);
            var display = "(" + string.Join(", ", row.Select(c => c.Display)).Replace("\n", " ", StringComparison.Ordinal) + ")";
            _writers![partition].Write(canonical.Replace("\n", "\\n", StringComparison.Ordinal));
            _writers[partition].Write('\t');
            _writers[partition].Write(display.Replace("\t", " ", StringComparison.Ordinal));
            _writers[partition].Write('\t');
            _writers[partition].WriteLine(ordinal.ToString(CultureInfo.InvariantCulture));
        }

        public void CloseWriters()
        {
            if (_writers is null)
            {
                return;
            }
            foreach (var writer in _writers)
            {
                writer.Dispose();
            }
        }

        public IEnumerable<(string Canonical, string Display)> ReadPartition(int partition)
        {
            foreach (var line in File.ReadLines(Path.Combine(_folder!, $"{partition}.part")))
            {
                var parts = line.Split('\t');
                yield return (parts[0], parts[1]);
            }
        }

        public UInt128 KeyOrderHash(List<int> keyColumns)
        {
            // Recomputed from the partitions: sum over rows of mix(ordinal, hash(key values)).
            UInt128 total = 0;
            for (var p = 0; p < grader.Partitions; p++)
            {
                foreach (var line in File.ReadLines(Path.Combine(_folder!, $"{p}.part")))
                {
                    var parts = line.Split('\t');
                    var fields = parts[0].Split('\u001f');
                    var key = string.Join('\u001f', keyColumns.Select(k => fields[k]));
                    total += Mix(long.Parse(parts[2], CultureInfo.InvariantCulture), Hash(Encoding.UTF8.GetBytes(key)));
                }
            }
            return total;
        }

        private static UInt128 Mix(long ordinal, UInt128 hash)
        {
            Span<byte> buffer = stackalloc byte[24];
            BitConverter.TryWriteBytes(buffer, ordinal);
            BitConverter.TryWriteBytes(buffer[8..], (ulong)(hash >> 64));
            BitConverter.TryWriteBytes(buffer[16..], (ulong)hash);
            return Hash(buffer);
        }

        // XxHash128: a fast non-cryptographic 128-bit hash; a chance collision among a few million rows is ~1e-26.
        private static UInt128 Hash(ReadOnlySpan<byte> data) => System.IO.Hashing.XxHash128.HashToUInt128(data);

        public void Dispose()
        {
            CloseWriters();
            if (_folder is not null)
            {
                try
                {
                    Directory.Delete(_folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}

/// <summary>
/// A reference result read once and kept for grading many answers on the same dataset. Results small enough
/// to stay in memory are <see cref="Reusable"/>; larger ones live in temporary files until disposed.
/// </summary>
public sealed class PreparedReference : IDisposable
{
    internal PreparedReference(ResultGrader.Side side, string? failure)
    {
        Side = side;
        Failure = failure;
    }

    internal ResultGrader.Side Side { get; }

    /// <summary>Why the reference could not be used, or null when it ran.</summary>
    public string? Failure { get; }

    /// <summary>Rows in the reference result.</summary>
    public long Rows => Side.Count;

    /// <summary>True when the result is held in memory, so keeping it in a cache is cheap and safe.</summary>
    public bool Reusable => Failure is null && !Side.Spilled;

    /// <inheritdoc />
    public void Dispose() => Side.Dispose();
}

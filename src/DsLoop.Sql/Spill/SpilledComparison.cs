namespace DsLoop.Sql.Spill;

/// <summary>
/// Compares two spilled results partition by partition: each partition's records are sorted by hash and merged,
/// counting rows one side has more often than the other (bag semantics) or at all (set semantics), and keeping the
/// earliest few surplus rows of each side as samples.
/// </summary>
internal sealed class SpilledComparison
{
    private readonly int _sampleSize;

    private SpilledComparison(int sampleSize) => _sampleSize = sampleSize;

    /// <summary>Rows of the reference the candidate lacks.</summary>
    public long Missing { get; private set; }

    /// <summary>Rows of the candidate the reference lacks.</summary>
    public long Unexpected { get; private set; }

    /// <summary>True when every unexpected row is an extra copy of an expected row.</summary>
    public bool UnexpectedAreDuplicates { get; private set; } = true;

    /// <summary>Row-file offsets of the earliest missing rows, in result order.</summary>
    public List<long> MissingSample { get; } = [];

    /// <summary>Row-file offsets of the earliest unexpected rows, in result order.</summary>
    public List<long> UnexpectedSample { get; } = [];

    /// <summary>The most records held in memory at once (both sides of one partition).</summary>
    public long PeakRecords { get; private set; }

    /// <summary>Compares <paramref name="reference"/> with <paramref name="candidate"/> (same partition count).</summary>
    public static SpilledComparison Run(SpillStore reference, SpillStore candidate, DuplicateRows duplicates, int sampleSize)
    {
        var result = new SpilledComparison(sampleSize);
        SpillRecord[] expectedBuffer = [], actualBuffer = [];
        for (var p = 0; p < reference.Partitions; p++)
        {
            var expected = reference.ReadPartition(p, ref expectedBuffer);
            var actual = candidate.ReadPartition(p, ref actualBuffer);
            result.PeakRecords = Math.Max(result.PeakRecords, expected.Length + actual.Length);
            expected.Sort();
            actual.Sort();
            result.Merge(expected, actual, duplicates);
        }
        return result;
    }

    private void Merge(Span<SpillRecord> expected, Span<SpillRecord> actual, DuplicateRows duplicates)
    {
        int i = 0, j = 0;
        while (i < expected.Length || j < actual.Length)
        {
            var order = i == expected.Length ? 1 : j == actual.Length ? -1 : Compare(expected[i], actual[j]);
            var expectedRun = order <= 0 ? Run(expected, i) : 0;
            var actualRun = order >= 0 ? Run(actual, j) : 0;
            if (duplicates == DuplicateRows.Ignore)
            {
                Surplus(expected.Slice(i, expectedRun), actualRun == 0 ? 1 : 0, missing: true);
                Surplus(actual.Slice(j, actualRun), expectedRun == 0 ? 1 : 0, missing: false);
            }
            else
            {
                // The later copies are the surplus ones: the first min(count) copies pair up.
                var paired = Math.Min(expectedRun, actualRun);
                Surplus(expected.Slice(i + paired, expectedRun - paired), expectedRun - paired, missing: true);
                Surplus(actual.Slice(j + paired, actualRun - paired), actualRun - paired, missing: false);
            }
            if (actualRun > 0 && expectedRun == 0)
            {
                UnexpectedAreDuplicates = false;
            }
            i += expectedRun;
            j += actualRun;
        }
    }

    private void Surplus(Span<SpillRecord> rows, int count, bool missing)
    {
        if (count == 0)
        {
            return;
        }
        if (missing)
        {
            Missing += count;
        }
        else
        {
            Unexpected += count;
        }
        var sample = missing ? MissingSample : UnexpectedSample;
        foreach (var row in rows[..Math.Min(count, _sampleSize)])
        {
            Keep(sample, row.Offset);
        }
    }

    /// <summary>Keeps the <see cref="_sampleSize"/> smallest offsets, sorted.</summary>
    private void Keep(List<long> sample, long offset)
    {
        if (sample.Count == _sampleSize && offset >= sample[^1])
        {
            return;
        }
        var at = sample.BinarySearch(offset);
        sample.Insert(at < 0 ? ~at : at, offset);
        if (sample.Count > _sampleSize)
        {
            sample.RemoveAt(sample.Count - 1);
        }
    }

    private static int Run(Span<SpillRecord> records, int start)
    {
        var end = start + 1;
        while (end < records.Length && records[end].SameHash(records[start]))
        {
            end++;
        }
        return end - start;
    }

    private static int Compare(in SpillRecord a, in SpillRecord b)
    {
        var c = a.High.CompareTo(b.High);
        return c != 0 ? c : a.Low.CompareTo(b.Low);
    }
}

using System.Runtime.InteropServices;

namespace DsLoop.Sql.Spill;

/// <summary>One spilled row's place in a partition: its 128-bit hash and where its values start in the row file.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct SpillRecord(ulong High, ulong Low, long Offset) : IComparable<SpillRecord>
{
    public bool SameHash(in SpillRecord other) => High == other.High && Low == other.Low;

    public int CompareTo(SpillRecord other)
    {
        var c = High.CompareTo(other.High);
        if (c == 0)
        {
            c = Low.CompareTo(other.Low);
        }
        return c != 0 ? c : Offset.CompareTo(other.Offset);
    }
}

/// <summary>
/// The disk side of a large result: fixed-size binary records (hash, row offset) in hash partitions, and one
/// sequential file with every row's values, read back only for the handful of rows shown in feedback. Memory is a
/// small write buffer per partition.
/// </summary>
internal sealed class SpillStore : IDisposable
{
    private const int RecordsPerFlush = 512;
    private const int RemoveAttempts = 3;
    private static readonly TimeSpan RemoveRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly string _folder;
    private readonly FileStream _rows;
    private readonly FileStream[] _partitionFiles;
    private readonly SpillRecord[][] _pending;
    private readonly int[] _pendingCount;
    private readonly long[] _partitionCount;
    private long _rowOffset;
    private bool _complete;
    private bool _disposed;

    private readonly Action<string> _deleteFolder;

    /// <summary>Creates the temporary files for <paramref name="partitions"/> partitions.</summary>
    public SpillStore(int partitions)
        : this(partitions, folder => Directory.Delete(folder, recursive: true))
    {
    }

    /// <summary>As the public constructor, with the folder removal replaceable so tests can make it fail.</summary>
    internal SpillStore(int partitions, Action<string> deleteFolder)
    {
        _deleteFolder = deleteFolder;
        _folder = Directory.CreateTempSubdirectory("dsloop-grade-").FullName;
        _rows = new FileStream(Path.Combine(_folder, "rows"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        _partitionFiles = new FileStream[partitions];
        _pending = new SpillRecord[partitions][];
        _pendingCount = new int[partitions];
        _partitionCount = new long[partitions];
        for (var p = 0; p < partitions; p++)
        {
            _partitionFiles[p] = new FileStream(PartitionPath(p), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 0);
            _pending[p] = new SpillRecord[RecordsPerFlush];
        }
    }

    public int Partitions => _partitionFiles.Length;

    /// <summary>Records in the largest partition.</summary>
    public long LargestPartition => _partitionCount.Max();

    /// <summary>Stores one row: its values for display and its hash in the partition the hash picks.</summary>
    public void Append(ReadOnlySpan<byte> values, UInt128 hash)
    {
        var partition = (int)((ulong)hash % (ulong)_partitionFiles.Length);
        _pending[partition][_pendingCount[partition]++] = new SpillRecord((ulong)(hash >> 64), (ulong)hash, _rowOffset);
        _partitionCount[partition]++;
        if (_pendingCount[partition] == RecordsPerFlush)
        {
            Flush(partition);
        }
        _rows.Write(values);
        _rowOffset += values.Length;
    }

    /// <summary>Writes out every buffer; call once all rows are in.</summary>
    public void Complete()
    {
        if (_complete)
        {
            return;
        }
        _complete = true;
        for (var p = 0; p < _partitionFiles.Length; p++)
        {
            Flush(p);
            _partitionFiles[p].Dispose();
        }
        _rows.Flush();
    }

    /// <summary>Reads partition <paramref name="partition"/> into <paramref name="buffer"/> (grown as needed) and returns the records.</summary>
    public Span<SpillRecord> ReadPartition(int partition, ref SpillRecord[] buffer)
    {
        var count = checked((int)_partitionCount[partition]);
        if (buffer.Length < count)
        {
            buffer = new SpillRecord[Math.Max(count, buffer.Length * 2)];
        }
        var records = buffer.AsSpan(0, count);
        using var file = new FileStream(PartitionPath(partition), FileMode.Open, FileAccess.Read, FileShare.Read, 0);
        file.ReadExactly(MemoryMarshal.AsBytes(records));
        return records;
    }

    /// <summary>Shows the row whose values start at <paramref name="offset"/>.</summary>
    public string Display(long offset, int columns, CellComparer comparer)
    {
        using var file = new FileStream(Path.Combine(_folder, "rows"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096);
        file.Position = offset;
        using var reader = new BinaryReader(file);
        return RowDisplayCodec.ReadDisplay(reader, columns, comparer);
    }

    private void Flush(int partition)
    {
        var count = _pendingCount[partition];
        if (count > 0)
        {
            _partitionFiles[partition].Write(MemoryMarshal.AsBytes(_pending[partition].AsSpan(0, count)));
            _pendingCount[partition] = 0;
        }
    }

    private string PartitionPath(int partition) => Path.Combine(_folder, partition.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".part");

    /// <summary>The temporary folder holding the files; gone once the store is disposed.</summary>
    internal string Folder => _folder;

    /// <summary>
    /// Closes the files and removes the folder. A failed removal is retried briefly (a virus scanner or indexer
    /// may hold a file for a moment on Windows); if the folder still can't be removed, an <see cref="IOException"/>
    /// naming it is thrown rather than leaving it behind unnoticed.
    /// </summary>
    /// <exception cref="IOException">The folder could not be removed.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var file in _partitionFiles)
        {
            file.Dispose();
        }
        _rows.Dispose();
        RemoveFolder(_folder);
    }

    private void RemoveFolder(string folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _deleteFolder(folder);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == RemoveAttempts)
                {
                    throw new IOException($"The grader could not remove its temporary folder {folder}: {e.Message}", e);
                }
                Thread.Sleep(RemoveRetryDelay * attempt);
            }
        }
    }
}

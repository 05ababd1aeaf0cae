namespace DsLoop.Sql;

/// <summary>
/// A folder of built SQLite dataset files keyed by (for example) seed and scale, kept under a disk budget by
/// evicting the least recently used files that nobody is using. Builds for the same key run once; files are
/// built under a temporary name and moved into place, so a reader never sees a half-built file.
/// </summary>
public sealed class DatasetCache
{
    private readonly string _directory;
    private readonly long _budgetBytes;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _building = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>A cache in <paramref name="directory"/> that keeps at most <paramref name="budgetBytes"/> of dataset files (files in use may exceed it).</summary>
    public DatasetCache(string directory, long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        _directory = Directory.CreateDirectory(directory).FullName;
        _budgetBytes = budgetBytes;
        // Adopt files left by an earlier process, oldest first.
        foreach (var file in new DirectoryInfo(_directory).GetFiles("*.sqlite").OrderBy(f => f.LastWriteTimeUtc))
        {
            _entries[Path.GetFileNameWithoutExtension(file.Name)] = new Entry(file.FullName, file.Length) { LastUse = ++_clock };
        }
        foreach (var partial in Directory.GetFiles(_directory, "*.building"))
        {
            File.Delete(partial);
        }
    }

    /// <summary>Total bytes of the cached files.</summary>
    public long SizeBytes
    {
        get
        {
            lock (_gate)
            {
                return _entries.Values.Sum(e => e.Bytes);
            }
        }
    }

    /// <summary>The keys currently cached.</summary>
    public IReadOnlyCollection<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return _entries.Keys.ToArray();
            }
        }
    }

    /// <summary>
    /// Returns a lease on the dataset file for <paramref name="key"/>, building it with <paramref name="build"/>
    /// (which must write a SQLite file at the path it is given) when it is not cached. Dispose the lease when the
    /// file is no longer used; until then it is never evicted.
    /// </summary>
    public async Task<DatasetLease> GetAsync(string key, Func<string, CancellationToken, Task> build, CancellationToken cancellationToken = default)
    {
        if (key.Length == 0 || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException($"A dataset key may contain only letters, digits, '-', '_' and '.'; got '{key}'.", nameof(key));
        }
        while (true)
        {
            Task? pending;
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var entry) && File.Exists(entry.Path))
                {
                    entry.Users++;
                    entry.LastUse = ++_clock;
                    return new DatasetLease(this, key, entry.Path);
                }
                if (!_building.TryGetValue(key, out pending))
                {
                    pending = BuildAsync(key, build, cancellationToken);
                    _building[key] = pending;
                }
            }
            await pending.WaitAsync(cancellationToken);
        }
    }

    private async Task BuildAsync(string key, Func<string, CancellationToken, Task> build, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, key + ".sqlite");
        var temporary = Path.Combine(_directory, $"{key}.{Guid.NewGuid():N}.building");
        try
        {
            await Task.Yield();
            await build(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            lock (_gate)
            {
                _entries[key] = new Entry(path, new FileInfo(path).Length) { LastUse = ++_clock };
                EvictOverBudget(protectedKey: key);
            }
        }
        finally
        {
            lock (_gate)
            {
                _building.Remove(key);
            }
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private void Release(string key)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                entry.Users--;
            }
            EvictOverBudget(protectedKey: null);
        }
    }

    private void EvictOverBudget(string? protectedKey)
    {
        var total = _entries.Values.Sum(e => e.Bytes);
        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUse).ToArray())
        {
            if (total <= _budgetBytes)
            {
                return;
            }
            if (entry.Users > 0 || key == protectedKey)
            {
                continue;
            }
            File.Delete(entry.Path);
            _entries.Remove(key);
            total -= entry.Bytes;
        }
    }

    private sealed class Entry(string path, long bytes)
    {
        public string Path { get; } = path;
        public long Bytes { get; } = bytes;
        public long LastUse { get; set; }
        public int Users { get; set; }
    }

    /// <summary>A dataset file that stays on disk until the lease is disposed.</summary>
    public sealed class DatasetLease : IDisposable
    {
        private readonly DatasetCache _cache;
        private readonly string _key;
        private int _disposed;

        internal DatasetLease(DatasetCache cache, string key, string path)
        {
            _cache = cache;
            _key = key;
            Path = path;
        }

        /// <summary>The dataset file.</summary>
        public string Path { get; }

        /// <inheritdoc />
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _cache.Release(_key);
            }
        }
    }
}

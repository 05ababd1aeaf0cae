namespace DsLoop.Sql;

/// <summary>
/// A folder of built SQLite dataset files keyed by (for example) seed and scale, kept under a disk budget by
/// evicting the least recently used files that nobody is using. Builds for the same key run once; files are
/// built under a temporary name and moved into place, so a reader never sees a half-built file.
/// </summary>
/// <remarks>
/// A build shared by several callers runs under its own cancellation, not any caller's: a caller's token only
/// ends that caller's wait. When every caller waiting for a build has stopped waiting, the build is cancelled
/// (nobody would use it, and a dataset build is seconds to minutes of CPU) and its temporary file deleted; the
/// next caller for the key starts a fresh build.
/// </remarks>
public sealed class DatasetCache
{
    private readonly string _directory;
    private readonly long _budgetBytes;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SharedBuild> _building = new(StringComparer.Ordinal);
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
    /// (which must write a SQLite file at the path it is given, and should stop when its token is cancelled) when it
    /// is not cached. Dispose the lease when the file is no longer used; until then it is never evicted.
    /// <paramref name="cancellationToken"/> stops only this caller's wait; the build goes on while anyone else waits.
    /// </summary>
    public async Task<DatasetLease> GetAsync(string key, Func<string, CancellationToken, Task> build, CancellationToken cancellationToken = default)
    {
        if (key.Length == 0 || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException($"A dataset key may contain only letters, digits, '-', '_' and '.'; got '{key}'.", nameof(key));
        }
        while (true)
        {
            SharedBuild? shared;
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var entry) && File.Exists(entry.Path))
                {
                    entry.Users++;
                    entry.LastUse = ++_clock;
                    return new DatasetLease(this, key, entry.Path);
                }
                // An abandoned build is still winding down; joining it would only hand this caller its cancellation.
                if (!_building.TryGetValue(key, out shared) || shared.Abandoned)
                {
                    shared = new SharedBuild();
                    _building[key] = shared;
                    shared.Task = BuildAsync(key, build, shared);
                }
                shared.Waiters++;
            }
            try
            {
                await shared.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                StopWaiting(shared);
            }
        }
    }

    private void StopWaiting(SharedBuild shared)
    {
        lock (_gate)
        {
            if (--shared.Waiters > 0 || shared.Task.IsCompleted)
            {
                return;
            }
            shared.Abandoned = true;
        }
        // Outside the lock: cancellation runs the build's callbacks synchronously.
        shared.Cancellation.Cancel();
    }

    private async Task BuildAsync(string key, Func<string, CancellationToken, Task> build, SharedBuild shared)
    {
        var path = Path.Combine(_directory, key + ".sqlite");
        var temporary = Path.Combine(_directory, $"{key}.{Guid.NewGuid():N}.building");
        try
        {
            await Task.Yield();
            await build(temporary, shared.Cancellation.Token);
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
                if (_building.TryGetValue(key, out var current) && current == shared)
                {
                    _building.Remove(key);
                }
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

    /// <summary>One build of a key and the callers waiting for it.</summary>
    private sealed class SharedBuild
    {
        public Task Task { get; set; } = Task.CompletedTask;

        /// <summary>Cancelled once every waiter has gone. Never disposed: it has no timer, and disposing could race a late cancel.</summary>
        public CancellationTokenSource Cancellation { get; } = new();

        public int Waiters { get; set; }

        public bool Abandoned { get; set; }
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

using Xunit;

namespace DsLoop.Sql.Tests;

public sealed class DatasetCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-cache-").FullName;

    private static Func<string, CancellationToken, Task> Writer(int bytes, Action? onBuild = null) => async (path, token) =>
    {
        onBuild?.Invoke();
        await Task.Delay(20, token);
        await File.WriteAllBytesAsync(path, new byte[bytes], token);
    };

    [Fact]
    public async Task Builds_each_key_once_even_when_asked_concurrently()
    {
        var cache = new DatasetCache(_folder, 10_000);
        var builds = 0;
        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetAsync("seed-1", Writer(100, () => Interlocked.Increment(ref builds)))));
        Assert.Equal(1, builds);
        Assert.All(leases, l => Assert.Equal(leases[0].Path, l.Path));
        Assert.True(File.Exists(leases[0].Path));
        foreach (var lease in leases)
        {
            lease.Dispose();
        }
    }

    [Fact]
    public async Task Evicts_least_recently_used_files_but_never_files_in_use()
    {
        var cache = new DatasetCache(_folder, 2500);
        using var a = await cache.GetAsync("a", Writer(1000));
        (await cache.GetAsync("b", Writer(1000))).Dispose();
        (await cache.GetAsync("a", Writer(1000))).Dispose(); // a is now more recent than b
        using (await cache.GetAsync("c", Writer(1000)))
        {
            // Over budget: b is the least recently used and not in use.
            Assert.Equal(["a", "c"], cache.Keys.Order());
        }
        using (await cache.GetAsync("d", Writer(1000)))
        {
            // a is held by a lease, so c goes instead.
            Assert.Equal(["a", "d"], cache.Keys.Order());
            Assert.True(File.Exists(a.Path));
        }
        Assert.True(cache.SizeBytes <= 2500);
    }

    [Fact]
    public async Task Adopts_files_from_an_earlier_process()
    {
        var first = new DatasetCache(_folder, 10_000);
        (await first.GetAsync("seed-7", Writer(300))).Dispose();
        var second = new DatasetCache(_folder, 10_000);
        var builds = 0;
        using var lease = await second.GetAsync("seed-7", Writer(300, () => builds++));
        Assert.Equal(0, builds);
        Assert.Equal(300, second.SizeBytes);
    }

    [Fact]
    public async Task Rejects_unsafe_keys() =>
        await Assert.ThrowsAsync<ArgumentException>(() => cache().GetAsync("../x", Writer(1)));

    private DatasetCache cache() => new(_folder, 1000);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

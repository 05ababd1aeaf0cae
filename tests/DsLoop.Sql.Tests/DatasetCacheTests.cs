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
    public async Task A_waiter_that_cancels_does_not_cancel_the_build_another_waiter_needs()
    {
        var cache = new DatasetCache(_folder, 10_000);
        var release = new TaskCompletionSource();
        var builds = 0;
        Func<string, CancellationToken, Task> slow = async (path, token) =>
        {
            Interlocked.Increment(ref builds);
            await release.Task.WaitAsync(token);
            await File.WriteAllBytesAsync(path, new byte[100], token);
        };
        using var impatient = new CancellationTokenSource();
        var first = cache.GetAsync("seed-1", slow, impatient.Token);
        var second = cache.GetAsync("seed-1", slow);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();
        using var lease = await second;
        Assert.Equal(1, builds);
        Assert.Equal(100, new FileInfo(lease.Path).Length);
    }

    [Fact]
    public async Task A_build_every_waiter_left_is_cancelled_and_leaves_no_file()
    {
        var cache = new DatasetCache(_folder, 10_000);
        var halfWritten = new TaskCompletionSource();
        var buildToken = CancellationToken.None;
        Func<string, CancellationToken, Task> endless = async (path, token) =>
        {
            buildToken = token;
            await File.WriteAllBytesAsync(path, new byte[50], token);
            halfWritten.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        };
        using var a = new CancellationTokenSource();
        using var b = new CancellationTokenSource();
        var waits = new[] { cache.GetAsync("seed-2", endless, a.Token), cache.GetAsync("seed-2", endless, b.Token) };
        await halfWritten.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEmpty(Directory.GetFiles(_folder));
        await a.CancelAsync();
        Assert.False(buildToken.IsCancellationRequested, "one waiter is left, so the build goes on");
        await b.CancelAsync();
        foreach (var wait in waits)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        }
        Assert.True(buildToken.IsCancellationRequested);
        await Eventually(() => Directory.GetFiles(_folder).Length == 0);
        Assert.Empty(cache.Keys);
    }

    [Fact]
    public async Task A_caller_after_every_waiter_left_gets_a_fresh_build_not_the_cancelled_one()
    {
        var cache = new DatasetCache(_folder, 10_000);
        var windDown = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        Func<string, CancellationToken, Task> abandoned = async (path, token) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                await windDown.Task;
                throw;
            }
        };
        using var gone = new CancellationTokenSource();
        var wait = cache.GetAsync("seed-3", abandoned, gone.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);

        using (var lease = await cache.GetAsync("seed-3", Writer(100)).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(100, new FileInfo(lease.Path).Length);
        }
        windDown.SetResult();
        await Eventually(() => Directory.GetFiles(_folder, "*.building").Length == 0);
        Assert.Equal(["seed-3"], cache.Keys);
        using var again = await cache.GetAsync("seed-3", (_, _) => throw new InvalidOperationException("must not rebuild"));
        Assert.Equal(100, new FileInfo(again.Path).Length);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Rejects_unsafe_keys() =>
        await Assert.ThrowsAsync<ArgumentException>(() => cache().GetAsync("../x", Writer(1)));

    private DatasetCache cache() => new(_folder, 1000);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

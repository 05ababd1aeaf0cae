using System.Globalization;
using System.Net;

namespace DsLoop.Sql;

/// <summary>
/// Watches the private memory (RssAnon) of this run's PostgreSQL backend through /proc and calls back when it has
/// grown past the cap. PostgreSQL has no per-backend memory limit (work_mem bounds sorts and hashes, not aggregate
/// states such as string_agg or array_agg), so the sandbox cancels the query itself. It only works when the server
/// runs on this machine in the same process namespace; otherwise <see cref="Start"/> returns null and the cap rests on
/// the server's own limits (a cgroup around the cluster).
/// </summary>
internal sealed class BackendMemoryWatch : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    private readonly string _statusPath;
    private readonly long _limit;
    private readonly Action _onExceeded;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly long _baseline;

    private BackendMemoryWatch(string statusPath, long baseline, long limit, Action onExceeded)
    {
        _statusPath = statusPath;
        _baseline = baseline;
        _limit = limit;
        _onExceeded = onExceeded;
        _loop = Task.Run(LoopAsync);
    }

    public bool Exceeded { get; private set; }

    /// <summary>Starts watching backend <paramref name="pid"/> of a server at <paramref name="host"/>, or returns null when it cannot be watched.</summary>
    public static BackendMemoryWatch? Start(string? host, int pid, long limit, Action onExceeded)
    {
        if (!OperatingSystem.IsLinux() || pid <= 0 || !IsLocal(host))
        {
            return null;
        }
        var status = $"/proc/{pid}/status";
        try
        {
            // A backend's title starts with "postgres:"; anything else means the pid is not ours to judge.
            if (!File.ReadAllText($"/proc/{pid}/cmdline").StartsWith("postgres:", StringComparison.Ordinal) || ReadRssAnon(status) is not { } baseline)
            {
                return null;
            }
            return new BackendMemoryWatch(status, baseline, limit, onExceeded);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (ReadRssAnon(_statusPath) is not { } used)
                {
                    return;
                }
                if (used - _baseline > _limit)
                {
                    Exceeded = true;
                    _onExceeded();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static long? ReadRssAnon(string statusPath)
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                {
                    var kb = line["RssAnon:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The backend has gone.
        }
        return null;
    }

    private static bool IsLocal(string? host) =>
        string.IsNullOrEmpty(host) || host.StartsWith('/') || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}

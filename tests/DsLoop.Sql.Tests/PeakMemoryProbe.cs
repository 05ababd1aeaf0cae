using System.Globalization;

namespace DsLoop.Sql.Tests;

/// <summary>
/// Polls the private memory (RssAnon) of every process whose title starts with a prefix (PostgreSQL backends show
/// "postgres: role database …") and keeps the peak growth over each process's first reading.
/// </summary>
internal sealed class PeakMemoryProbe : IAsyncDisposable
{
    private readonly string _prefix;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<int, long> _baselines = [];
    private readonly Task _loop;

    public PeakMemoryProbe(string titlePrefix)
    {
        _prefix = titlePrefix;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The largest growth seen in one matching process, in bytes.</summary>
    public long PeakGrowth { get; private set; }

    /// <summary>The largest RssAnon seen in one matching process, in bytes.</summary>
    public long Peak { get; private set; }

    public static bool Supported => OperatingSystem.IsLinux() && Directory.Exists("/proc/self");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid) || RssAnon(pid) is not { } used)
                {
                    continue;
                }
                var baseline = _baselines.TryGetValue(pid, out var b) ? b : _baselines[pid] = used;
                Peak = Math.Max(Peak, used);
                PeakGrowth = Math.Max(PeakGrowth, used - baseline);
            }
            try
            {
                await Task.Delay(10, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private long? RssAnon(int pid)
    {
        try
        {
            if (!File.ReadAllText($"/proc/{pid}/cmdline").StartsWith(_prefix, StringComparison.Ordinal))
            {
                return null;
            }
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

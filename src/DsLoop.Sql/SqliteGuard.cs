using System.Diagnostics;
using SQLitePCL;

namespace DsLoop.Sql;

/// <summary>Per-run state shared with the authorizer and progress callbacks.</summary>
internal sealed class SqliteGuard(SandboxLimits limits, CancellationToken cancellationToken)
{
    private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);

    // SQLite counts its heap per process, not per connection: growth is measured from the lowest level seen during
    // this run, so memory freed by other work does not widen the allowance. Concurrent SQLite work in the same
    // process counts against a running query too (see docs/SANDBOX.md).
    private long _memoryFloor = raw.sqlite3_memory_used();

    public SandboxLimits Limits => limits;

    public bool MemoryExceeded { get; private set; }

    public bool OverMemory()
    {
        var used = raw.sqlite3_memory_used();
        _memoryFloor = Math.Min(_memoryFloor, used);
        MemoryExceeded |= used - _memoryFloor > limits.MaxMemoryBytes;
        return MemoryExceeded;
    }

    public string? Denial { get; private set; }

    public bool Cancelled => cancellationToken.IsCancellationRequested;

    public bool ShouldStop => cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() > _deadline;

    public int Deny(string message)
    {
        Denial ??= message;
        return raw.SQLITE_DENY;
    }
}

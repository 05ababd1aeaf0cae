using System.Collections.Concurrent;

namespace DsLoop.App.Accounts;

/// <summary>
/// Slows password guessing without letting anyone lock an account: failures are counted per (user name as typed,
/// source address), so guesses from one address never delay the owner signing in from another, and an unknown name is
/// throttled exactly like a real one, so the answers do not reveal which names exist. After
/// <see cref="FreeFailures"/> failures each further try from that source waits twice as long as the one before,
/// up to <see cref="MaxDelay"/>; a success, or <see cref="ForgetAfter"/> without a failure, clears the count.
/// Kept in memory per process: a restart forgets it, which costs a guesser no more than the delay already served.
/// </summary>
/// <param name="clock">The time failures happen and delays end.</param>
public sealed class SignInThrottle(TimeProvider clock)
{
    /// <summary>Failed sign-ins from one source for one name before any delay.</summary>
    public const int FreeFailures = 5;

    /// <summary>The longest wait between tries.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>How long a quiet (name, source) pair is remembered.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>Pairs kept at most; the quietest are forgotten first, so a flood of names cannot exhaust memory.</summary>
    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<(string Name, string Source), Failures> _failures = new();

    private sealed record Failures(int Count, DateTimeOffset Last);

    /// <summary>How long the source must still wait before it may try <paramref name="userName"/> again; zero when it may now.</summary>
    public TimeSpan Wait(string userName, string source)
    {
        if (!_failures.TryGetValue(Key(userName, source), out var failures))
        {
            return TimeSpan.Zero;
        }
        var now = clock.GetUtcNow();
        var left = failures.Last + Delay(failures.Count) - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Counts a failed sign-in and returns the wait before the next try.</summary>
    public TimeSpan Fail(string userName, string source)
    {
        var now = clock.GetUtcNow();
        var updated = _failures.AddOrUpdate(Key(userName, source), _ => new Failures(1, now),
            (_, old) => new Failures(now - old.Last > ForgetAfter ? 1 : old.Count + 1, now));
        if (_failures.Count > MaxEntries)
        {
            Prune(now);
        }
        return Delay(updated.Count);
    }

    /// <summary>Forgets the failures of a pair after a success.</summary>
    public void Succeed(string userName, string source) => _failures.TryRemove(Key(userName, source), out _);

    /// <summary>The wait after <paramref name="count"/> failures: none for the free ones, then 1 s, 2 s, 4 s… up to the cap.</summary>
    public static TimeSpan Delay(int count) =>
        count <= FreeFailures ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, count - FreeFailures - 1), MaxDelay.TotalSeconds));

    private static (string, string) Key(string userName, string source) => (userName.Trim().ToUpperInvariant(), source);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (now - failures.Last > ForgetAfter)
            {
                _failures.TryRemove(key, out _);
            }
        }
        var excess = _failures.Count - MaxEntries;
        foreach (var (key, _) in _failures.OrderBy(f => f.Value.Last).Take(Math.Max(0, excess)))
        {
            _failures.TryRemove(key, out _);
        }
    }
}

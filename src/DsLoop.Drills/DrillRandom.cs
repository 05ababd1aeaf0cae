namespace DsLoop.Drills;

/// <summary>
/// A small deterministic generator (SplitMix64) so a (family, seed) pair draws the same numbers on every machine and
/// every .NET version, which the committed reference fixtures rely on.
/// </summary>
internal sealed class DrillRandom(string family, int seed)
{
    private ulong _state = Mix(((ulong)(uint)seed << 20) ^ StableHash(family));

    /// <summary>A whole number in [<paramref name="low"/>, <paramref name="high"/>], both ends included.</summary>
    public int Int(int low, int high) => low + (int)(NextULong() % (ulong)(high - low + 1));

    /// <summary>One of <paramref name="values"/>.</summary>
    public T Pick<T>(params T[] values) => values[Int(0, values.Length - 1)];

    /// <summary><paramref name="low"/> + k·<paramref name="step"/> for a random k, at most <paramref name="high"/>; exact to the step's decimals.</summary>
    public double Step(double low, double high, double step, int decimals)
    {
        var k = Int(0, (int)Math.Round((high - low) / step));
        return Math.Round(low + (k * step), decimals);
    }

    private ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}

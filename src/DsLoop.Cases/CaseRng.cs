namespace DsLoop.Cases;

/// <summary>A small deterministic random stream (SplitMix64): the same seed gives the same case on every machine.</summary>
internal sealed class CaseRng(ulong seed)
{
    private ulong _state = seed ^ 0x9E3779B97F4A7C15UL;
    private double? _spare;

    /// <summary>A stream for one purpose of a seed, independent of the other purposes.</summary>
    public static CaseRng For(ulong seed, string purpose)
    {
        var h = 1469598103934665603UL;
        foreach (var c in purpose)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        return new CaseRng(seed * 0xD1B54A32D192ED03UL ^ h);
    }

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double Uniform() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double low, double high) => low + ((high - low) * Uniform());

    /// <summary>An integer in [0, n).</summary>
    public int Next(int n) => (int)(Uniform() * n);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public bool Bernoulli(double p) => Uniform() < p;

    /// <summary>Standard normal (Marsaglia's polar method).</summary>
    public double Normal()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = (2 * Uniform()) - 1;
            v = (2 * Uniform()) - 1;
            s = (u * u) + (v * v);
        }
        while (s is >= 1 or 0);
        var f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * f;
        return u * f;
    }

    /// <summary>Poisson by inversion (small means only).</summary>
    public int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = Uniform();
        while (p > limit)
        {
            k++;
            p *= Uniform();
        }
        return k;
    }
}

namespace DsLoop.Data.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fully specified generator, so the same seed gives
/// the same numbers on every .NET version (unlike <see cref="System.Random"/>, whose algorithm is unspecified).
/// Streams are derived from (seed, stream, index), so each table and each user draws from its own sequence.
/// </summary>
internal struct Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Rng(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>A generator for one (seed, stream, index) triple.</summary>
    public static Rng For(ulong seed, ulong stream, ulong index) => new(Hash(seed, stream, index));

    public static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A well-mixed 64-bit hash of three numbers, for stateless decisions (e.g. experiment variants).</summary>
    public static ulong Hash(ulong a, ulong b, ulong c)
    {
        var state = a;
        var h = SplitMix(ref state);
        state = h ^ (b * 0xD6E8FEB86659FD93UL);
        h = SplitMix(ref state);
        state = h ^ (c * 0xA0761D6478BD642FUL);
        return SplitMix(ref state);
    }

    /// <summary>A uniform number in [0, 1) from a hash, for stateless decisions.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n) (multiply-shift; the bias is below 2^-32).</summary>
    public int NextInt(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>Uniform integer in [low, high).</summary>
    public int Between(int low, int high) => low + NextInt(high - low);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal by the Marsaglia polar method (no trigonometry, no cached spare).</summary>
    public double Normal()
    {
        while (true)
        {
            var u = (2 * NextDouble()) - 1;
            var v = (2 * NextDouble()) - 1;
            var s = (u * u) + (v * v);
            if (s is > 0 and < 1)
            {
                return u * Math.Sqrt(-2 * Math.Log(s) / s);
            }
        }
    }

    public double LogNormal(double mu, double sigma) => Math.Exp(mu + (sigma * Normal()));

    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>Pareto with scale <paramref name="minimum"/> and shape <paramref name="alpha"/>.</summary>
    public double Pareto(double minimum, double alpha) => minimum / Math.Pow(1 - NextDouble(), 1 / alpha);

    /// <summary>Poisson by inversion (fine for the small means used here).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }
        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var k = 0;
        while (product > limit && k < 1000)
        {
            product *= NextDouble();
            k++;
        }
        return k;
    }

    /// <summary>Picks an index from cumulative weights (last entry is the total).</summary>
    public int Pick(ReadOnlySpan<double> cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (x < cumulative[i])
            {
                return i;
            }
        }
        return cumulative.Length - 1;
    }
}

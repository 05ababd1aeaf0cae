using System.Globalization;
using DsLoop.Data.Generation;

namespace DsLoop.Data.Tests.Generation;

public sealed class ClockAndRngTests
{
    [Fact]
    public void Timestamps_format_like_the_invariant_calendar_across_centuries_and_leap_days()
    {
        var rng = new Rng(7);
        for (var i = 0; i < 20_000; i++)
        {
            var seconds = (long)(rng.NextDouble() * 8_000_000_000) - 2_000_000_000;
            var expected = DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            Assert.Equal(expected, Clock.FormatTimestamp(seconds));
        }
        Assert.Equal("2024-02-29 23:59:59", Clock.FormatTimestamp(Clock.FromDate(2024, 3, 1) - 1));
        Assert.Equal("2025-08-04", Clock.FormatDate(Clock.FromDate(2025, 8, 4)));
        Assert.Equal(0, Clock.DayOfWeek(Clock.FromDate(2025, 8, 4) / Clock.Day)); // a Monday
    }

    [Fact]
    public void Same_seed_gives_the_same_stream_and_streams_differ_by_index()
    {
        var a = Rng.For(1, 2, 3);
        var b = Rng.For(1, 2, 3);
        var c = Rng.For(1, 2, 4);
        var same = 0;
        for (var i = 0; i < 1000; i++)
        {
            var x = a.NextUInt64();
            Assert.Equal(x, b.NextUInt64());
            same += x == c.NextUInt64() ? 1 : 0;
        }
        Assert.Equal(0, same);
    }

    [Fact]
    public void Uniform_and_normal_draws_have_the_right_moments()
    {
        var rng = new Rng(99);
        double sum = 0, sumNormal = 0, sumSquares = 0;
        const int n = 200_000;
        var buckets = new int[10];
        for (var i = 0; i < n; i++)
        {
            var u = rng.NextDouble();
            sum += u;
            buckets[rng.NextInt(10)]++;
            var z = rng.Normal();
            sumNormal += z;
            sumSquares += z * z;
        }
        Assert.InRange(sum / n, 0.495, 0.505);
        Assert.InRange(sumNormal / n, -0.01, 0.01);
        Assert.InRange(sumSquares / n, 0.98, 1.02);
        Assert.All(buckets, b => Assert.InRange(b, n / 10 * 0.97, n / 10 * 1.03));
    }
}

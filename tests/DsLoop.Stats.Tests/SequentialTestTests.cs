using DsLoop.Stats.Readout;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class SequentialTestTests
{
    private const double Tau2 = 0.0025; // mixing sd of 0.05 on a unit-variance metric

    [Fact]
    public void Confidence_sequence_is_wider_than_the_fixed_horizon_interval_and_shrinks_with_data()
    {
        double previous = double.PositiveInfinity;
        foreach (var n in new[] { 100, 1_000, 10_000, 100_000 })
        {
            var v = 2.0 / n;
            var sequence = SequentialTest.ConfidenceSequence(0.1, v, Tau2);
            var fixedHalf = 1.959963984540054 * Math.Sqrt(v);
            var half = (sequence.High - sequence.Low) / 2;
            Assert.True(half > fixedHalf, $"n={n}: sequence {half} should be wider than fixed {fixedHalf}");
            Assert.True(half < previous);
            previous = half;
        }
    }

    [Fact]
    public void P_value_is_small_only_when_the_interval_excludes_zero()
    {
        foreach (var (estimate, v) in new[] { (0.1, 0.0002), (0.02, 0.0002), (-0.08, 0.0005), (0.0, 0.001) })
        {
            var interval = SequentialTest.ConfidenceSequence(estimate, v, Tau2, 0.05);
            var p = SequentialTest.PValue(estimate, v, Tau2).PValue;
            Assert.Equal(!interval.Contains(0), p < 0.05);
        }
    }

    [Fact]
    public void No_variance_yet_is_a_reason_and_a_bad_tuning_is_refused()
    {
        Assert.Equal("the estimate has no variance yet", SequentialTest.ConfidenceSequence(0, 0, Tau2).Reason);
        Assert.Throws<ArgumentOutOfRangeException>(() => SequentialTest.ConfidenceSequence(0, 1, 0));
    }

    [Fact]
    public void Peeking_after_every_batch_breaks_the_fixed_interval_but_not_the_confidence_sequence()
    {
        // 600 seeded experiments with a true lift of 0.03 on a unit-variance metric, looked at after each of
        // 20 batches of 200 users per arm. An experiment "fails" if any look's interval excludes the truth.
        const double lift = 0.03;
        const int experiments = 600, looks = 20, batch = 200;
        int fixedFailures = 0, sequenceFailures = 0, finalFixedMisses = 0;
        for (var seed = 0; seed < experiments; seed++)
        {
            var random = new Random(seed);
            var control = new SummaryStats();
            var treatment = new SummaryStats();
            bool fixedFailed = false, sequenceFailed = false;
            for (var look = 0; look < looks; look++)
            {
                for (var i = 0; i < batch; i++)
                {
                    control.Add(Gaussian(random));
                    treatment.Add(Gaussian(random) + lift);
                }
                var (estimate, variance) = SequentialTest.Difference(control, treatment);
                var half = 1.959963984540054 * Math.Sqrt(variance);
                var fixedCovers = Math.Abs(estimate - lift) <= half;
                fixedFailed |= !fixedCovers;
                sequenceFailed |= !SequentialTest.ConfidenceSequence(estimate, variance, Tau2).Contains(lift);
                if (look == looks - 1 && !fixedCovers)
                {
                    finalFixedMisses++;
                }
            }
            fixedFailures += fixedFailed ? 1 : 0;
            sequenceFailures += sequenceFailed ? 1 : 0;
        }
        var fixedCoverage = 1 - ((double)fixedFailures / experiments);
        var sequenceCoverage = 1 - ((double)sequenceFailures / experiments);
        var finalCoverage = 1 - ((double)finalFixedMisses / experiments);
        Assert.True(sequenceCoverage >= 0.95, $"confidence sequence covered throughout in only {sequenceCoverage:P1}");
        Assert.True(fixedCoverage < 0.85, $"fixed interval under peeking covered throughout in {fixedCoverage:P1}; expected clearly below 95%");
        Assert.InRange(finalCoverage, 0.93, 0.97); // looked at once, the same interval is fine
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller: seeded and reproducible.
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

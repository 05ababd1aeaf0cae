using DsLoop.Stats.Design;
using DsLoop.Stats.Probability;
using DsLoop.Stats.Readout;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class DrillSupportTests
{
    [Fact]
    public void One_look_is_alpha_and_more_looks_inflate_it_less_than_independent_looks_would()
    {
        Assert.Equal(0.05, InterimLooks.FalsePositiveRate(1, 0.05), 9);
        var previous = 0.05;
        for (var looks = 2; looks <= 10; looks++)
        {
            var rate = InterimLooks.FalsePositiveRate(looks, 0.05);
            Assert.True(rate > previous && rate < 1 - Math.Pow(0.95, looks), $"{looks} looks: {rate}");
            previous = rate;
        }
        // Armitage, McPherson and Rowe (1969): 2 looks 0.083, 5 looks 0.142, 10 looks 0.193.
        Assert.Equal(0.083, InterimLooks.FalsePositiveRate(2, 0.05), 3);
        Assert.Equal(0.193, InterimLooks.FalsePositiveRate(10, 0.05), 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => InterimLooks.FalsePositiveRate(0, 0.05));
    }

    [Fact]
    public void One_sided_looks_start_at_alpha_and_agree_with_a_simulated_random_walk()
    {
        Assert.Equal(0.05, InterimLooks.FalsePositiveRate(1, 0.05, oneSided: true), 6);
        const int Runs = 200_000;
        const int Looks = 5;
        var random = new Random(20261206);
        var critical = StandardNormal.Isf(0.05);
        var crossed = 0;
        for (var run = 0; run < Runs; run++)
        {
            var sum = 0.0;
            for (var look = 1; look <= Looks; look++)
            {
                sum += Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                if (sum > critical * Math.Sqrt(look))
                {
                    crossed++;
                    break;
                }
            }
        }
        var simulated = (double)crossed / Runs;
        var rate = InterimLooks.FalsePositiveRate(Looks, 0.05, oneSided: true);
        var standardError = Math.Sqrt(simulated * (1 - simulated) / Runs);
        Assert.True(Math.Abs(rate - simulated) < 4 * standardError, $"computed {rate:0.0000}, simulated {simulated:0.0000} ± {standardError:0.0000}");
        Assert.True(rate > 0.05 && rate < InterimLooks.FalsePositiveRate(Looks, 0.10), $"{rate}");
    }

    [Fact]
    public void At_least_k_is_one_minus_the_cdf_below_k()
    {
        // Two heads or more in three fair flips: 4/8.
        Assert.Equal(0.5, DiscreteDistributions.BinomialAtLeast(2, 3, 0.5), 12);
        Assert.Equal(1, DiscreteDistributions.BinomialAtLeast(0, 3, 0.5));
        Assert.Equal(0, DiscreteDistributions.BinomialAtLeast(4, 3, 0.5));
        Assert.Equal(1 - Math.Exp(-2), DiscreteDistributions.PoissonAtLeast(1, 2), 12);
        Assert.Equal(1 - (0.9 * 0.9 * 0.9), DiscreteDistributions.GeometricWithin(3, 0.1), 12);
        // One ace in two cards from a 52-card deck: 4·48 / C(52, 2).
        Assert.Equal(4.0 * 48 / 1326, DiscreteDistributions.HypergeometricPmf(1, 52, 4, 2), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteDistributions.PoissonAtLeast(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteDistributions.BinomialPmf(1, 3, 1.5));
    }

    [Fact]
    public void Cuped_planning_keeps_the_unexplained_share_of_the_spread()
    {
        Assert.Equal(6, CupedPlanning.AdjustedStandardDeviation(10, 0.8), 12);
        Assert.Equal(10, CupedPlanning.AdjustedStandardDeviation(10, 0), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => CupedPlanning.AdjustedStandardDeviation(10, 1.2));
    }
}

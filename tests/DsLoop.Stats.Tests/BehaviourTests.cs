using DsLoop.Stats.Design;
using DsLoop.Stats.Readout;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class BehaviourTests
{
    [Fact]
    public void Relative_mde_is_read_against_the_baseline()
    {
        var relative = SampleSize.ForProportions(0.10, 0.20, relative: true);
        var absolute = SampleSize.ForProportions(0.10, 0.02);
        Assert.Equal(absolute, relative);
    }

    [Fact]
    public void Bonferroni_splits_alpha_across_treatment_arms_and_grows_each_arm()
    {
        var two = SampleSize.ForProportions(0.10, 0.02);
        var four = SampleSize.ForProportions(0.10, 0.02, arms: 4, bonferroni: true);
        Assert.Equal(0.05 / 3, four.AlphaPerComparison, 15);
        Assert.True(four.ControlPerArm > two.ControlPerArm);
        Assert.Equal(four.ControlPerArm * 4, four.Total);
    }

    [Fact]
    public void Duration_rounds_up_to_whole_days_of_eligible_traffic()
    {
        var plan = SampleSize.ForProportions(0.40, 0.02);
        Assert.InRange(plan.ControlPerArm, 9_480, 9_520); // the onboarding question's model answer quotes about 9,500 per arm
        Assert.Equal((int)Math.Ceiling(plan.Total / 6000.0), plan.DurationDays(6000));
        Assert.Equal((int)Math.Ceiling(plan.Total / 600.0), plan.DurationDays(6000, 0.1));
    }

    [Fact]
    public void Degenerate_readouts_carry_a_reason_instead_of_a_silent_nan()
    {
        Assert.Equal("an arm has no units", ProportionTest.Pooled(new(0, 0), new(3, 10)).Reason);
        Assert.Equal("no unit converted in either arm", ProportionTest.Pooled(new(0, 100), new(0, 100)).Reason);
        Assert.Equal("every unit converted in both arms", ProportionTest.Pooled(new(100, 100), new(50, 50)).Reason);
        Assert.Contains("zero", ProportionTest.Unpooled(new(0, 100), new(100, 100)).Reason, StringComparison.Ordinal);
        Assert.Contains("two values", WelchTest.FromStats(1, 0, 1, 2, 1, 10).Test.Reason, StringComparison.Ordinal);
        Assert.Contains("zero variance", WelchTest.FromStats(1, 0, 10, 2, 0, 10).Interval.Reason, StringComparison.Ordinal);
        Assert.Contains("expects only", SampleRatioMismatch.Check([3, 4]).Reason, StringComparison.Ordinal);
        Assert.Equal("no units were assigned", SampleRatioMismatch.Check([0, 0]).Reason);
    }

    [Fact]
    public void Impossible_inputs_are_refused_naming_the_argument()
    {
        var e = Assert.Throws<ArgumentException>(() => ProportionTest.Pooled(new(10, 100), new(120, 100)));
        Assert.Contains("treatment: 120 successes is more than its 100 units", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.ForProportions(1.2, 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.ForProportions(0.95, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleTesting.Holm([0.2, 1.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerAnalysis.SolveNobs1(-0.1, 0.05, 0.8, alternative: Alternative.Larger));
        Assert.Throws<ArgumentException>(() => SampleRatioMismatch.Check([10, 20], [1]));
    }

    [Fact]
    public void Srm_flags_a_broken_split_and_passes_a_fair_one()
    {
        Assert.True(SampleRatioMismatch.Check([50_000, 51_500]).IsMismatch());
        Assert.False(SampleRatioMismatch.Check([50_000, 50_100]).IsMismatch());
        Assert.False(SampleRatioMismatch.Check([10_000, 20_050], [1, 2]).IsMismatch());
    }

    [Fact]
    public void Streamed_summary_matches_two_pass_mean_and_variance_even_with_a_large_offset()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => 1e9 + ((i * 7919 % 1000) / 10.0)).ToList();
        var stats = SummaryStats.Of(values);
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        Assert.Equal(mean, stats.Mean, 6);
        Assert.Equal(variance, stats.Variance, 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => stats.Add(double.NaN));
    }

    [Fact]
    public void Wald_interval_covers_the_true_lift_about_95_percent_of_the_time()
    {
        // 600 seeded experiments, 4,000 users per arm, baseline 10% and a true lift of 1 point.
        const double p0 = 0.10, lift = 0.01;
        const int n = 4_000, experiments = 600;
        var covered = 0;
        for (var seed = 0; seed < experiments; seed++)
        {
            var random = new Random(seed);
            var control = Enumerable.Range(0, n).Count(_ => random.NextDouble() < p0);
            var treatment = Enumerable.Range(0, n).Count(_ => random.NextDouble() < p0 + lift);
            if (ProportionTest.DifferenceInterval(new(control, n), new(treatment, n)).Contains(lift))
            {
                covered++;
            }
        }
        var coverage = (double)covered / experiments;
        Assert.InRange(coverage, 0.93, 0.97);
    }
}

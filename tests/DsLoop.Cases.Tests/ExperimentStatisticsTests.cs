using DsLoop.Cases.Experiment;

namespace DsLoop.Cases.Tests;

/// <summary>The engine's readout recovers the planted truth over many seeds.</summary>
public sealed class ExperimentStatisticsTests
{
    private static readonly ReadoutTwist[] s_unbiased = [ReadoutTwist.CleanLift, ReadoutTwist.NoEffect, ReadoutTwist.Novelty, ReadoutTwist.GuardrailRegression];

    [Fact]
    public void Ci_of_the_absolute_lift_covers_the_true_lift_93_to_97_percent_of_200_seeds()
    {
        var covered = 0;
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var plan = ExperimentScenarios.Readout(seed, s_unbiased[(int)(seed % 4)]);
            var data = ExperimentData.Generate(seed, plan, 20_000);
            var r = ExperimentReadout.Analyse(data);
            Assert.False(r.Stratified);
            covered += r.Absolute.Low <= data.TrueAbsoluteLift && data.TrueAbsoluteLift <= r.Absolute.High ? 1 : 0;
        }
        Assert.InRange(covered / 200.0, 0.93, 0.97);
    }

    [Fact]
    public void Ci_of_the_relative_lift_covers_the_true_relative_lift_93_to_97_percent_of_200_seeds()
    {
        var covered = 0;
        for (ulong seed = 1001; seed <= 1200; seed++)
        {
            var plan = ExperimentScenarios.Readout(seed, s_unbiased[(int)(seed % 4)]);
            var data = ExperimentData.Generate(seed, plan, 20_000);
            var r = ExperimentReadout.Analyse(data);
            covered += r.Relative.Low <= data.TrueRelativeLift && data.TrueRelativeLift <= r.Relative.High ? 1 : 0;
        }
        Assert.InRange(covered / 200.0, 0.93, 0.97);
    }

    [Fact]
    public void Planted_srm_is_detected_in_at_least_90_percent_of_200_seeds_and_rarely_otherwise()
    {
        int detected = 0, falseAlarms = 0;
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var planted = ExperimentData.Generate(seed, ExperimentScenarios.Readout(seed, ReadoutTwist.SampleRatioMismatch), 40_000);
            detected += ExperimentReadout.Analyse(planted).Srm.IsMismatch(ExperimentReadout.SrmThreshold) ? 1 : 0;
            var clean = ExperimentData.Generate(seed, ExperimentScenarios.Readout(seed, ReadoutTwist.CleanLift), 40_000);
            falseAlarms += ExperimentReadout.Analyse(clean).Srm.IsMismatch(ExperimentReadout.SrmThreshold) ? 1 : 0;
        }
        Assert.True(detected >= 180, $"detected {detected} of 200");
        Assert.True(falseAlarms <= 3, $"{falseAlarms} false alarms in 200");
    }

    [Theory]
    [InlineData(ReadoutTwist.CleanLift, ReadoutDecision.Ship)]
    [InlineData(ReadoutTwist.NoEffect, ReadoutDecision.DontShip)]
    [InlineData(ReadoutTwist.SampleRatioMismatch, ReadoutDecision.Investigate)]
    [InlineData(ReadoutTwist.Novelty, ReadoutDecision.Extend)]
    [InlineData(ReadoutTwist.GuardrailRegression, ReadoutDecision.DontShip)]
    [InlineData(ReadoutTwist.Simpson, ReadoutDecision.Investigate)]
    [InlineData(ReadoutTwist.Peeking, ReadoutDecision.Extend)]
    public void Each_planted_twist_leads_the_engine_to_its_decision_in_most_seeds(ReadoutTwist twist, ReadoutDecision expected)
    {
        var agree = 0;
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var data = ExperimentData.Generate(seed, CaseScale.Tiny, twist);
            agree += ExperimentReadout.Analyse(data).Decision == expected ? 1 : 0;
        }
        Assert.True(agree >= 9, $"{twist}: {agree} of 10 seeds gave {expected}");
    }

    [Fact]
    public void Simpson_seed_looks_like_a_win_pooled_but_loses_within_platforms()
    {
        var data = ExperimentData.Generate(5, CaseScale.Tiny, ReadoutTwist.Simpson);
        var r = ExperimentReadout.Analyse(data);
        Assert.False(r.Srm.IsMismatch());
        Assert.True(r.Stratified);
        Assert.True(r.PooledRelative > 0.1, $"pooled {r.PooledRelative}");
        Assert.True(r.Relative.Estimate < 0, $"within platforms {r.Relative.Estimate}");
    }

    [Fact]
    public void Peeking_seed_stops_early_on_a_nominally_significant_day_that_a_sequential_test_does_not_confirm()
    {
        var data = ExperimentData.Generate(3, CaseScale.Tiny, ReadoutTwist.Peeking);
        var r = ExperimentReadout.Analyse(data);
        Assert.True(data.DaysObserved < data.Plan.PlannedDays);
        Assert.True(r.PValue < 0.05);
        Assert.True(r.SequentialPValue > r.PValue);
        Assert.Equal(0, data.TrueAbsoluteLift);
    }

    [Fact]
    public void Same_seed_gives_the_same_data_and_different_seeds_differ()
    {
        var a = ExperimentData.Generate(11, CaseScale.Tiny).ToCsv();
        var b = ExperimentData.Generate(11, CaseScale.Tiny).ToCsv();
        var c = ExperimentData.Generate(12, CaseScale.Tiny).ToCsv();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}

using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class ExtractionTests
{
    private static SentenceFacts Read(string sentence) => FactReader.Read(SpokenSentence.Read(sentence));

    [Theory]
    [InlineData("The baseline is 40%.", 0.40)]
    [InlineData("The baseline is 40 percent.", 0.40)]
    [InlineData("Our baseline conversion rate is 0.4.", 0.40)]
    [InlineData("We currently convert at 4.8 per cent.", 0.048)]
    [InlineData("We see a 12% checkout rate today.", 0.12)]
    public void Baseline_rates_are_read_as_percent_or_decimal(string sentence, double baseline) =>
        Assert.Equal(baseline, Read(sentence).Baseline!.Value, 9);

    [Theory]
    [InlineData("We want to detect 2 points.", 0.02, "Points")]
    [InlineData("We want to detect 2pp.", 0.02, "Points")]
    [InlineData("We want to detect two percentage points.", 0.02, "Points")]
    [InlineData("We want to detect a 5% relative lift.", 0.05, "Relative")]
    [InlineData("A relative lift of 5% matters.", 0.05, "Relative")]
    [InlineData("An absolute lift of 2% matters.", 0.02, "Points")]
    [InlineData("We want to detect a 2% lift.", 0.02, "Unclear")]
    [InlineData("The MDE is 0.01.", 0.01, "Points")]
    public void Effects_are_read_as_points_relative_or_unclear(string sentence, double value, string scale)
    {
        var effect = Read(sentence).Effect!;
        Assert.Equal(value, effect.Value, 9);
        Assert.Equal(Enum.Parse<EffectScale>(scale), effect.Scale);
    }

    [Fact]
    public void From_to_gives_the_baseline_and_a_move()
    {
        var facts = Read("Conversion went from 40% to 42%.");
        Assert.Equal(0.40, facts.Baseline!.Value, 9);
        Assert.Equal(0.02, AnswerContext.EffectOf(facts)!.Value, 9);
    }

    [Theory]
    [InlineData("We test at alpha 0.05.", 0.05)]
    [InlineData("We test at α = 0.01.", 0.01)]
    [InlineData("We use 5% significance.", 0.05)]
    [InlineData("We use a significance level of 10%.", 0.10)]
    [InlineData("We want 95% confidence.", 0.05)]
    public void Alpha_is_read_from_alpha_significance_or_confidence(string sentence, double alpha) =>
        Assert.Equal(alpha, Read(sentence).Alpha!.Value, 9);

    [Theory]
    [InlineData("We want 80% power.", 0.8)]
    [InlineData("Power of 0.9 is the target.", 0.9)]
    [InlineData("We want statistical power = 85%.", 0.85)]
    public void Power_is_read(string sentence, double power) => Assert.Equal(power, Read(sentence).Power!.Value, 9);

    [Theory]
    [InlineData("It is a one-sided test.", true)]
    [InlineData("It is a one tailed test.", true)]
    [InlineData("It is a two-sided test.", false)]
    public void Sidedness_is_read(string sentence, bool oneSided) => Assert.Equal(oneSided, Read(sentence).OneSided);

    [Theory]
    [InlineData("We need 200 users per arm.", 200)]
    [InlineData("We need 200 per group.", 200)]
    [InlineData("We need 9.5k users in each variant.", 9500)]
    [InlineData("Each arm needs about 9,500 users.", 9500)]
    [InlineData("We need 3 million users per variant.", 3_000_000)]
    [InlineData("We need ten thousand users per arm.", 10_000)]
    public void Per_arm_sizes_are_read(string sentence, double perArm) => Assert.Equal(perArm, Read(sentence).PerArm!.Value);

    [Theory]
    [InlineData("We need 10,000 users in total.", 10_000)]
    [InlineData("The test is 10,000 total.", 10_000)]
    [InlineData("That is a total of 20k users.", 20_000)]
    [InlineData("We need 19,000 across both arms.", 19_000)]
    public void Totals_are_read(string sentence, double total) => Assert.Equal(total, Read(sentence).Total!.Value);

    [Theory]
    [InlineData("We run it for two weeks.", 14)]
    [InlineData("We run it for 14 days.", 14)]
    [InlineData("It takes one day.", 1)]
    [InlineData("It takes a week.", 7)]
    [InlineData("We run it for a couple of weeks.", 14)]
    [InlineData("It is a 21-day test.", 21)]
    public void Durations_are_read_in_days(string sentence, double days) => Assert.Equal(days, Read(sentence).Duration!.Value.Days);

    [Theory]
    [InlineData("We look at 30-day retention.")]
    [InlineData("Over the last 7 days revenue fell.")]
    public void Metric_windows_are_not_durations(string sentence) => Assert.Null(Read(sentence).Duration);

    [Theory]
    [InlineData("We get 20,000 eligible users a day.", 20_000)]
    [InlineData("We get 20k visitors per day.", 20_000)]
    [InlineData("Daily traffic is about 5,000.", 5_000)]
    [InlineData("We get 70,000 users a week.", 10_000)]
    public void Daily_traffic_is_read(string sentence, double daily) => Assert.Equal(daily, Read(sentence).DailyTraffic!.Value, 9);

    [Fact]
    public void Counts_p_value_and_call_are_read()
    {
        var facts = Read("Control converted 480 out of 10,000 and treatment 540/10,000, p = 0.01, so it is significant.");
        Assert.Equal([new StatedCounts(480, 10_000), new StatedCounts(540, 10_000)], facts.Counts);
        Assert.Equal(0.01, facts.PValue!.Value);
        Assert.Equal(Relation.Equal, facts.PValue.Relation);
        Assert.True(facts.CallsSignificant);
    }

    [Theory]
    [InlineData("It is not significant.", false)]
    [InlineData("It isn't statistically significant.", false)]
    [InlineData("There is no significant difference.", false)]
    [InlineData("We fail to reject the null.", false)]
    [InlineData("It is statistically significant.", true)]
    [InlineData("We reject the null.", true)]
    public void Significance_calls_are_read_with_their_negation(string sentence, bool significant) =>
        Assert.Equal(significant, Read(sentence).CallsSignificant);

    [Fact]
    public void A_significance_level_is_not_a_call() => Assert.Null(Read("We use a significance level of 5%.").CallsSignificant);

    [Theory]
    [InlineData("The p-value is below 0.05.", "Below")]
    [InlineData("We got p < 0.01.", "Below")]
    [InlineData("p > 0.2 here.", "Above")]
    [InlineData("The p value came out at 0.03.", "Equal")]
    public void P_value_relations_are_read(string sentence, string relation) => Assert.Equal(Enum.Parse<Relation>(relation), Read(sentence).PValue!.Relation);

    [Fact]
    public void Interval_bounds_and_level_are_read()
    {
        var facts = Read("The 90% confidence interval is 4.4% to 5.2%.");
        Assert.Equal(0.9, facts.Interval!.Confidence, 9);
        Assert.Equal(4.4, facts.Interval.Low.Value);
        Assert.Equal(5.2, facts.Interval.High.Value);
    }

    [Fact]
    public void Arm_counts_split_and_mismatch_call_are_read()
    {
        var facts = Read("Assignment came out 9,100 in control and 900 in treatment on a 90/10 split, so there is no SRM.");
        Assert.Equal([9_100L, 900L], facts.ArmCounts);
        Assert.Equal((90.0, 10.0), facts.Split);
        Assert.False(facts.CallsMismatch);
    }

    [Fact]
    public void Small_fractions_of_things_are_not_arm_counts() =>
        Assert.Empty(Read("2 of 3 guardrails and 1 of 4 secondary metrics were significant.").Counts);

    [Fact]
    public void Arms_are_counted_from_variants_and_treatments()
    {
        Assert.Equal(3, Read("We test three variants.").Arms);
        Assert.Equal(3, Read("We have two treatments and a control.").Arms);
    }
}

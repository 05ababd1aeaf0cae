using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class DesignCheckTests
{
    private static CheckedClaim Only(string answer, ClaimKind kind)
    {
        var claims = NumberChecker.Examine(answer).Where(c => c.Kind == kind).ToList();
        Assert.True(claims.Count == 1, $"{claims.Count} {kind} claims in: {answer}");
        return claims[0];
    }

    [Fact]
    public void The_issue_example_is_wrong_and_names_about_9500_per_arm()
    {
        var note = Only("Our baseline conversion is 40% and we want to detect 2 points, so 200 users per arm is enough.", ClaimKind.SampleSize).Note;
        Assert.True(note.Wrong);
        Assert.StartsWith("200 per arm cannot detect 2 points at a 40% baseline with 80% power; that needs about 9,500 per arm", note.Explanation);
        Assert.Contains("two-sided α = 0.05", note.Explanation);
        Assert.Contains("assumed", note.Explanation);
    }

    [Theory]
    [InlineData("Baseline is 40%. I want to detect 2 points. With alpha 0.05 and 80% power I'd need about 9,500 per arm.")]
    [InlineData("At a 40% baseline, detecting a 5% relative lift takes roughly 10k users per group.")]
    [InlineData("To detect an MDE of 0.5pp on a baseline of 20% we'd need around 100,000 users per variant.")]
    [InlineData("The baseline is 10%, and a 5% relative lift means about 58,000 users per group, one-sided at 90% power.")]
    [InlineData("The current checkout rate is 3 percent. A lift to 3.3 percent is what we care about. That needs about 53,000 per arm.")]
    [InlineData("Baseline 40%, effect 2 points, so about 19,000 users in total.")]
    public void Sample_sizes_near_the_requirement_are_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.SampleSize).Note.Verdict);

    [Theory]
    [InlineData("Baseline is 40% and we want to detect 2 points, so 5,000 per arm.")]
    [InlineData("At a 5% conversion rate, detecting a 10% relative lift needs about 3,000 users per arm.")]
    [InlineData("At a 5% conversion rate, detecting a 10% relative lift needs about 300,000 users per arm.")]
    [InlineData("Baseline 10% and a 1 point MDE: about 1,000 users in each group at 90% power.")]
    public void Sample_sizes_far_from_the_requirement_are_wrong(string answer) =>
        Assert.True(Only(answer, ClaimKind.SampleSize).Note.Wrong);

    [Fact]
    public void An_unclear_percent_lift_is_read_both_ways_before_calling_a_size_wrong()
    {
        // 2 points at 40% needs ~9,500; 2% relative (0.8 points) needs ~59,000: either reading makes 10,000 or 60,000 fine.
        Assert.False(Only("Baseline 40%, we want to detect a 2% lift, so 10,000 per arm.", ClaimKind.SampleSize).Note.Wrong);
        Assert.False(Only("Baseline 40%, we want to detect a 2% lift, so 60,000 per arm.", ClaimKind.SampleSize).Note.Wrong);
        var wrong = Only("Baseline 40%, we want to detect a 2% lift, so 500 per arm.", ClaimKind.SampleSize).Note;
        Assert.True(wrong.Wrong);
        Assert.Contains("if you meant 2% relative", wrong.Explanation);
    }

    [Fact]
    public void Stated_alpha_and_power_change_the_requirement()
    {
        var loose = Only("Baseline 40%, detect 2 points at 80% power: 9,500 per arm.", ClaimKind.SampleSize);
        var strict = Only("Baseline 40%, detect 2 points at alpha 0.01 and 90% power: 9,500 per arm.", ClaimKind.SampleSize);
        Assert.False(loose.Note.Wrong);
        Assert.True(strict.Right[0] > 1.5 * loose.Right[0]);
        Assert.DoesNotContain("assumed", strict.Note.Explanation);
    }

    [Theory]
    [InlineData("With 5,000 per arm at a 30% baseline we can detect 3 points.")]
    [InlineData("With 1,000 users in each group the MDE is about 6 points at a 50% baseline.")]
    [InlineData("With 100,000 users per arm at a 10% baseline we could detect a 0.4 point change.")]
    public void Detectable_effects_within_reach_are_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.DetectableEffect).Note.Verdict);

    [Theory]
    [InlineData("With 5,000 per arm at a 30% baseline we can detect 1 point.")]
    [InlineData("With 1,000 users in each group we can detect a 2 point change at a 50% baseline.")]
    [InlineData("With 5,000 users per arm at a 30% baseline the MDE is 10 points.")]
    public void Detectable_effects_out_of_reach_or_overstated_are_wrong(string answer) =>
        Assert.True(Only(answer, ClaimKind.DetectableEffect).Note.Wrong);

    [Fact]
    public void The_detectable_effect_explanation_names_the_right_figure() =>
        Assert.Contains("about 2.6 points", Only("With 5,000 per arm at a 30% baseline we can detect 1 point.", ClaimKind.DetectableEffect).Note.Explanation);

    [Theory]
    [InlineData("We need 9,500 users per arm and get 2,000 eligible users a day, so it runs for 10 days.")]
    [InlineData("We need 20,000 users in total and get 20,000 eligible users a day, so we run it for two weeks.")]
    [InlineData("We ran 3 variants. Each arm needs 4,000 users and we get 1,000 a day, so it takes 12 days.")]
    [InlineData("About 60,000 users per arm. We get 10,000 users a day and send 50% of traffic to the test. So three weeks.")]
    public void Durations_matching_the_traffic_are_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.Duration).Note.Verdict);

    [Theory]
    [InlineData("We need 200,000 users in total and get 20,000 eligible users a day, so one day is enough.")]
    [InlineData("We need 50,000 users per arm and get 1,000 users a day, so two weeks.")]
    [InlineData("We need 2,000 users per arm and get 10,000 users a day, so we run it for 6 weeks.")]
    public void Durations_off_by_more_than_twice_are_wrong(string answer) =>
        Assert.True(Only(answer, ClaimKind.Duration).Note.Wrong);

    [Fact]
    public void Traffic_per_arm_counts_once_for_each_arm()
    {
        var claim = Only("We need roughly 40k per arm, which at 5k users a day per arm is 8 days.", ClaimKind.Duration);
        Assert.False(claim.Note.Wrong);
        Assert.Equal(8, claim.Right[0], 9);
    }

    [Fact]
    public void A_size_without_an_effect_is_unchecked_once()
    {
        var notes = NumberChecker.Check("Our baseline is 40%. We need 9,500 users per arm to detect it. Then 9,500 per arm again with 80% power.");
        Assert.Single(notes, n => n.Verdict == CheckedClaim.Unchecked);
    }
}

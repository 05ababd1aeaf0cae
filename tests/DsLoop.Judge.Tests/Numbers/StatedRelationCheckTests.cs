using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class StatedRelationCheckTests
{
    private static CheckedClaim Only(string answer, ClaimKind kind)
    {
        var claims = NumberChecker.Examine(answer).Where(c => c.Kind == kind).ToList();
        Assert.True(claims.Count == 1, $"{claims.Count} {kind} claims in: {answer}");
        return claims[0];
    }

    [Theory]
    [InlineData("The lift is 1.2 points and the 95% confidence interval goes from 0.2 to 2.2 points, so p is about 0.02.")]
    [InlineData("Signups rose 3% with p below 0.01. The 95% CI runs from 1% to 5%.")]
    [InlineData("The estimate is 0.8 points with a 95% CI of 0.1 to 1.5 points. That gives a p-value around 0.03.")]
    public void An_interval_and_a_p_value_that_agree_are_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.IntervalPValue).Note.Verdict);

    [Theory]
    [InlineData("The lift is 1.2 points and the 95% confidence interval goes from 0.2 to 2.2 points, so p is about 0.2, not significant.")]
    [InlineData("Revenue per user went up with p = 0.09. The 95% interval is 1.0% to 4.0%, so it excludes zero.")]
    [InlineData("The estimate is 0.8 points with a 95% CI of 0.6 to 1.0 points, a p-value of roughly 0.04.")]
    public void A_p_value_the_interval_contradicts_is_wrong(string answer)
    {
        var claim = Only(answer, ClaimKind.IntervalPValue);
        Assert.True(claim.Note.Wrong, claim.Note.Explanation);
    }

    [Fact]
    public void An_interval_on_a_ratio_scale_is_not_read_against_zero() =>
        Assert.DoesNotContain(NumberChecker.Examine("The odds ratio is 1.3 with a 95% CI of 1.1 to 1.5, p = 0.002."), c => c.Kind == ClaimKind.IntervalPValue);

    [Theory]
    [InlineData("With a pre-period correlation of 0.6, CUPED removes about 36% of the variance.")]
    [InlineData("The covariate has a correlation of 0.7 with the metric. That leaves roughly 51% of the original variance, so we need about half the users.")]
    [InlineData("A correlation of 0.5 cuts the variance by 25%.")]
    [InlineData("Last quarter's spend correlates with this quarter's at 0.8, so the variance falls by about 64%.")]
    [InlineData("With a correlation of 0.9 the variance goes down by 81%, since it falls by 0.9 squared.")]
    public void A_variance_reduction_that_matches_the_correlation_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.VarianceReduction).Note.Verdict);

    [Theory]
    [InlineData("With a pre-period correlation of 0.6, CUPED removes about 60% of the variance.")]
    [InlineData("The covariate has a correlation of 0.3 with spend. That leaves roughly 30% of the original variance, so the test can be three times shorter.")]
    [InlineData("A correlation of 0.5 cuts the variance by 50%.")]
    [InlineData("Last quarter's spend correlates with this quarter's at 0.8, so the variance falls by about 80%.")]
    public void A_variance_reduction_read_as_the_correlation_itself_is_wrong(string answer)
    {
        var claim = Only(answer, ClaimKind.VarianceReduction);
        Assert.True(claim.Note.Wrong, claim.Note.Explanation);
    }

    [Theory]
    [InlineData("If we doubled the sample, the margin of error would go from 2 points to about 1.4 points.")]
    [InlineData("With 9 times as many users, the standard error falls from 0.6 to 0.2.")]
    [InlineData("With four times more traffic the half-width shrinks from 1.2% to 0.6%.")]
    public void A_width_that_shrinks_with_the_root_of_the_sample_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.WidthScaling).Note.Verdict);

    [Theory]
    [InlineData("If we doubled the sample, the margin of error would go from 2 points to about 1 point.")]
    [InlineData("With 9 times as many users, the standard error falls from 0.6 to 0.067.")]
    [InlineData("With four times more traffic the half-width shrinks from 1.2% to 0.3%.")]
    public void A_width_shrunk_in_proportion_to_the_sample_is_wrong(string answer)
    {
        var claim = Only(answer, ClaimKind.WidthScaling);
        Assert.True(claim.Note.Wrong, claim.Note.Explanation);
    }

    [Fact]
    public void An_srm_call_is_checked_against_arm_counts_given_in_the_sentence_before()
    {
        var wrong = Only("Control got 251,000 users and treatment 245,000. On a 50/50 split that is just noise, no SRM.", ClaimKind.SampleRatio);
        var right = Only("Control got 10,040 users and treatment 9,960. The split looks fine.", ClaimKind.SampleRatio);
        Assert.True(wrong.Note.Wrong, wrong.Note.Explanation);
        Assert.Equal(CheckedClaim.Consistent, right.Note.Verdict);
    }

    [Fact]
    public void An_srm_call_is_checked_against_an_arm_share_of_a_stated_total()
    {
        var wrong = Only("Control ended up with 50.3% of users rather than 50%. Across 400,000 users that split is fine.", ClaimKind.SampleRatio);
        var right = Only("Control ended up with 50.3% of users rather than 50%. Across 10,000 users that split is fine.", ClaimKind.SampleRatio);
        Assert.True(wrong.Note.Wrong, wrong.Note.Explanation);
        Assert.Equal(CheckedClaim.Consistent, right.Note.Verdict);
    }

    [Fact]
    public void Counts_before_an_srm_call_far_from_the_split_are_not_taken_as_arms() =>
        Assert.DoesNotContain(NumberChecker.Examine("We had 40,000 visitors and 1,200 orders. The split looks fine."), c => c.Kind == ClaimKind.SampleRatio);
}

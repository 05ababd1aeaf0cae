using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class ReadoutCheckTests
{
    private static CheckedClaim Only(string answer, ClaimKind kind)
    {
        var claims = NumberChecker.Examine(answer).Where(c => c.Kind == kind).ToList();
        Assert.True(claims.Count == 1, $"{claims.Count} {kind} claims in: {answer}");
        return claims[0];
    }

    [Theory]
    [InlineData("Control converted 480 out of 10,000 and treatment 540 out of 10,000, p = 0.054, so not significant.")]
    [InlineData("Control converted 480 out of 10,000 and treatment 540 out of 10,000. The p-value is about 0.05, so it is not significant.")]
    [InlineData("Control had 200 of 1,000 and treatment 250 of 1,000, p < 0.05, so significant.")]
    [InlineData("Control had 200 of 1,000 and treatment 250 of 1,000. That difference is statistically significant.")]
    [InlineData("Control had 3,000 of 50,000 and treatment 3,300 of 50,000; p < 0.001.")]
    public void Right_p_values_and_calls_are_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.Significance).Note.Verdict);

    [Theory]
    [InlineData("Control converted 480 out of 10,000 and treatment 540 out of 10,000, p = 0.01, so it is significant.")]
    [InlineData("Control had 200 of 1,000 and treatment 250 of 1,000, so it is not significant.")]
    [InlineData("Control had 200 of 1,000 and treatment 250 of 1,000, p = 0.2.")]
    [InlineData("Control had 100 of 1,000 and treatment 110 of 1,000, p < 0.05.")]
    public void Wrong_p_values_and_calls_are_wrong(string answer) =>
        Assert.True(Only(answer, ClaimKind.Significance).Note.Wrong);

    [Fact]
    public void Counts_given_as_rates_of_arm_sizes_are_checked_with_the_call_in_the_next_sentence()
    {
        var right = Only("Control converted at 10% on 5,000 users, treatment at 11% on 5,000 users. So p is around 0.1, not significant.", ClaimKind.Significance);
        var wrong = Only("Control converted at 10% on 5,000 users, treatment at 11% on 5,000 users. So p is 0.001, clearly significant.", ClaimKind.Significance);
        Assert.Equal(CheckedClaim.Consistent, right.Note.Verdict);
        Assert.True(wrong.Note.Wrong);
        Assert.Contains("500 of 5,000", wrong.Note.Claim);
    }

    [Fact]
    public void The_significance_explanation_gives_the_computed_p() =>
        Assert.Contains("p = 0.054", Only("Control 480 of 10,000, treatment 540 of 10,000, p = 0.01.", ClaimKind.Significance).Note.Explanation);

    [Theory]
    [InlineData("We saw 480 of 10,000 convert, 4.8% with a 95% CI of 4.4% to 5.2%.")]
    [InlineData("We saw 480 of 10,000 convert, so 4.8% plus or minus 0.4%.")]
    [InlineData("120 out of 1,000 converted; the 95% confidence interval is [0.10, 0.14].")]
    [InlineData("Control had 480 of 10,000 and treatment 560 of 10,000; the difference has a 95% confidence interval of 0.2 to 1.4 points.")]
    public void Right_intervals_are_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.Interval).Note.Verdict);

    [Theory]
    [InlineData("We saw 480 of 10,000 convert, 4.8% with a 95% CI of 3% to 6.6%.")]
    [InlineData("We saw 480 of 10,000 convert, 4.8% with a 95% CI of 4.7% to 4.9%.")]
    [InlineData("Control had 480 of 10,000 and treatment 560 of 10,000; the 95% CI of the difference is 0.6 to 1.0 points.")]
    public void Wrong_intervals_are_wrong(string answer) =>
        Assert.True(Only(answer, ClaimKind.Interval).Note.Wrong);

    [Theory]
    [InlineData("Assignment came out 10,021 in control and 9,979 in treatment, which is fine.")]
    [InlineData("We got 9,030 in control and 970 in treatment on a 90/10 split, so no SRM.")]
    [InlineData("Assignment came out 10,321 in control and 9,679 in treatment: a sample ratio mismatch.")]
    [InlineData("The split was 50,400 versus 49,600, which is within noise for a 50/50 test.")]
    public void Right_sample_ratio_calls_are_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.SampleRatio).Note.Verdict);

    [Theory]
    [InlineData("Assignment came out 10,321 in control and 9,679 in treatment, which is fine.")]
    [InlineData("We got 10,021 in control and 9,979 in treatment, so there is a sample ratio mismatch.")]
    [InlineData("We got 8,890 in control and 1,110 in treatment on a 90/10 split, which is acceptable.")]
    public void Wrong_sample_ratio_calls_are_wrong(string answer) =>
        Assert.True(Only(answer, ClaimKind.SampleRatio).Note.Wrong);
}

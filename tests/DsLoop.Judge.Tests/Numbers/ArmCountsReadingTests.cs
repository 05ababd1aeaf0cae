using DsLoop.Judge.Numbers;
using static DsLoop.Judge.Tests.Numbers.Claims;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class ArmCountsReadingTests
{
    [Theory]
    [InlineData("The treatment arm had 10,000 searchers with 1,150 bookings and control had 10,000 with 1,100 bookings. That's a 4.5% relative lift with a p-value of about 0.01, so it was a clear win.")]
    [InlineData("The holdout had 2,000 checkout starts with 1,040 orders, and the new page had 2,000 starts with 940 orders. Running a two-proportion test, the p-value comes out around 0.25, so it's not significant.")]
    [InlineData("We saw 1,040 orders from 2,000 starts in control and 940 orders from 2,000 starts in treatment, which is not significant.")]
    public void Counts_said_as_units_with_outcomes_are_checked(string answer)
    {
        var claim = Only(answer, ClaimKind.Significance);
        Assert.True(claim.Note.Wrong, claim.Note.Explanation);
    }

    [Theory]
    [InlineData("The treatment arm had 10,000 searchers with 1,150 bookings and control had 10,000 with 1,100 bookings, a p-value of about 0.26, not significant.")]
    [InlineData("The holdout had 2,000 checkout starts with 1,040 orders and the new page had 2,000 starts with 940 orders. The p-value comes out around 0.002, so it is significant.")]
    public void Right_readouts_from_units_with_outcomes_are_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.Significance).Note.Verdict);

    [Fact]
    public void Control_is_put_first_when_the_words_name_the_arms()
    {
        var claim = Only("The treatment arm had 10,000 searchers with 1,150 bookings and control had 10,000 with 1,100 bookings, p = 0.26.", ClaimKind.Significance);
        Assert.StartsWith("1,100 of 10,000", claim.Note.Claim);
    }
}

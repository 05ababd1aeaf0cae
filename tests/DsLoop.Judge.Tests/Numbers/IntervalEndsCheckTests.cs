using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class IntervalEndsCheckTests
{
    [Theory]
    [InlineData("The lift is 2.0% plus or minus about 3 points. For the launch I'd compare the low end, -1.0%, with the break-even lift.")]
    [InlineData("We measured 4.2% ± 1.5 points, so the lower bound of the interval is about 2.7%.")]
    [InlineData("Revenue per user moved 1.8 plus or minus 0.6, and 2.4 is the upper bound.")]
    [InlineData("The estimate is 3% give or take 2 points. The high end is 5%.")]
    public void An_end_that_is_the_estimate_minus_or_plus_the_margin_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Claims.Only(answer, ClaimKind.Interval).Note.Verdict);

    [Theory]
    [InlineData("Here we have 2.0% plus or minus about 3 points, which is fairly wide. For the launch decision I'd compare the low end, 0.5%, with the smallest lift that would pay.")]
    [InlineData("We measured 4.2% ± 1.5 points, so the lower bound of the interval is about 3.5%.")]
    [InlineData("The estimate is 3% give or take 2 points. The high end is 8%.")]
    public void An_end_that_does_not_follow_from_the_margin_is_wrong(string answer)
    {
        var note = Claims.Only(answer, ClaimKind.Interval).Note;
        Assert.True(note.Wrong, note.Explanation);
    }

    [Fact]
    public void The_explanation_gives_the_right_end()
    {
        var note = Claims.Only("Here we have 2.0% plus or minus about 3 points. I'd compare the low end, 0.5%, with the cost.", ClaimKind.Interval).Note;

        Assert.Contains("-1", note.Explanation, StringComparison.Ordinal);
        Assert.Contains("not 0.5%", note.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The low end of the price range is $20.")]
    [InlineData("The lift is 2% plus or minus 3 points. Budget's low end is 400 users a day.")]
    public void An_end_without_a_margin_on_the_same_scale_is_no_claim(string answer) =>
        Claims.None(answer, ClaimKind.Interval);
}

using DsLoop.Judge.Numbers;
using static DsLoop.Judge.Tests.Numbers.Claims;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class RateIntervalCheckTests
{
    private const string Arms = "Each arm had 400,000 visitors, and purchase rate was 2.00% in control against 2.02% with the carousel. ";

    [Theory]
    [InlineData(Arms + "The 95% interval on the difference is roughly plus or minus 0.01 percentage points, a very precise null.")]
    [InlineData(Arms + "The confidence interval on the difference is ± 0.2 points.")]
    [InlineData("With 20,000 users per arm, 10% in control versus 11% in treatment, the 95% CI on the difference is about plus or minus 2 points.")]
    public void A_half_width_far_from_the_rates_and_sizes_is_wrong(string answer)
    {
        var claim = Only(answer, ClaimKind.Interval);
        Assert.True(claim.Note.Wrong, claim.Note.Explanation);
    }

    [Theory]
    [InlineData(Arms + "The 95% interval on the difference is roughly plus or minus 0.06 percentage points, so it is a precise null.")]
    [InlineData(Arms + "The 95% interval on the difference runs from -0.04 to 0.08 points.")]
    [InlineData("With 20,000 users per arm, 10% in control versus 11% in treatment, the 95% CI on the difference is about plus or minus 0.6 points.")]
    public void A_half_width_that_fits_the_rates_and_sizes_is_consistent(string answer)
    {
        var claim = Only(answer, ClaimKind.Interval);
        Assert.Equal(CheckedClaim.Consistent, claim.Note.Verdict);
    }

    [Fact]
    public void The_half_width_is_the_wald_one() =>
        Assert.InRange(Only(Arms + "The 95% interval on the difference is plus or minus 0.06 points.", ClaimKind.Interval).Right[0], 0.00060, 0.00062);

    [Fact]
    public void A_relative_half_width_is_not_read_as_points() =>
        None(Arms + "The 95% interval on the difference is plus or minus 3% relative.", ClaimKind.Interval);
}

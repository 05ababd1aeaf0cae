using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class OneSidedCheckTests
{
    [Theory]
    [InlineData("A one-sided test at 80% power gets by with roughly 21% fewer users.")]
    [InlineData("Going one-tailed trims the sample by about 20%, because only the upper tail counts.")]
    [InlineData("With a one-sided alternative we need about 79% of the users the two-sided plan needs.")]
    [InlineData("Power stays at 90%. One-sided, that is about 18% fewer visitors.")]
    public void A_saving_near_the_z_ratio_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Claims.Only(answer, ClaimKind.OneSidedSample).Note.Verdict);

    [Theory]
    [InlineData("A one-sided test needs half as many users, which is the whole appeal.")]
    [InlineData("Switching to one-sided cuts the sample size in half at the same power.")]
    [InlineData("One-tailed, the test would need about 40% fewer users.")]
    [InlineData("A one-sided design would need only 55% of the sample.")]
    public void A_saving_of_about_half_is_wrong(string answer) =>
        Assert.True(Claims.Only(answer, ClaimKind.OneSidedSample).Note.Wrong);

    [Fact]
    public void A_share_of_users_without_a_one_sided_test_is_no_claim() =>
        Claims.None("The new flow needs half as many users to reach support.", ClaimKind.OneSidedSample);
}

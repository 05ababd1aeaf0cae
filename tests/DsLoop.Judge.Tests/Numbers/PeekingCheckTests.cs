using DsLoop.Judge.Numbers;
using static DsLoop.Judge.Tests.Numbers.Claims;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class PeekingCheckTests
{
    [Theory]
    [InlineData("If the PM checks every morning of a two-week test, that's 14 looks, and the overall false-positive rate goes from 5% to about 6%.")]
    [InlineData("Peeking at 10 interim looks only pushes the type I error to about 7%.")]
    [InlineData("If we peek every day for 14 days, the chance of a false positive stays at about 5%.")]
    [InlineData("With 5 looks the family-wise false positive rate rises to roughly 40%.")]
    [InlineData("Peeking at the results 10 times pushes the false positive rate to about 6%.")]
    public void An_overall_rate_far_from_the_repeated_looks_one_is_wrong(string answer)
    {
        var claim = Only(answer, ClaimKind.Peeking);
        Assert.True(claim.Note.Wrong, claim.Note.Explanation);
    }

    [Theory]
    [InlineData("If the PM checks every morning of a two-week test, that's 14 looks, and the overall false-positive rate goes from 5% to about 22%.")]
    [InlineData("Suppose an A/A test is checked at five equally spaced points; the chance that p dips below 0.05 at some look is about 14%, and with 20 looks it is about 25%.")]
    [InlineData("With 10 looks the false positive rate is closer to 20% than 5%.")]
    [InlineData("Peeking at the results 10 times pushes the false positive rate to about 19%.")]
    [InlineData("If you check daily for 30 days, the false positive rate climbs to about 30%.")]
    public void An_overall_rate_near_the_repeated_looks_one_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.Peeking).Note.Verdict);

    [Fact]
    public void A_corrected_design_that_keeps_the_rate_at_alpha_is_not_checked() =>
        None("With an O'Brien-Fleming boundary over 5 looks, the overall false positive rate stays at 5%.", ClaimKind.Peeking);

    [Theory]
    [InlineData(1, 0.0500)]
    [InlineData(2, 0.0831)]
    [InlineData(5, 0.1423)]
    [InlineData(14, 0.2198)]
    [InlineData(20, 0.2483)]
    public void Repeated_looks_match_the_published_rates(int looks, double rate) =>
        Assert.InRange(DsLoop.Stats.Design.InterimLooks.FalsePositiveRate(looks, 0.05), rate - 0.002, rate + 0.002);
}

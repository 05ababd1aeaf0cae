using DsLoop.Judge.Numbers;
using static DsLoop.Judge.Tests.Numbers.Claims;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class DesignEffectCheckTests
{
    private const string Setup = "With four sessions per user and a within-user correlation of 0.1, the design effect is 1 + 3 × 0.1 = 1.3";

    [Theory]
    [InlineData(Setup + ", so the standard error is 1.3 squared, about 1.69 times the naive one.")]
    [InlineData(Setup + ". The analyst's z of 2.58 becomes about 1.5, a p of about 0.13.")]
    [InlineData("With 10 visits per user and an ICC of 0.05, the design effect is 1.9.")]
    [InlineData("A design effect of 2 inflates the standard error by a factor of 2.")]
    [InlineData("A design effect of 2, so the variance is about 1.41 times the naive one.")]
    public void Figures_off_the_design_effect_are_wrong(string answer)
    {
        var claims = NumberChecker.Examine(answer).Where(c => c.Kind == ClaimKind.DesignEffect).ToList();
        Assert.NotEmpty(claims);
        Assert.True(claims[^1].Note.Wrong, claims[^1].Note.Explanation);
    }

    [Theory]
    [InlineData(Setup + ", so the standard error is about 1.14 times the naive one.")]
    [InlineData(Setup + ". The analyst's z of 2.58 becomes about 2.26.")]
    [InlineData("With 10 visits per user and an ICC of 0.05, the design effect is 1.45.")]
    [InlineData("A design effect of 2 inflates the standard error by about 1.41.")]
    [InlineData("With 5 observations per user and an intraclass correlation of 0.3 the design effect is 2.2, so the variance is 2.2 times larger and the standard error grows by about 1.48 times.")]
    public void Figures_that_follow_from_the_design_effect_are_consistent(string answer)
    {
        var claims = NumberChecker.Examine(answer).Where(c => c.Kind == ClaimKind.DesignEffect).ToList();
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Equal(CheckedClaim.Consistent, c.Note.Verdict));
    }

    [Fact]
    public void The_z_claim_gives_the_shrunk_z()
    {
        var claim = Only(Setup + ". The analyst's z of 2.58 becomes about 1.5.", ClaimKind.DesignEffect, "a z of");
        Assert.InRange(claim.Right[0], 2.25, 2.27);
        Assert.Contains("2.26", claim.Note.Explanation);
    }
}

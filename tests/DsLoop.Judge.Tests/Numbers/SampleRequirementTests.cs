using DsLoop.Judge.Numbers;
using static DsLoop.Judge.Tests.Numbers.Claims;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class SampleRequirementTests
{
    [Theory]
    [InlineData("For a 2 point absolute lift from 40% to 42%, alpha 0.05 two-sided and 80% power comes to about 19,000 users per arm.")]
    [InlineData("Detecting 2 points at a 40% baseline needs about 19,000 per arm.")]
    [InlineData("At 80% power and alpha 0.05, a move from 10% to 12% requires roughly 7,700 users in each group.")]
    public void A_stated_need_of_twice_the_requirement_is_wrong(string answer)
    {
        var claim = Only(answer, ClaimKind.SampleSize);
        Assert.True(claim.Note.Wrong, claim.Note.Explanation);
    }

    [Fact]
    public void The_explanation_says_when_the_stated_need_is_the_total()
    {
        var claim = Only("Detecting 2 points at a 40% baseline with 80% power needs about 19,000 users per arm.", ClaimKind.SampleSize);
        Assert.Contains("about 9,500 per arm", claim.Note.Explanation);
        Assert.Contains("total", claim.Note.Explanation);
    }

    [Theory]
    [InlineData("Detecting 2 points at a 40% baseline needs about 9,500 per arm.")]
    [InlineData("Detecting 2 points at a 40% baseline needs about 12,000 per arm.")]
    [InlineData("Detecting 2 points at a 40% baseline needs about 19,000 users.")]
    [InlineData("Detecting 2 points at a 40% baseline needs about 9,500 per arm, but I'd run 19,000 per arm to be safe.")]
    [InlineData("To detect 2 points at a 40% baseline I'd run 19,000 per arm anyway.")]
    [InlineData("With 20,000 per arm we can detect 2 points at a 40% baseline.")]
    public void A_need_near_the_requirement_or_a_plan_that_takes_more_on_purpose_is_not_wrong(string answer) =>
        Assert.DoesNotContain(NumberChecker.Examine(answer), c => c.Note.Wrong);

    [Fact]
    public void A_size_corrected_for_several_comparisons_is_not_held_to_the_uncorrected_need() =>
        Assert.DoesNotContain(NumberChecker.Examine("We compare two variants with a Bonferroni correction. Detecting 2 points at a 40% baseline needs about 15,000 per arm."), c => c.Note.Wrong);
}

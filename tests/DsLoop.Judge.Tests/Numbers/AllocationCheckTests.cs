using DsLoop.Judge.Numbers;
using static DsLoop.Judge.Tests.Numbers.Claims;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class AllocationCheckTests
{
    [Theory]
    [InlineData("If the team will only give the new flow 10% of sign-ups, then detecting 2 points on 40% at alpha 0.05 and 80% power needs about 5,300 in treatment and 47,000 in control, so roughly 53,000 sign-ups.")]
    [InlineData("To detect 2 points at a 40% baseline with 80% power on a 10/90 split, control needs about 47,000 and treatment about 5,300.")]
    [InlineData("With only a fifth of traffic in the variant, detecting a lift from 10% to 12% needs about 2,400 in the treatment group and 9,600 in the control group.")]
    public void Unequal_arms_sized_at_their_ratio_are_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.SampleSize).Note.Verdict);

    [Theory]
    [InlineData("If the new flow gets 10% of sign-ups, detecting 2 points on 40% at alpha 0.05 and 80% power needs about 1,500 in treatment and 13,500 in control.")]
    [InlineData("To detect 2 points at a 40% baseline with 80% power, control needs about 4,700 and treatment about 530.")]
    public void Unequal_arms_far_below_the_requirement_are_wrong(string answer)
    {
        var claim = Only(answer, ClaimKind.SampleSize);
        Assert.True(claim.Note.Wrong, claim.Note.Explanation);
        Assert.Contains("in control", claim.Note.Explanation);
    }

    [Fact]
    public void The_treatment_arm_is_sized_with_statsmodels_ratio_convention()
    {
        var claim = Only("Detecting 2 points on 40% at alpha 0.05 and 80% power needs about 5,300 in treatment and 47,000 in control.", ClaimKind.SampleSize);
        Assert.InRange(claim.Right[0], 5_200, 5_400);
    }

    [Fact]
    public void Arm_counts_in_a_sentence_about_the_split_are_left_to_the_sample_ratio_check()
    {
        None("We got 9,030 in control and 970 in treatment on a 90/10 split, so no SRM.", ClaimKind.SampleSize);
        Assert.Equal(CheckedClaim.Consistent, Only("We got 9,030 in control and 970 in treatment on a 90/10 split, so no SRM.", ClaimKind.SampleRatio).Note.Verdict);
    }
}

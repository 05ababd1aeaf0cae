using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class MultipleTestingCheckTests
{
    [Theory]
    [InlineData("We read 25 guardrail metrics, and a Bonferroni correction puts each one at 0.05/25 = 0.002.")]
    [InlineData("With 10 comparisons the corrected threshold is 0.005 per comparison, which is 0.05 over 10.")]
    [InlineData("There are 50 hypotheses in the plan. Bonferroni would set the bar at 0.001 for each.")]
    public void A_cutoff_of_alpha_over_m_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Claims.Only(answer, ClaimKind.MultipleTesting).Note.Verdict);

    [Theory]
    [InlineData("We read 25 guardrail metrics, and a Bonferroni correction puts each one at 0.05/25 = 0.02.")]
    [InlineData("With 200 comparisons, Bonferroni splits 0.05 across 200, so the cut-off is 0.0025.")]
    [InlineData("There are 50 hypotheses in the plan. Bonferroni would set the bar at 0.01 for each.")]
    public void A_cutoff_off_by_a_factor_of_ten_is_wrong(string answer) =>
        Assert.True(Claims.Only(answer, ClaimKind.MultipleTesting).Note.Wrong);

    [Fact]
    public void A_p_value_in_the_sentence_is_not_taken_for_alpha_or_the_cutoff() =>
        Assert.Equal(CheckedClaim.Consistent, Claims.Only("Across 20 segments Bonferroni gives a threshold of 0.0025, so p = 0.01 does not clear it.", ClaimKind.MultipleTesting).Note.Verdict);

    [Theory]
    [InlineData("We cut the readout by 14 markets. At 0.05 apiece, the odds that at least one market looks like a winner by chance are about 51%.")]
    [InlineData("If you test 5 variants against control at 0.05, the probability of one or more false positives is roughly 23%.")]
    [InlineData("Eleven cities times four device types is 44 slices, and the chance that at least one clears 0.05 with nothing going on is close to 90%.")]
    public void A_chance_of_at_least_one_false_positive_near_the_truth_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Claims.Only(answer, ClaimKind.MultipleTesting).Note.Verdict);

    [Theory]
    [InlineData("We cut the readout by 14 markets. At 0.05 apiece, the odds that at least one market looks like a winner by chance are about 15%.")]
    [InlineData("If you test 5 variants against control at 0.05, the probability of one or more false positives is roughly 5%.")]
    [InlineData("With 100 segments at 0.05, there's a 40% chance at least one is significant by luck.")]
    public void A_chance_of_at_least_one_false_positive_far_from_the_truth_is_wrong(string answer) =>
        Assert.True(Claims.Only(answer, ClaimKind.MultipleTesting).Note.Wrong);

    [Theory]
    [InlineData("Screening 120 metrics at 0.05, we should expect about 6 false positives even with no effect.", false)]
    [InlineData("Screening 120 metrics at 0.05, we should expect about 20 false positives even with no effect.", true)]
    [InlineData("With 40 tests at the 0.1 level we expect roughly 4 spurious hits from noise.", false)]
    public void Expected_false_positives_are_m_times_alpha(string answer, bool wrong) =>
        Assert.Equal(wrong, Claims.Only(answer, ClaimKind.MultipleTesting).Note.Wrong);

    [Theory]
    [InlineData("If the PM checks the dashboard at 10 looks, the chance of a false positive is about 19%.")]
    [InlineData("We have 30 metrics and report each with a 95% confidence interval.")]
    public void Peeking_and_plain_counts_are_no_multiple_testing_claim(string answer) =>
        Claims.None(answer, ClaimKind.MultipleTesting);
}

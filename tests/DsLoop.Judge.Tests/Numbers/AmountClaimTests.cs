using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class AmountClaimTests
{
    private static CheckedClaim Only(string answer, string fragment) => Claims.Only(answer, ClaimKind.Arithmetic, fragment);

    [Theory]
    [InlineData("The seed round priced the company at 80 million. A 0.25% stake is about 200 thousand on paper.")]
    [InlineData("Marketplace sales run about $2.4M a quarter. At a 12% commission that's roughly $290K a quarter for us.")]
    [InlineData("Refund rate today sits near 4.0 per hundred orders, and a 10% rise, which on a base of 4.0 is 0.4, is our limit.")]
    public void A_share_of_a_whole_said_earlier_that_adds_up_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, "%").Note.Verdict);

    [Theory]
    [InlineData("The seed round priced the company at 80 million. A 0.25% stake is about 20 thousand on paper.", "200,000")]
    [InlineData("Marketplace sales run about $2.4M a quarter. At a 12% commission that's roughly $29K a quarter for us.", "$288,000")]
    [InlineData("Refund rate today sits near 4.0 per hundred orders, and a 10% rise, which on a base of 4.0 is 2, is our limit.", "0.4")]
    public void A_share_of_a_whole_said_earlier_that_is_off_is_wrong_and_gives_the_right_figure(string answer, string right)
    {
        var note = Only(answer, "%").Note;
        Assert.True(note.Wrong);
        Assert.Contains(right, note.Explanation);
    }

    [Fact]
    public void A_share_with_no_whole_in_reach_is_not_a_claim() =>
        Claims.None("Our take rate is about 15%, which is $3 on a typical order.", ClaimKind.Arithmetic);

    [Theory]
    [InlineData("Each backfill reads 15 TB, and at $5 per terabyte ten runs is about $750.")]
    [InlineData("Each backfill reads 15 TB, and at $5 per terabyte one pass costs about $75.")]
    [InlineData("We send 200,000 messages a week at $0.01 per message, so that's about $2,000 a week.")]
    public void A_unit_price_times_a_quantity_that_adds_up_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, "per").Note.Verdict);

    [Theory]
    [InlineData("Each backfill reads 15 TB, and at $5 per terabyte ten runs is about $7,500.", "$750")]
    [InlineData("Scanning 25 TB at $6 per TB, a dozen reruns comes to roughly $18,000.", "$1,800")]
    public void A_unit_price_times_a_quantity_that_is_off_is_wrong(string answer, string right)
    {
        var note = Only(answer, "per").Note;
        Assert.True(note.Wrong);
        Assert.Contains(right, note.Explanation);
    }

    [Theory]
    [InlineData("The enterprise cohort opened the year at $8.0M and closed it at $9.2M, a net revenue retention of 115%.")]
    [InlineData("Starting from $40M of ARR, cancellations cost $2M and downgrades another $2.8M, so revenue churn is roughly 12%.")]
    [InlineData("Starting from $40M of ARR we lost $4.8M. With $6M of expansion, net retention comes to 103%.")]
    public void A_rate_made_of_stated_amounts_that_adds_up_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Claims.Only(answer, ClaimKind.Arithmetic).Note.Verdict);

    [Theory]
    [InlineData("The enterprise cohort opened the year at $8.0M and closed it at $9.2M, a net revenue retention of 125%.", "115%")]
    [InlineData("Starting from $40M of ARR, cancellations cost $2M and downgrades another $2.8M, so revenue churn is roughly 9%.", "12%")]
    public void A_rate_made_of_stated_amounts_that_is_off_is_wrong(string answer, string right)
    {
        var note = Claims.Only(answer, ClaimKind.Arithmetic).Note;
        Assert.True(note.Wrong);
        Assert.Contains(right, note.Explanation);
    }

    [Theory]
    [InlineData("The offer is 170 base with a 10% target bonus and about 30 thousand a year in RSUs, so around 217 in total.")]
    [InlineData("I'm aiming for a base salary of 150 thousand. With a 15% bonus and a grant worth 25 thousand a year, total compensation comes to about 197.")]
    public void A_compensation_total_that_adds_up_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, "total").Note.Verdict);

    [Theory]
    [InlineData("The offer is 170 base with a 10% target bonus and about 30 thousand a year in RSUs, so around 200 in total.", "217")]
    [InlineData("I'm aiming for a base salary of 150 thousand. With a 15% bonus and a grant worth 25 thousand a year, total compensation comes to about 185.", "197.5")]
    public void A_compensation_total_that_misses_a_part_is_wrong(string answer, string right)
    {
        var note = Only(answer, "total").Note;
        Assert.True(note.Wrong);
        Assert.Contains(right, note.Explanation);
    }

    [Fact]
    public void A_compensation_total_with_an_unpriced_part_is_not_checked() =>
        Claims.None("The offer is 170 base with a 10% target bonus plus equity, so around 240 in total.", ClaimKind.Arithmetic);

    [Theory]
    [InlineData("Suppose we auto-approve 40% of the 5,000 weekly refund requests at 98% accuracy; we'd get about 40 of them wrong.")]
    [InlineData("If the bot closes 50% of our 8,000 daily chats with 90% resolution, that leaves about 400 reopened.")]
    public void A_chain_of_two_shares_that_adds_up_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, " at ").Note.Verdict);

    [Theory]
    [InlineData("Suppose we auto-approve 40% of the 5,000 weekly refund requests at 98% accuracy; we'd get about 4 of them wrong.", "40")]
    [InlineData("If the bot closes 50% of our 8,000 daily chats with 90% resolution, that leaves about 1,500 reopened.", "400")]
    public void A_chain_of_two_shares_that_is_off_is_wrong(string answer, string right)
    {
        var note = Only(answer, " at ").Note;
        Assert.True(note.Wrong);
        Assert.Contains(right, note.Explanation);
    }

    [Theory]
    [InlineData("Take a $20 monthly plan with yearly billing at 10% off, now 20% off, while yearly's share of sign-ups moved from 40% to 60%: average revenue per sign-up drops about 8%.", false)]
    [InlineData("Take a $20 monthly plan with yearly billing at 10% off, now 20% off, while yearly's share of sign-ups moved from 40% to 60%: average revenue per sign-up drops about 1%.", true)]
    public void A_mix_shift_between_plans_is_checked_against_the_average_price(string answer, bool wrong)
    {
        var note = Only(answer, "average revenue").Note;
        Assert.Equal(wrong, note.Wrong);
        Assert.Contains("$19.2", note.Explanation);
    }
}

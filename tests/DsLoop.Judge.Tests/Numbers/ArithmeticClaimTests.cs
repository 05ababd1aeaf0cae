using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class ArithmeticClaimTests
{
    private static List<CheckedClaim> Arithmetic(string answer) =>
        [.. NumberChecker.Examine(answer).Where(c => c.Kind is ClaimKind.Arithmetic or ClaimKind.Lift)];

    private static CheckedClaim Only(string answer)
    {
        var claims = Arithmetic(answer);
        Assert.True(claims.Count == 1, $"{claims.Count} arithmetic claims in: {answer}");
        return claims[0];
    }

    [Theory]
    [InlineData("The site does about $1.2 billion a year, and a 0.03% relative lift in conversion on that is roughly $360,000 a year.")]
    [InlineData("Of the 800 that don't work, 0.05 of them would be 40 false positives.")]
    [InlineData("About 12% of our 40,000 accounts churn each year, which is roughly 4,800 accounts.")]
    [InlineData("If 30% of the 2,000 trials convert, that's 600 new customers.")]
    public void A_right_share_of_an_amount_is_consistent(string answer) => Assert.Equal(CheckedClaim.Consistent, Only(answer).Note.Verdict);

    [Fact]
    public void A_share_of_an_amount_off_by_a_hundred_times_is_wrong_and_the_note_gives_the_right_figure()
    {
        var note = Only("The site does about $1.2 billion a year, and a 0.03% relative lift in conversion on that is roughly $36 million a year.").Note;
        Assert.True(note.Wrong);
        Assert.Contains("$360,000", note.Explanation);
        Assert.Contains("not $36 million", note.Explanation);
    }

    [Theory]
    [InlineData("Of the 800 that don't work, 0.05 of them would be 5 false positives.")]
    [InlineData("If 30% of the 2,000 trials convert, that's 60 new customers.")]
    public void A_wrong_share_of_an_amount_is_wrong(string answer) => Assert.True(Only(answer).Note.Wrong);

    [Fact]
    public void A_chain_of_shares_that_adds_up_passes_at_every_step()
    {
        var claims = Arithmetic("Assume 70% of our 50,000 customers have employees, that's 35,000, and 40% of those are locked into another " +
            "provider, leaving 21,000. If we win 20% of them, that's 4,200 payroll customers.");
        Assert.True(claims.Count >= 2, $"{claims.Count} claims");
        Assert.All(claims, c => Assert.Equal(CheckedClaim.Consistent, c.Note.Verdict));
    }

    [Fact]
    public void What_is_left_after_a_share_must_be_the_rest()
    {
        var note = Only("Of our 10,000 users, 40% of those are inactive, leaving 2,000.").Note;
        Assert.True(note.Wrong);
        Assert.Contains("6,000", note.Explanation);
    }

    [Theory]
    [InlineData("So 160 of 165 wins are real, about 97%.")]
    [InlineData("A gap of 550 on 4,200 is about 13%, too large for rounding.")]
    [InlineData("We saw 1,200 orders out of 40,000 visits, or 3%.")]
    public void A_right_ratio_said_as_a_percent_is_consistent(string answer) => Assert.Equal(CheckedClaim.Consistent, Only(answer).Note.Verdict);

    [Fact]
    public void A_wrong_ratio_said_as_a_percent_is_wrong()
    {
        var note = Only("A gap of 550 on 4,200 is about 30%, far too large for rounding.").Note;
        Assert.True(note.Wrong);
        Assert.Contains("13.1%", note.Explanation);
    }

    [Fact]
    public void A_monthly_figure_called_annual_is_wrong()
    {
        var note = Only("If we win 20% of them, that's 4,200 payroll customers. At $60 a month each, annual revenue comes to about $250,000.").Note;
        Assert.True(note.Wrong);
        Assert.Contains("$3.02 million a year", note.Explanation);
    }

    [Theory]
    [InlineData("We would win 4,200 payroll customers. At $60 a month each, annual revenue comes to about $3 million.")]
    [InlineData("At $500 a month, that is $6,000 a year per customer.")]
    public void A_right_annual_figure_is_consistent(string answer) => Assert.Equal(CheckedClaim.Consistent, Only(answer).Note.Verdict);

    [Fact]
    public void Parts_that_add_less_than_they_do_are_wrong_with_the_right_total()
    {
        var note = Only("I'm targeting a base of 160 thousand. A 15% target bonus and equity of around 40 thousand a year add roughly 20 " +
            "thousand on top of that, so total compensation of about 180 thousand.").Note;
        Assert.True(note.Wrong);
        Assert.Contains("64 thousand", note.Explanation);
        Assert.Contains("224 thousand", note.Explanation);
    }

    [Fact]
    public void Parts_that_add_up_are_consistent()
    {
        var claim = Only("I'm targeting a base of 160 thousand. A 15% target bonus and equity of around 40 thousand a year add roughly 64 " +
            "thousand on top of that, so total compensation of about 224 thousand.");
        Assert.Equal(CheckedClaim.Consistent, claim.Note.Verdict);
    }

    [Theory]
    [InlineData("Engineering is $400,000 plus $150,000 for compliance, so $550,000 a year.", false)]
    [InlineData("Engineering is $400,000 plus $150,000 for compliance, so $450,000 a year.", true)]
    public void A_sum_said_with_plus_is_checked(string answer, bool wrong) => Assert.Equal(wrong, Only(answer).Note.Wrong);

    [Fact]
    public void A_segment_cannot_account_for_more_than_its_share_times_its_drop()
    {
        var note = Only("Suppose Android version 9.2, which is 25% of our DAU, is down 8% against last week. Since 9.2 dropped 8%, that " +
            "accounts for the entire 6% decline.").Note;
        Assert.True(note.Wrong);
        Assert.Contains("2 points", note.Explanation);
    }

    [Theory]
    [InlineData("If the new version is about 40% of DAU, a 15% drop there is 6 points, the whole miss.")]
    [InlineData("Since 9.2 is a quarter of users and dropped 24%, that accounts for the entire 6% decline.")]
    public void A_segment_that_explains_the_drop_is_consistent(string answer) => Assert.Equal(CheckedClaim.Consistent, Only(answer).Note.Verdict);

    [Fact]
    public void A_change_in_points_called_a_percent_drop_in_the_next_sentence_is_wrong()
    {
        var note = Only("Say trial-to-paid conversion goes from 12% to 9%. That's a 3% drop, far inside the allowance.").Note;
        Assert.True(note.Wrong);
        Assert.Contains("25% relative", note.Explanation);
    }

    [Theory]
    [InlineData("Say trial-to-paid conversion goes from 12% to 9%. That's a 25% drop, past the allowance.")]
    [InlineData("Say trial-to-paid conversion goes from 12% to 9%. That's 3 points, a big move.")]
    public void A_right_lift_in_the_next_sentence_is_consistent(string answer) => Assert.Equal(CheckedClaim.Consistent, Only(answer).Note.Verdict);

    [Theory]
    [InlineData("We have 50,000 customers and 20% of them are in Europe.")]
    [InlineData("I'd ramp 10% of traffic for 14 days, which is about 2 weeks of data.")]
    [InlineData("Randomize 10% of the 50,000 users, so 2,500 per arm.")]
    [InlineData("5 of the 8 segments moved, about 3% each.")]
    [InlineData("In 2024 we had 3,000 customers and revenue of $2 million.")]
    [InlineData("A 10% lift on a 2% baseline gives 2.2%.")]
    [InlineData("Out of 1,000 tests, 200 ideas are real and we detect 160 of them.")]
    [InlineData("iOS is 40% of DAU. 20% of those are new, so 80% are returning.")]
    [InlineData("2 of 3 weeks were down, roughly 5% each time.")]
    [InlineData("2 of the 3 regions dropped, about 5%.")]
    [InlineData("With 50,000 customers at $10 a month, a 2% churn cut is $120,000 a year.")]
    [InlineData("With 10% of sign-ups in the new flow, detecting 2 points on 40% at 80% power needs about 5,300 in treatment and 47,000 in control.")]
    public void Numbers_side_by_side_without_a_wrong_relation_give_no_wrong_note(string answer) =>
        Assert.DoesNotContain(NumberChecker.Check(answer), n => n.Wrong);
}

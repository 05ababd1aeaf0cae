using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

/// <summary>Money and capacity counts are never read as a sample per arm or in total, and a date ahead is no test duration.</summary>
public sealed class SampleContextTests
{
    [Theory]
    [InlineData("Moderators cost $520 each. Thirty more moderators add 12,000 a day, to 50,000, which we'd outgrow about 8 months from now.")]
    [InlineData("Each agent resolves 300 each. Ten more agents add 3,000 a day, to 21,000, enough for the next 4 months.")]
    [InlineData("The licence is 45 dollars each, 9,000 a day come through the gate, so we budget 3 weeks.")]
    [InlineData("The add-on runs $75 a month per seat, about $3,000 in total, while 4,000 visitors a day arrive, so 12 days.")]
    [InlineData("We pay 2,500 euros in total for the panel, it scores 1,200 a day, and we renew 9 months away.")]
    public void Money_and_capacity_counts_are_no_sample(string answer) =>
        Claims.None(answer, ClaimKind.Duration);

    [Theory]
    [InlineData("The experiment gives 6,000 each, and with 1,200 visitors a day that takes 10 days.")]
    [InlineData("We'd enroll 4,000 subscribers each, at 800 visitors a day, so 10 days.")]
    [InlineData("About 12,000 users in total at 1,500 visitors a day is 8 days.")]
    public void Samples_with_a_people_word_or_an_experiment_are_still_read(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Claims.Only(answer, ClaimKind.Duration).Note.Verdict);

    [Fact]
    public void A_sample_said_each_in_an_experiment_can_still_be_wrong() =>
        Assert.True(Claims.Only("The test gets 30,000 each and 1,000 visitors a day, so about 5 days.", ClaimKind.Duration).Note.Wrong);

    [Theory]
    [InlineData("That is 10,000 total.")]
    [InlineData("The vendor charges $8,000 overall.")]
    [InlineData("Licences are 300 dollars each.")]
    public void A_bare_or_money_figure_is_no_sample(string sentence)
    {
        var facts = FactReader.Read(SpokenSentence.Read(sentence));
        Assert.Null(facts.Total);
        Assert.Null(facts.PerArm);
    }
}

using DsLoop.Judge.Numbers;
using static DsLoop.Judge.Tests.Numbers.Claims;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class ClassifierRateCheckTests
{
    [Theory]
    [InlineData("With 2 million reviews of which 0.5% are fake, a threshold with 90% recall and a 1% false positive rate flags 9,000 fakes and some genuine reviews, so precision is around 90%.")]
    [InlineData("Suppose 1% of 1,000,000 reviews are fake. A threshold with 80% recall and a 2% false positive rate gives 70% precision.")]
    public void A_precision_that_ignores_the_false_positives_is_wrong(string answer)
    {
        var claim = Only(answer, ClaimKind.ClassifierRates, "precision");
        Assert.True(claim.Note.Wrong, claim.Note.Explanation);
    }

    [Theory]
    [InlineData("With 2 million reviews of which 0.5% are fake, a threshold with 90% recall and a 1% false positive rate has a precision of about 31%.")]
    [InlineData("Suppose 1% of 1,000,000 reviews are fake. A threshold with 80% recall and a 2% false positive rate gives roughly 29% precision.")]
    public void A_precision_from_recall_false_positive_rate_and_prevalence_is_consistent(string answer) =>
        Assert.Equal(CheckedClaim.Consistent, Only(answer, ClaimKind.ClassifierRates, "precision").Note.Verdict);

    [Theory]
    [InlineData("With 200,000 payments a day and a 0.5% fraud rate, there are about 1,000 frauds daily. On our test month 60% of the 400 held are fraud, so we catch 240 frauds a day, a recall of about 60%.", true)]
    [InlineData("With 200,000 payments a day and a 0.5% fraud rate, we catch 240 frauds a day, a recall of about 24%.", false)]
    [InlineData("If precision at 8,000 is 60%, we catch 4,800 of about 6,000 violations, roughly 80% recall.", false)]
    [InlineData("If precision at 8,000 is 60%, we catch 4,800 of about 6,000 violations, roughly 48% recall.", true)]
    public void A_recall_is_caught_over_positives(string answer, bool wrong)
    {
        var claim = Only(answer, ClaimKind.ClassifierRates);
        Assert.Equal(wrong, claim.Note.Wrong);
    }

    [Fact]
    public void A_recall_without_the_positives_behind_it_is_not_checked() =>
        None("The model catches 240 frauds a day, a recall of about 60%.", ClaimKind.ClassifierRates);
}

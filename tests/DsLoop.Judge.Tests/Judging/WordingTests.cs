using DsLoop.Judge.Judging;

namespace DsLoop.Judge.Tests.Judging;

public sealed class WordingTests
{
    [Theory]
    [InlineData("I wouldn't bother with an SRM check.")]
    [InlineData("There is no need for guardrails here.")]
    [InlineData("I'd skip the power calculation.")]
    [InlineData("Segmenting is overkill for this.")]
    public void Waving_a_step_away_is_dismissive(string sentence) => Assert.True(Wording.Dismisses(sentence));

    [Theory]
    [InlineData("I would check SRM before reading any metric.")]
    [InlineData("Retention is my guardrail.")]
    public void Doing_a_step_is_not_dismissive(string sentence) => Assert.False(Wording.Dismisses(sentence));

    [Theory]
    [InlineData("I would not stop the test early.", true)]
    [InlineData("Rather than peeking, I fix the duration.", true)]
    [InlineData("I stop the test once p is below 0.05.", false)]
    public void Negation_is_seen(string sentence, bool negates) => Assert.Equal(negates, Wording.Negates(sentence));

    [Fact]
    public void Function_words_are_not_content() =>
        Assert.Equal(["randomize", "user", "retention", "guardrail"], Wording.ContentWords("I would randomize by user and use retention as a guardrail."));
}

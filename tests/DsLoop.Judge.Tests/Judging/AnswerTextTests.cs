using DsLoop.Judge.Judging;

namespace DsLoop.Judge.Tests.Judging;

public sealed class AnswerTextTests
{
    [Fact]
    public void A_long_sentence_is_also_cut_into_its_clauses()
    {
        var text = AnswerText.Of("First I would confirm the metric definition with the team and the logging owners, "
            + "and then I would size the test for a two point lift at the current baseline. Short one.");
        Assert.Equal(2, text.Sentences.Count);
        var clauses = text.Units.Where(u => !u.WholeSentence).ToList();
        Assert.Equal(2, clauses.Count);
        Assert.All(clauses, c => Assert.Equal(0, c.Sentence));
        Assert.StartsWith("and then I would size", clauses[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_answer_has_no_units() => Assert.Empty(AnswerText.Of("  ").Units);
}

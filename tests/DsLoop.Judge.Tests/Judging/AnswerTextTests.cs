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
    public void The_items_of_a_comma_list_are_fragments_without_their_joining_word()
    {
        var text = AnswerText.Of("So I run it for one day, stop once p is below 0.05, and ship whichever flow wins. Done.");

        Assert.Equal(["I run it for one day", "stop once p is below 0.05", "ship whichever flow wins."], text.Fragments.Select(f => f.Text));
        Assert.All(text.Fragments, f => Assert.Equal(0, f.Sentence));
    }

    [Fact]
    public void A_negation_earlier_in_the_sentence_covers_the_list_after_it()
    {
        var text = AnswerText.Of("What I won't do: lower the confidence level, stop early on a good day, or switch metrics. I'd stop once p is below 0.05, then ship the winning flow to everyone.");

        var first = text.Fragments.Where(f => f.Sentence == 0).ToList();
        Assert.NotEmpty(first);
        Assert.All(first, f => Assert.True(text.Negated(f), f.Text));
        Assert.Contains(text.Fragments, f => f.Sentence == 1 && !text.Negated(f));
    }

    [Fact]
    public void An_empty_answer_has_no_units() => Assert.Empty(AnswerText.Of("  ").Units);
}

using DsLoop.Content.Signals;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Content.Tests.Signals;

public sealed class SignalEvidenceTests
{
    private static readonly ContentBank Bank = LoadBank();

    private static ContentBank LoadBank()
    {
        var result = ContentLoader.Load(RepoPaths.Content);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Bank!;
    }

    private static SignalFinding Fire(string id, string answer) =>
        SignalDetectors.Find(id)!.Match(answer) ?? throw new InvalidOperationException($"'{id}' did not fire on: {answer}");

    [Theory]
    // A line without a full stop is its own sentence, not glued to the next line.
    [InlineData("checks-srm", "The lift looked large\nI would check the sample ratio first\nthen read the metric", "I would check the sample ratio first")]
    // Numbered and bulleted lists: the item, without its marker or the next item's number.
    [InlineData("checks-srm", "1. Size the test for two weeks.\n2. Check for sample ratio mismatch.\n3. Read the lift.", "Check for sample ratio mismatch.")]
    [InlineData("names-guardrail", "- Primary: orders per visitor\n- Guardrail: page latency\n- Duration: two weeks", "Guardrail: page latency")]
    // An abbreviation does not cut the sentence in two, so the quote is the whole sentence.
    [InlineData("credible-attribution", "Sales rose in March. I'd compare against a control, e.g. a holdout of ten cities, before crediting the promo.",
        "I'd compare against a control, e.g. a holdout of ten cities, before crediting the promo.")]
    [InlineData("baseline-first", "Treatment vs. control looked fine. Then I built a baseline on last year's rules.", "Then I built a baseline on last year's rules.")]
    // The sentence holding the trigger, not the sentence before or after it.
    [InlineData("stopped-when-significant", "We launched on Monday. We stopped the test as soon as it was significant. Revenue went up.",
        "We stopped the test as soon as it was significant.")]
    public void Signal_quotes_exactly_the_sentence_holding_its_trigger(string id, string answer, string sentence) =>
        Assert.Equal(sentence, Fire(id, answer).Evidence);

    [Fact]
    public void Sentences_split_at_ends_and_line_breaks_but_not_at_abbreviations_or_decimals()
    {
        Assert.Equal(
            ["The lift was 0.5 points, i.e. about 2%.", "Is it real?", "Yes!", "I'd ship it", "after a check"],
            AnswerSentences.Split("The lift was 0.5 points, i.e. about 2%. Is it real? Yes!\n\n* I'd ship it\r\nafter a check"));
        Assert.Empty(AnswerSentences.Split("  \n - \n"));
    }

    [Fact]
    public void Reverse_questions_fire_no_signal_even_when_the_text_would()
    {
        var reverse = Bank.Items.Where(ReverseQuestions.Is).ToList();
        Assert.NotEmpty(reverse);
        // A question to the interviewer that holds weak-signal and red-flag phrases.
        const string asked = "How do you decide when to deploy a model, and was the last test stopped when it turned significant? "
            + "I'd train a model the same way. The test proved that it works.";
        foreach (var item in reverse)
        {
            Assert.Empty(SignalDetectors.Detect(asked, item));
        }
        var answered = Bank.Items.First(i => !ReverseQuestions.Is(i) && i.Rounds.Contains(Core.Round.ModelingMlDesign));
        Assert.NotEmpty(SignalDetectors.Detect(asked, answered));
    }

    [Fact]
    public void Reverse_questions_are_the_reverse_question_framework_or_folder()
    {
        var byFramework = Bank.Items.Where(i => i.FrameworkId == ReverseQuestions.FrameworkId).Select(i => i.Id).ToHashSet();
        var byFolder = Bank.Items.Where(i => i.Source.File.Contains($"/{ReverseQuestions.Folder}/", StringComparison.Ordinal)).Select(i => i.Id).ToHashSet();
        Assert.NotEmpty(byFramework);
        Assert.All(byFramework.Union(byFolder), id => Assert.True(ReverseQuestions.Is(Bank.ItemsById[id])));
        Assert.DoesNotContain(Bank.Items, i => ReverseQuestions.Is(i) && !byFramework.Contains(i.Id) && !byFolder.Contains(i.Id));
    }
}

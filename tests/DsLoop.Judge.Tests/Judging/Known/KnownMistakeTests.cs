using DsLoop.Judge.Judging;
using DsLoop.Judge.Judging.Known;

namespace DsLoop.Judge.Tests.Judging.Known;

[Collection(JudgeCollection.Name)]
public sealed class KnownMistakeTests(JudgeFixture judge)
{
    private const string Onboarding = "onboarding-test-sample-size";

    // The issue's example: the peeking is the last item of a list, in the candidate's words, not the item's.
    private const string IssueExample =
        "Primary metric is setup completion, guardrail is retention. I randomize users 50/50, control versus treatment, and check power: "
        + "200 users per arm is plenty with 6,000 sign-ups a day. So I run it for one day, stop once p is below 0.05, and ship whichever flow wins.";

    [Fact]
    public void The_library_loads_and_every_entry_has_names_and_sentences()
    {
        Assert.NotEmpty(KnownMistakes.All);
        Assert.All(KnownMistakes.All, k =>
        {
            Assert.False(string.IsNullOrWhiteSpace(k.Id));
            Assert.NotEmpty(k.Names);
            Assert.True(k.Says.Count >= 2, $"{k.Id} has {k.Says.Count} sentences");
        });
        Assert.Equal(KnownMistakes.All.Count, KnownMistakes.All.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("Stopping as soon as the p-value dips under 0.05.", "peeking")]
    [InlineData("Extending the test until it turns significant.", "peeking")]
    [InlineData("Turning the p-value into the probability that the hypothesis is true.", "p-value-as-probability")]
    [InlineData("Reading an underpowered, non-significant result as proof that the feature does nothing.", "null-as-proof")]
    [InlineData("Testing on a random split, so the model is judged on the same months it learned from.", "random-split-time")]
    public void An_items_mistake_links_to_the_known_mistake_it_means(string mistake, string known)
    {
        var targets = new ItemTargets(judge.Bank, judge.Cache);

        Assert.Contains(targets.LinkedKnownMistakes(mistake), k => k.Id == known);
    }

    [Theory]
    [InlineData("A simple before-and-after read that credits the feature with seasonality and every other change.")]
    [InlineData("Tracking everything and hoping the right metric emerges on its own.")]
    [InlineData("Naming a number with no research behind it for the level and market.")]
    public void A_mistake_about_something_else_borrows_no_sentences(string mistake)
    {
        var targets = new ItemTargets(judge.Bank, judge.Cache);

        Assert.Empty(targets.LinkedKnownMistakes(mistake));
    }

    [Fact]
    public void Peeking_said_in_a_candidates_words_inside_a_list_is_flagged_with_its_sentence()
    {
        var report = judge.Review(Onboarding, IssueExample);

        var peeking = Assert.Single(report.Mistakes, m => m.Mistake.StartsWith("Stopping as soon as", StringComparison.Ordinal));
        Assert.Contains(peeking.Evidence, e => e.Contains("stop once p is below 0.05", StringComparison.Ordinal));
        Assert.False(report.Steps.Single(s => s.StepId == "power").Covered, "the peeking sentence must not show the power step");
        Assert.True(report.Rating < 2, $"rating {report.Rating}");
    }

    [Fact]
    public void A_list_of_things_the_candidate_will_not_do_is_not_doing_them()
    {
        var report = judge.Review(Onboarding,
            "I'd fix two weeks in advance and say plainly what I won't do: stop once p is below 0.05, shrink the effect to fit the traffic, "
            + "or swap setup completion for clicks.");

        Assert.DoesNotContain(report.Mistakes, m => m.Evidence.Any(e => e.StartsWith('"')) && m.Mistake.StartsWith("Stopping as soon as", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("No guardrail on opt-outs, which remove reach permanently.", true)]
    [InlineData("Never asking when each feature becomes known relative to the prediction date.", true)]
    [InlineData("Naming no guardrail for notification fatigue.", true)]
    [InlineData("Stopping as soon as the p-value dips under 0.05.", false)]
    [InlineData("Leaving the model live with losses climbing while investigating.", false)]
    public void A_mistake_that_names_an_omission_is_recognised(string mistake, bool omission) =>
        Assert.Equal(omission, Wording.NamesAnOmission(mistake));

    [Fact]
    public void A_sentence_about_the_topic_of_an_omission_does_not_commit_it()
    {
        var report = judge.Review("feature-launch-success-metric",
            "The guardrail is notification fatigue: the rate at which people switch off pushes or uninstall, because a noisy alert can lose a buyer for good.");

        var fatigue = Assert.Single(report.Mistakes, m => m.Mistake.StartsWith("Naming no guardrail", StringComparison.Ordinal));
        Assert.DoesNotContain(fatigue.Evidence, e => e.StartsWith('"'));
    }
}

using DsLoop.Judge.Judging;
using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Judging;

/// <summary>
/// Two rules that keep a step's credit with the sentence that is really about it: a sentence shows only the steps it is
/// (nearly) most about, and an answer about another question shows none of this question's steps.
/// </summary>
[Collection(JudgeCollection.Name)]
public sealed class StepFocusTests(JudgeFixture judge)
{
    private const string Leakage = "churn-auc-too-good-leakage";

    // Says how it would find the leak and re-test (a partial answer of the evaluation set); it never picks a threshold.
    private const string LeakHunt =
        "That size of jump makes me think leakage first. I'd pin down what's predicted and when: say cancellation "
        + "within 60 days, scored at the start of each month. Then for each feature I'd check that its value was "
        + "available at scoring time. Typical leaks are a cancellation reason field, a status that changes during the "
        + "cancel flow, or \"days since last login\" computed from the current table instead of as of the scoring "
        + "date. I'd redo the split out of time, training on earlier months and testing on later ones, with features "
        + "rebuilt point-in-time, and see what the AUC is then.";

    // A Bayesian readout plan: a good answer, but to a different question than what a confidence interval means.
    private const string BayesianPlan =
        "When the executives ask how likely it is that the redesign wins, I'd give them a Bayesian readout instead. "
        + "I'd pick a weakly informative prior around zero lift, sized from how spread out the effects of our last forty experiments were, "
        + "and report the posterior chance that the lift is positive along with the expected loss if we ship and are wrong. "
        + "That is easier to act on than a p-value, though I'd say plainly that it leans on the prior and show it under a sceptical one too.";

    [Fact]
    public void A_sentence_about_re_testing_out_of_time_does_not_fall_through_to_the_threshold_step()
    {
        var loose = Judge(JudgeSettings.Calibrated with { StepFocusMargin = double.PositiveInfinity }, Leakage, LeakHunt);
        var focused = judge.Review(Leakage, LeakHunt);

        Assert.True(loose.Steps.Single(s => s.StepId == "threshold").Covered, "without the focus rule: " + string.Join("; ", loose.Steps.Select(s => $"{s.StepId} {s.Covered} {s.Similarity}: {s.Why}")));
        var threshold = focused.Steps.Single(s => s.StepId == "threshold");
        Assert.False(threshold.Covered, threshold.Why);
        Assert.Contains(focused.Steps, s => s.StepId == "validation" && s.Covered);
    }

    [Fact]
    public void An_answer_about_another_question_shows_none_of_this_questions_steps()
    {
        const string item = "confidence-interval-meaning";
        var loose = Judge(JudgeSettings.Calibrated with { OffTopicShowsNoSteps = false }, item, BayesianPlan);
        var report = judge.Review(item, BayesianPlan);

        Assert.True(report.Relevance!.OffTopic, report.Relevance.Explanation);
        Assert.Contains(loose.Steps, s => s.Covered);
        Assert.All(report.Steps, s => Assert.False(s.Covered, $"{s.StepId}: {s.Why}"));
        Assert.Contains(report.Steps, s => s.Why!.Contains("said about another question", StringComparison.Ordinal));
    }

    [Fact]
    public void An_on_topic_answer_keeps_its_steps()
    {
        var report = judge.Review(Leakage, LeakHunt);

        Assert.False(report.Relevance!.OffTopic, report.Relevance.Explanation);
        Assert.True(report.Steps.Count(s => s.Covered) >= 2, string.Join("; ", report.Steps.Select(s => $"{s.StepId}: {s.Why}")));
    }

    private DsLoop.Content.Coaching.CoachReport Judge(JudgeSettings settings, string itemId, string answer)
    {
        var item = judge.Bank.ItemsById[itemId];
        return new AnswerJudge(judge.Bank, judge.Cache, settings, NumberChecker.Check).Judge(item, judge.Bank.Frameworks[item.FrameworkId], answer);
    }
}

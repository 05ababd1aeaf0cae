using System.Text.Json;
using DsLoop.Judge.Judging;

namespace DsLoop.Judge.Tests.Judging;

[Collection(JudgeCollection.Name)]
public sealed class AnswerJudgeTests(JudgeFixture judge)
{
    private const string Onboarding = "onboarding-test-sample-size";

    // In the spirit of the 43-word answer: the framework's words, a wrong plan, and peeking.
    private const string StuffedOnboarding =
        "Primary metric is activation, with retention as a guardrail. I randomize users into control and treatment. "
        + "For power, with our 40% completion rate and a 2 point lift, I'd use 200 users per arm at alpha 0.05. "
        + "I'd run it for one day, then stop once p is below 0.05 and ship the winner.";

    private const string StrongOnboarding =
        "I'd want to know what share of new sign-ups finish onboarding today, say 40%, and what change would be worth building, "
        + "say two points, because smaller than that won't pay for the engineering time. With a two-sided 5% test and 80% power, "
        + "two points on a 40% base needs roughly 9,500 new users in each group, so about 19,000 in total. If around 3,000 people sign up a day, "
        + "that's a week of traffic, and I'd round up to two full weeks so both weekday and weekend sign-ups are in it. "
        + "I'd assign people at sign-up, by user id, and check the split is really fifty-fifty before reading anything. "
        + "I'd also keep an eye on day-7 retention and support contacts, since a shorter flow could let people through who churn later. "
        + "And I'd decide the length up front and not look at the p-value every morning, because stopping the first time it dips under 0.05 inflates false positives.";

    [Fact]
    public void The_stuffed_onboarding_answer_gets_no_signal_and_its_sample_size_is_called_wrong()
    {
        var report = judge.Review(Onboarding, StuffedOnboarding);

        Assert.True(report.Rating <= 1.5, $"rating {report.Rating}");
        Assert.True(report.Steps.Count(s => s.Covered) <= 1, string.Join("; ", report.Steps.Select(s => $"{s.StepId}: {s.Why}")));
        var wrong = Assert.Single(report.Numbers, n => n.Wrong);
        Assert.Contains("9,500 per arm", wrong.Explanation, StringComparison.Ordinal);
        Assert.Contains(report.Steps, s => !s.Covered && s.Why!.Contains("names it without saying anything specific", StringComparison.Ordinal));
    }

    [Fact]
    public void A_strong_natural_answer_outscores_the_stuffed_one_and_meets_the_bar()
    {
        var strong = judge.Review(Onboarding, StrongOnboarding);
        var stuffed = judge.Review(Onboarding, StuffedOnboarding);

        Assert.True(strong.Rating >= 3, $"rating {strong.Rating}: " + string.Join("; ", strong.Steps.Select(s => $"{s.StepId}: {s.Why}")));
        Assert.True(strong.Rating > stuffed.Rating + 1);
        Assert.False(strong.Relevance!.OffTopic);
    }

    [Fact]
    public void Saying_you_would_not_peek_is_not_peeking()
    {
        var report = judge.Review(Onboarding, StrongOnboarding);

        Assert.DoesNotContain(report.Mistakes, m => m.Evidence.Any(e => e.StartsWith('"')) && m.Mistake.Contains("peek", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Waving_a_step_away_does_not_cover_it()
    {
        var report = judge.Review(Onboarding,
            "I would not bother with guardrail metrics or checking the split here, that is overkill for an onboarding change. "
            + "I'd just measure the share of new users who finish onboarding and compare the two versions after two weeks.");

        Assert.False(report.Steps.Single(s => s.StepId == "guardrails").Covered, report.Steps.Single(s => s.StepId == "guardrails").Why);
    }

    [Fact]
    public void An_answer_pasted_into_a_question_from_another_field_is_off_topic_and_capped()
    {
        var report = judge.Review("compensation-expectations", StrongOnboarding);

        Assert.True(report.Relevance!.OffTopic, report.Relevance.Explanation);
        Assert.True(report.Rating <= 2, $"rating {report.Rating}");
    }

    [Fact]
    public void An_answer_beginning_with_I_would_says_I_and_seven_days_alone_is_not_a_magnitude()
    {
        var report = judge.Review(Onboarding, "I would run the test for 7 days and then look at the result with the team.");

        Assert.True(report.Habits.Single(h => h.Name == Habits.FirstPerson).Present);
        Assert.False(report.Habits.Single(h => h.Name == Habits.Quantifies).Present);
    }

    [Fact]
    public void The_same_answer_gets_the_same_report()
    {
        var first = JsonSerializer.Serialize(judge.Review(Onboarding, StrongOnboarding));
        var second = JsonSerializer.Serialize(judge.Review(Onboarding, StrongOnboarding));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_step_of_the_report_says_why()
    {
        var report = judge.Review(Onboarding, StrongOnboarding);

        Assert.NotEmpty(report.Steps);
        Assert.All(report.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Why)));
        Assert.All(report.Steps.Where(s => s.Covered), s => Assert.Single(s.Sentences));
    }

    [Fact]
    public void At_senior_level_the_report_says_what_a_senior_would_add()
    {
        var report = judge.Review("biggest-impact-project-quantified",
            "At my last company I found that failed card payments were quietly costing us renewals, so I sized it, built a retry model and tested it. "
            + "Recovered renewals went from 30% to 42% of failures.", JudgeLevel.Senior);

        Assert.Equal("senior", report.Level);
        Assert.NotEmpty(report.SeniorPoints);
        Assert.All(report.SeniorPoints, p => Assert.False(string.IsNullOrWhiteSpace(p.Why)));
    }

    [Fact]
    public void A_probe_answer_is_judged_on_its_expected_points()
    {
        var points = new[] { "Multiplies recovered renewals per month by the average contract value and by twelve", "Subtracts renewals a later manual retry would have saved anyway" };
        var good = judge.Judge.JudgeProbe("How did you get to an annual revenue figure?", points,
            "I took the extra renewals we recovered each month, multiplied by what an average contract is worth, and annualised it by twelve. "
            + "Then I took out the ones that would have paid on a manual retry anyway, using the holdout group as the baseline.", (50, 150));
        var vague = judge.Judge.JudgeProbe("How did you get to an annual revenue figure?", points,
            "Finance helped us with the number and it looked big, so we were happy with it and moved on to the next project.", (50, 150));

        Assert.Equal(2, good.Steps.Count(s => s.Covered));
        Assert.Equal(0, vague.Steps.Count(s => s.Covered));
        Assert.True(good.Rating > vague.Rating);
    }
}

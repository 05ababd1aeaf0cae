using DsLoop.Content.Coaching;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Content.Tests.Coaching;

public sealed class AnswerCoachTests
{
    private static readonly Framework Experiment = new("experiment", "Experiment", "s",
    [
        new FrameworkStep("metric", "Metric", "d", ["primary metric"]),
        new FrameworkStep("design", "Design", "d", ["randomis", "randomiz"]),
        new FrameworkStep("power", "Power", "d", ["sample size", "ran"]),
    ], new SourceSpan("f.yaml", 1));

    private static readonly ContentBank Bank = ContentLoader.Load(RepoPaths.Content).Bank
        ?? throw new InvalidOperationException("The bundled content must be valid.");

    [Fact]
    public void Cue_matches_at_the_start_of_a_word_and_may_run_on()
    {
        var report = AnswerCoach.Review("The primary metric is setup completion. I would randomise by user.", Experiment);
        Assert.True(report.Steps[0].Covered);
        Assert.True(report.Steps[1].Covered);
        Assert.Equal(["I would randomise by user."], report.Steps[1].Sentences);
        Assert.Equal(["randomis"], report.Steps[1].Cues);
    }

    [Fact]
    public void Cue_inside_another_word_does_not_count()
    {
        // "ran" must not match "grant" or "guarantee".
        var report = AnswerCoach.Review("We got a grant and a guarantee.", Experiment);
        Assert.False(report.Steps[2].Covered);
        Assert.Equal(0, report.StepScore);
    }

    [Fact]
    public void Sentences_split_at_stops_but_keep_decimals_whole()
    {
        var sentences = AnswerCoach.SplitSentences("Lift was 1.8% relative. Was it real? Yes!\n\nNew paragraph");
        Assert.Equal(["Lift was 1.8% relative.", "Was it real?", "Yes!", "New paragraph"], sentences);
    }

    [Fact]
    public void Habits_report_their_evidence()
    {
        var report = AnswerCoach.Review("I assume traffic is steady. I ran it for 14 days and retention rose 2%, with tickets as a guardrail.", Experiment);
        var habits = report.Habits.ToDictionary(h => h.Name);
        Assert.Contains("2%", habits["Quantifies impact"].Evidence);
        Assert.Contains("i assume", habits["States assumptions"].Evidence);
        Assert.Contains("guardrail", habits["Names a trade-off or guardrail"].Evidence);
        Assert.True(habits["Says \"I\" for own actions"].Present);
    }

    [Fact]
    public void Vague_we_answer_misses_every_habit()
    {
        var report = AnswerCoach.Review("We did some analysis and the team was happy with it.", Experiment);
        Assert.All(report.Habits, h => Assert.False(h.Present, h.Name));
        Assert.Equal(LengthVerdict.TooShort, report.Length);
    }

    [Fact]
    public void Length_is_judged_against_the_target()
    {
        Assert.Equal(LengthVerdict.WithinTarget, AnswerCoach.Review(string.Join(' ', Enumerable.Repeat("word", 200)), Experiment).Length);
        Assert.Equal(LengthVerdict.TooLong, AnswerCoach.Review(string.Join(' ', Enumerable.Repeat("word", 301)), Experiment).Length);
        Assert.Equal(LengthVerdict.TooShort, AnswerCoach.Review(string.Join(' ', Enumerable.Repeat("word", 149)), Experiment).Length);
    }

    [Fact]
    public void Same_answer_always_gets_the_same_report()
    {
        var item = Bank.Items[0];
        var first = AnswerCoach.Review(item.ModelAnswer, Bank.Frameworks[item.FrameworkId]);
        var second = AnswerCoach.Review(item.ModelAnswer, Bank.Frameworks[item.FrameworkId]);
        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Steps.SelectMany(s => s.Sentences), second.Steps.SelectMany(s => s.Sentences));
    }

    [Fact]
    public void Every_model_answer_in_the_bank_covers_all_its_framework_steps()
    {
        var failures = new List<string>();
        foreach (var item in Bank.Items)
        {
            var report = AnswerCoach.Review(item.ModelAnswer, Bank.Frameworks[item.FrameworkId]);
            if (report.MissedSteps.Any())
            {
                failures.Add($"{item.Id} ({item.Source}): model answer misses {string.Join(", ", report.MissedSteps.Select(s => s.StepId))}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_weak_answer_in_the_bank_misses_two_steps_and_scores_below_the_model_answer()
    {
        var failures = new List<string>();
        foreach (var item in Bank.Items)
        {
            var framework = Bank.Frameworks[item.FrameworkId];
            var weak = AnswerCoach.Review(item.WeakAnswer, framework);
            var model = AnswerCoach.Review(item.ModelAnswer, framework);
            if (weak.MissedSteps.Count() < 2 || weak.Score >= model.Score)
            {
                failures.Add($"{item.Id}: weak answer misses {weak.MissedSteps.Count()} steps, scores {weak.Score:F2} vs model {model.Score:F2}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Mistakes_fire_on_their_phrases_and_coach_signs_with_evidence()
    {
        var item = Bank.ItemsById["onboarding-test-sample-size"];
        var framework = Bank.Frameworks[item.FrameworkId];
        var peeking = AnswerCoach.Review(item, framework, "We run it until it is significant, then ship.");
        var finding = Assert.Single(peeking.Mistakes, m => m.Mistake.StartsWith("Stopping as soon as", StringComparison.Ordinal));
        Assert.True(finding.Seems);
        Assert.Contains("\"until it is significant\"", finding.Evidence);
        Assert.DoesNotContain(AnswerCoach.Review(item, framework, item.ModelAnswer).Mistakes, m => m.Seems);
    }

    [Fact]
    public void Every_weak_answer_in_the_bank_seems_to_make_a_listed_mistake_and_no_model_answer_does()
    {
        var failures = new List<string>();
        foreach (var item in Bank.Items)
        {
            var framework = Bank.Frameworks[item.FrameworkId];
            var model = AnswerCoach.Review(item, framework, item.ModelAnswer).Mistakes.Where(m => m.Seems).ToList();
            var weak = AnswerCoach.Review(item, framework, item.WeakAnswer).Mistakes.Where(m => m.Seems).ToList();
            if (model.Count > 0)
            {
                failures.Add($"{item.Id}: model answer flagged for '{model[0].Mistake}' ({string.Join(", ", model[0].Evidence)})");
            }
            if (weak.Count == 0)
            {
                failures.Add($"{item.Id}: weak answer makes none of its listed mistakes");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

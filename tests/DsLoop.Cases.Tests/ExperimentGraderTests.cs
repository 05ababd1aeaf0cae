using DsLoop.Cases.Experiment;

namespace DsLoop.Cases.Tests;

/// <summary>The experiment case's grader: right answers pass, realistic wrong answers fail with the mistake named.</summary>
public sealed class ExperimentGraderTests
{
    internal static ExperimentAnswer RightAnswer(ExperimentCase c)
    {
        var r = c.Readout;
        var (lo, hi) = DesignGrader.AcceptedRange(c.Design);
        var (dlo, _) = DesignGrader.AcceptedDays(c.Design);
        return new ExperimentAnswer(
            new DesignAnswer((lo + hi) / 2, dlo, ["latency_ms", "support_tickets", "refund_rate"], "user"),
            new ReadoutAnswer(
                new SrmAnswer(r.Srm.IsMismatch(), r.Srm.PValue),
                new EstimateAnswer(r.Absolute.Estimate, r.Absolute.Low, r.Absolute.High),
                new EstimateAnswer(r.Relative.Estimate, r.Relative.Low, r.Relative.High),
                r.Guardrails.ToDictionary(g => g.Id, g => g.Verdict.ToString().ToLowerInvariant()),
                ExperimentAnswer.Slug(r.Decision), "Because the engine says so."));
    }

    private static GradedPart Part(CaseResult result, string name) => result.Parts.Single(p => p.Part.StartsWith(name, StringComparison.Ordinal));

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void Right_answer_earns_every_point(ulong seed)
    {
        var c = new ExperimentCase(new CaseId(CaseKind.Experiment, seed));
        var result = c.Grade(RightAnswer(c).ToJson());
        Assert.All(result.Parts, p => Assert.True(p.Passed, $"{p.Part}: {p.Feedback}"));
        Assert.Equal(1, result.Score);
        Assert.NotEmpty(result.Reference);
    }

    [Fact]
    public void Total_sample_size_one_sided_test_and_swapped_mde_are_each_named()
    {
        var c = new ExperimentCase(new CaseId(CaseKind.Experiment, 9));
        var s = c.Design;
        long Size(bool relative, DsLoop.Stats.Alternative alternative) =>
            DsLoop.Stats.Design.SampleSize.ForProportions(s.Baseline, s.Mde, relative, s.Alpha, s.Power, alternative: alternative).ControlPerArm;
        var right = Size(s.MdeIsRelative, DsLoop.Stats.Alternative.TwoSided);

        string Feedback(long n) => Part(c.Grade(new ExperimentAnswer(new DesignAnswer(n, null, null, null), null).ToJson()), "Sample size").Feedback;

        Assert.Contains("total for both arms", Feedback(2 * right), StringComparison.Ordinal);
        Assert.Contains("one-sided", Feedback(Size(s.MdeIsRelative, DsLoop.Stats.Alternative.Larger)), StringComparison.Ordinal);
        var swapped = Feedback(Size(!s.MdeIsRelative, DsLoop.Stats.Alternative.TwoSided));
        Assert.Contains(s.MdeIsRelative ? "(absolute)" : "as a relative change", swapped, StringComparison.Ordinal);
        Assert.True(Part(c.Grade(new ExperimentAnswer(new DesignAnswer(right, null, null, null), null).ToJson()), "Sample size").Passed);
    }

    [Fact]
    public void Duration_that_enrols_only_one_arm_is_named_and_a_vanity_guardrail_is_refused()
    {
        var seed = Enumerable.Range(1, 200).Select(i => (ulong)i).First(s => DesignGrader.AcceptedDays(ExperimentScenarios.Design(s)).Low >= 10);
        var c = new ExperimentCase(new CaseId(CaseKind.Experiment, seed));
        var s = c.Design;
        var (lo, hi) = DesignGrader.AcceptedRange(s);
        var oneArm = (int)Math.Ceiling((lo + hi) / 2.0 / (s.DailyEligible * s.TrafficShare));
        var result = c.Grade(new ExperimentAnswer(new DesignAnswer(null, oneArm, ["latency_ms", "support_tickets", "checkout_clicks"], "session"), null).ToJson());
        Assert.Contains("one arm", Part(result, "Duration").Feedback, StringComparison.Ordinal);
        Assert.False(Part(result, "Guardrails").Passed);
        Assert.Contains("not a guardrail", Part(result, "Guardrails").Feedback, StringComparison.Ordinal);
        Assert.False(Part(result, "Randomisation").Passed);
    }

    [Fact]
    public void Pooled_lift_under_simpson_is_refused_and_named()
    {
        var seed = Enumerable.Range(1, 200).Select(i => (ulong)i).First(s => ExperimentScenarios.Readout(s).Twist == ReadoutTwist.Simpson);
        var c = new ExperimentCase(new CaseId(CaseKind.Experiment, seed));
        var r = c.Readout;
        var pooled = RightAnswer(c) with { };
        var readout = pooled.Readout! with { AbsoluteLift = new EstimateAnswer(r.PooledAbsolute.Estimate, r.PooledAbsolute.Low, r.PooledAbsolute.High), Decision = "ship" };
        var result = c.Grade((pooled with { Readout = readout }).ToJson());
        Assert.Contains("Simpson", Part(result, "Absolute lift").Feedback, StringComparison.Ordinal);
        Assert.False(Part(result, "Decision").Passed);
        Assert.Contains("investigate", Part(result, "Decision").Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_lift_in_the_absolute_field_flipped_sign_and_percent_are_named()
    {
        var c = new ExperimentCase(new CaseId(CaseKind.Experiment, 2));
        var r = c.Readout;
        string Feedback(double estimate) =>
            Part(c.Grade(new ExperimentAnswer(null, new ReadoutAnswer(null, new EstimateAnswer(estimate, estimate - 0.01, estimate + 0.01), null, null, null, null)).ToJson()), "Absolute lift").Feedback;
        Assert.Contains("relative lift", Feedback(r.Relative.Estimate), StringComparison.Ordinal);
        Assert.Contains("sign is flipped", Feedback(-r.Absolute.Estimate), StringComparison.Ordinal);
        Assert.Contains("percent", Feedback(r.Absolute.Estimate * 100), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_srm_verdict_and_p_value_lose_the_points()
    {
        var seed = Enumerable.Range(1, 200).Select(i => (ulong)i).First(s => ExperimentScenarios.Readout(s).Twist == ReadoutTwist.SampleRatioMismatch);
        var c = new ExperimentCase(new CaseId(CaseKind.Experiment, seed));
        var answer = RightAnswer(c);
        var wrong = answer with { Readout = answer.Readout! with { Srm = new SrmAnswer(false, 0.3), Decision = "ship" } };
        var result = c.Grade(wrong.ToJson());
        Assert.Equal(0, Part(result, "Sample-ratio").Points);
        Assert.Contains("missed the mismatch", Part(result, "Sample-ratio").Feedback, StringComparison.Ordinal);
        Assert.False(Part(result, "Decision").Passed);
    }

    [Fact]
    public void Invalid_json_is_refused_with_a_message()
    {
        var c = new ExperimentCase(new CaseId(CaseKind.Experiment, 1));
        var e = Assert.Throws<CaseAnswerException>(() => c.Grade("{ not json"));
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Brief_never_reveals_the_planted_twist_or_lift()
    {
        foreach (var seed in Enumerable.Range(1, 30).Select(i => (ulong)i))
        {
            var c = new ExperimentCase(new CaseId(CaseKind.Experiment, seed));
            var brief = c.Brief();
            foreach (var word in new[] { "Simpson", "novelty", "planted", "peek", "lost" })
            {
                Assert.DoesNotContain(word, brief, StringComparison.OrdinalIgnoreCase);
            }
            Assert.DoesNotContain(Fmt.Pct(c.Data.Plan.RelativeLift, 1), brief, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("experiment-42", CaseKind.Experiment, 42UL, CaseScale.Tiny)]
    [InlineData("kpi-drop-7-standard", CaseKind.KpiDrop, 7UL, CaseScale.Standard)]
    [InlineData("MODELING-9", CaseKind.Modeling, 9UL, CaseScale.Tiny)]
    public void Case_ids_round_trip(string text, CaseKind kind, ulong seed, CaseScale scale)
    {
        var id = CaseId.TryParse(text);
        Assert.Equal(new CaseId(kind, seed, scale), id);
        Assert.Equal(text.ToLowerInvariant(), id!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("experiment")]
    [InlineData("experiment-x")]
    [InlineData("survey-3")]
    [InlineData("experiment--3")]
    public void Malformed_case_ids_are_refused(string text) => Assert.Null(CaseId.TryParse(text));
}

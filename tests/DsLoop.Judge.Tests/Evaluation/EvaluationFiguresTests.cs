using DsLoop.Content.Coaching;
using DsLoop.Judge.Evaluation;
using DsLoop.Judge.Judging;
using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Evaluation;

/// <summary>
/// The figures of docs/COACH.md, on the report half of the evaluation set (the half calibration never sees), asserted
/// at their measured levels: a change that makes the judge agree less with the labels fails the build.
/// </summary>
[Collection(JudgeCollection.Name)]
public sealed class EvaluationFiguresTests(JudgeFixture judge)
{
    private readonly IReadOnlyList<LabelledAnswer> report = EvaluationSet.Load(EvaluationSetTests.Folder).Of(EvaluationHalf.Report);

    private AgreementFigures Judged() =>
        Agreement.Measure(report, Calibration.Scorer(judge.Bank, judge.Cache, JudgeSettings.Calibrated, NumberChecker.Check));

    private AgreementFigures CueCoach() =>
        Agreement.Measure(report, a =>
        {
            var item = judge.Bank.ItemsById[a.ItemId];
            return AnswerCoach.Review(item, judge.Bank.Frameworks[item.FrameworkId], a.Text);
        });

    [Fact]
    public void The_judge_holds_its_measured_agreement_on_the_report_half()
    {
        Assert.True(report.Count >= 100, $"{report.Count} answers in the report half");
        var f = Judged();

        Assert.True(f.F1 >= Measured.F1, $"step F1 {f.F1:0.000} < {Measured.F1}");
        Assert.True(f.Precision >= Measured.Precision, $"step precision {f.Precision:0.000} < {Measured.Precision}");
        Assert.True(f.Spearman >= Measured.Spearman, $"Spearman {f.Spearman:0.000} < {Measured.Spearman}");
        Assert.True(f.StuffedAboveStrong <= Measured.StuffedAboveStrong, $"{f.StuffedAboveStrong} stuffed answers above a strong one");
        Assert.True(f.OffTopicCaught >= Measured.OffTopicCaught, $"off-topic caught {f.OffTopicCaught}/{f.OffTopic}");
        Assert.True(f.FalseOffTopic <= Measured.FalseOffTopic, $"{f.FalseOffTopic} answers wrongly called off-topic");
        Assert.True(f.FalseOffTopicHarm <= Measured.FalseOffTopicHarm, $"false off-topic flags weigh {f.FalseOffTopicHarm:0.00}");
        Assert.True(f.WrongNumbersCaught >= Measured.WrongNumbersCaught, $"wrong numbers caught {f.WrongNumbersCaught}/{f.WrongNumbers}");
        Assert.True(f.FalseNumberAlarms <= Measured.FalseNumberAlarms, $"{f.FalseNumberAlarms} right answers with a number called wrong");
        Assert.True(f.MistakePrecision >= Measured.MistakePrecision, $"mistake precision {f.MistakePrecision:0.000}");
        Assert.True(f.MistakeSeemsRecall >= Measured.MistakeSeemsRecall, $"mistake recall, any sign, {f.MistakeSeemsRecall:0.000}");
    }

    [Fact]
    public void No_strong_answer_is_called_off_topic()
    {
        var scorer = Calibration.Scorer(judge.Bank, judge.Cache, JudgeSettings.Calibrated, NumberChecker.Check);
        var strong = EvaluationSet.Load(EvaluationSetTests.Folder).Where(a => a.Kind == AnswerKind.Strong).ToList();

        Assert.NotEmpty(strong);
        Assert.All(strong, a => Assert.False(scorer(a).Relevance!.OffTopic, $"{a.Source} is strong but was called off-topic"));
    }

    [Fact]
    public void The_judge_agrees_with_interviewers_better_than_the_cue_coach()
    {
        var judged = Judged();
        var cues = CueCoach();

        Assert.True(judged.F1 > cues.F1, $"judge F1 {judged.F1:0.00} vs cue coach {cues.F1:0.00}");
        Assert.True(judged.Spearman > cues.Spearman + 0.2, $"judge Spearman {judged.Spearman:0.00} vs cue coach {cues.Spearman:0.00}");
        Assert.True(judged.StuffedAboveStrong < cues.StuffedAboveStrong);
    }

    /// <summary>The report-half figures measured with the calibrated settings (docs/COACH.md), rounded down.</summary>
    private static class Measured
    {
        public const double F1 = 0.82;
        public const double Precision = 0.76;
        public const double Spearman = 0.83;
        public const int StuffedAboveStrong = 0;
        public const int OffTopicCaught = 14;
        public const int FalseOffTopic = 9;
        public const double FalseOffTopicHarm = 0.34;
        public const int WrongNumbersCaught = 19;
        public const int FalseNumberAlarms = 0;
        public const double MistakePrecision = 0.87;
        public const double MistakeSeemsRecall = 0.72;
    }
}

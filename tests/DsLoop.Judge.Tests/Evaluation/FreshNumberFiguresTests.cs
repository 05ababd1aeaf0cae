using DsLoop.Judge.Evaluation;
using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Evaluation;

/// <summary>
/// The number checker on the fresh set (Evaluation/fresh, written without sight of the checker), at the levels in
/// docs/COACH.md. The checker was extended from the fresh calibration half only; the report half is the held-out
/// figure. A change that catches fewer wrong numbers or calls more right numbers wrong fails the build.
/// </summary>
public sealed class FreshNumberFiguresTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(EvaluationSetTests.Folder)!, "fresh");

    [Theory]
    [InlineData(EvaluationHalf.Calibrate, Measured.CalibrateCaught, Measured.CalibrateFalseAlarms)]
    [InlineData(EvaluationHalf.Report, Measured.ReportCaught, Measured.ReportFalseAlarms)]
    public void The_checker_holds_its_measured_catch_and_false_alarm_counts(EvaluationHalf half, int caught, int falseAlarms)
    {
        var answers = EvaluationSet.Load(Folder).Of(half);
        var wrong = answers.Where(a => a.Kind == AnswerKind.WrongNumber).ToList();
        var right = answers.Where(a => a.Kind != AnswerKind.WrongNumber).ToList();
        Assert.True(wrong.Count >= 15, $"{wrong.Count} wrong-number answers in the {half} half");
        Assert.True(right.Count >= 12, $"{right.Count} right answers in the {half} half");

        var missed = wrong.Where(a => !NumberChecker.Check(a.Text).Any(n => n.Wrong)).Select(a => a.Source).ToList();
        var alarms = right.Where(a => NumberChecker.Check(a.Text).Any(n => n.Wrong)).Select(a => a.Source).ToList();

        Assert.True(wrong.Count - missed.Count >= caught, $"caught {wrong.Count - missed.Count} of {wrong.Count}; missed: {string.Join(", ", missed)}");
        Assert.True(alarms.Count <= falseAlarms, $"right answers called wrong: {string.Join(", ", alarms)}");
    }

    private static class Measured
    {
        public const int CalibrateCaught = 18;
        public const int CalibrateFalseAlarms = 0;
        public const int ReportCaught = 2;
        public const int ReportFalseAlarms = 0;
    }
}

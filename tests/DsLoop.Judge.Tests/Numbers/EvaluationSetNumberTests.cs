using DsLoop.Judge.Evaluation;
using DsLoop.Judge.Numbers;
using DsLoop.Judge.Tests.Evaluation;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class EvaluationSetNumberTests
{
    [Fact]
    public void No_calibration_answer_without_a_wrong_number_gets_a_wrong_note()
    {
        var answers = EvaluationSet.Load(EvaluationSetTests.Folder).Of(EvaluationHalf.Calibrate).Where(a => a.Kind != AnswerKind.WrongNumber).ToList();
        Assert.True(answers.Count > 50, $"only {answers.Count} calibration answers");
        var wrong = answers.SelectMany(a => NumberChecker.Check(a.Text).Where(n => n.Wrong).Select(n => $"{a.Source}: {n.Explanation}")).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}

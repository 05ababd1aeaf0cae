using DsLoop.Core;
using DsLoop.Judge.Evaluation;
using DsLoop.Testing;

namespace DsLoop.Judge.Tests.Evaluation;

[Collection(JudgeCollection.Name)]
public sealed class EvaluationSetTests(JudgeFixture judge)
{
    public static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "DsLoop.Judge.Tests", "Evaluation", "answers");

    private readonly IReadOnlyList<LabelledAnswer> answers = EvaluationSet.Load(Folder);

    [Fact]
    public void The_set_has_200_answers_over_40_items_every_kind_and_every_dimension()
    {
        Assert.True(answers.Count >= 200, $"{answers.Count} answers");
        var items = answers.Select(a => a.ItemId).Distinct().ToList();
        Assert.True(items.Count >= 40, $"{items.Count} items");
        Assert.Equal(Enum.GetValues<AnswerKind>().Order(), answers.Select(a => a.Kind).Distinct().Order());
        var dimensions = items.SelectMany(i => judge.Bank.ItemsById[i].Dimensions).Distinct().ToList();
        Assert.Equal(Dimensions.All.Order(), dimensions.Order());
        Assert.True(answers.Count(a => a.Kind == AnswerKind.WrongNumber) >= 20);
        Assert.Contains(answers, a => a.Senior);
    }

    [Fact]
    public void Every_label_names_a_real_item_step_and_mistake()
    {
        Assert.NotEmpty(answers);
        foreach (var answer in answers)
        {
            Assert.True(judge.Bank.ItemsById.TryGetValue(answer.ItemId, out var item), $"{answer.Source}: no item '{answer.ItemId}'");
            var steps = judge.Bank.Frameworks[item!.FrameworkId].Steps.Select(s => s.Id).ToHashSet();
            Assert.All(answer.Steps, s => Assert.True(steps.Contains(s), $"{answer.Source}: step '{s}' is not in {item.FrameworkId}"));
            Assert.All(answer.Mistakes, m => Assert.InRange(m, 0, item.CommonMistakes.Count - 1));
            Assert.InRange(answer.Rating, 1, 4);
            Assert.False(string.IsNullOrWhiteSpace(answer.Text), answer.Source);
        }
    }

    [Fact]
    public void Both_halves_hold_items_and_no_item_is_in_both()
    {
        var calibrate = answers.Of(EvaluationHalf.Calibrate).Select(a => a.ItemId).ToHashSet();
        var report = answers.Of(EvaluationHalf.Report).Select(a => a.ItemId).ToHashSet();

        Assert.True(calibrate.Count >= 15, $"{calibrate.Count} calibration items");
        Assert.True(report.Count >= 15, $"{report.Count} report items");
        Assert.Empty(calibrate.Intersect(report));
    }

    [Fact]
    public void A_bad_file_is_named_in_the_error()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-eval-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "broken.yaml"), "item: x\nanswers:\n  - id: a\n    kind: brilliant\n    rating: 4\n    text: hi\n");

            var error = Assert.Throws<FormatException>(() => EvaluationSet.Load(folder.FullName));

            Assert.Contains("broken.yaml#a", error.Message, StringComparison.Ordinal);
            Assert.Contains("brilliant", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(true);
        }
    }
}

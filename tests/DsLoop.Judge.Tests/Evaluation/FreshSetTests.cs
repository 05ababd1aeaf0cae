using DsLoop.Content;
using DsLoop.Judge.Evaluation;
using DsLoop.Testing;

namespace DsLoop.Judge.Tests.Evaluation;

/// <summary>
/// The fresh held-out set (see fresh/README.md) is only checked for format here: it loads, names real items, steps
/// and mistakes, and its ratings are possible. No figure of the judge is asserted on it.
/// </summary>
public sealed class FreshSetTests
{
    public static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "DsLoop.Judge.Tests", "Evaluation", "fresh");

    private static readonly Lazy<ContentBank> Bank = new(() =>
    {
        var loaded = ContentLoader.Load(RepoPaths.Content);
        return loaded.Bank ?? throw new InvalidOperationException(string.Join('\n', loaded.Errors));
    });

    private readonly IReadOnlyList<LabelledAnswer> answers = EvaluationSet.Load(Folder);

    [Fact]
    public void The_fresh_set_loads_answers_with_wrong_and_right_numbers()
    {
        Assert.NotEmpty(answers);
        Assert.Contains(answers, a => a.Kind == AnswerKind.WrongNumber);
        Assert.Contains(answers, a => a.Kind is AnswerKind.Strong or AnswerKind.Partial);
    }

    [Fact]
    public void Every_fresh_label_names_a_real_item_step_and_mistake()
    {
        Assert.NotEmpty(answers);
        foreach (var answer in answers)
        {
            Assert.True(Bank.Value.ItemsById.TryGetValue(answer.ItemId, out var item), $"{answer.Source}: no item '{answer.ItemId}'");
            var steps = Bank.Value.Frameworks[item!.FrameworkId].Steps.Select(s => s.Id).ToHashSet();
            Assert.All(answer.Steps, s => Assert.True(steps.Contains(s), $"{answer.Source}: step '{s}' is not in {item.FrameworkId}"));
            Assert.All(answer.Mistakes, m => Assert.InRange(m, 0, item.CommonMistakes.Count - 1));
            Assert.InRange(answer.Rating, 1, 4);
            Assert.False(string.IsNullOrWhiteSpace(answer.Text), answer.Source);
        }
    }

    [Fact]
    public void A_fresh_wrong_number_answer_is_rated_at_most_two()
    {
        var wrong = answers.Where(a => a.Kind == AnswerKind.WrongNumber).ToList();

        Assert.NotEmpty(wrong);
        Assert.All(wrong, a => Assert.True(a.Rating <= 2, $"{a.Source}: rated {a.Rating}"));
    }
}

using DsLoop.Content;
using DsLoop.Judge.Numbers;
using DsLoop.Testing;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class ContentBankNumberTests
{
    [Fact]
    public void No_model_answer_weak_answer_or_expected_follow_up_point_in_the_bank_gets_a_wrong_number()
    {
        var loaded = ContentLoader.Load(RepoPaths.Content);
        var bank = loaded.Bank ?? throw new InvalidOperationException(string.Join('\n', loaded.Errors));
        var texts = bank.ItemsById.Values.SelectMany(TextsOf)
            .Where(t => !string.IsNullOrWhiteSpace(t.Text))
            .ToList();
        Assert.True(texts.Count(t => t.Where.EndsWith("model answer", StringComparison.Ordinal)) > 100, "too few model answers");
        Assert.True(texts.Count(t => t.Where.EndsWith("weak answer", StringComparison.Ordinal)) > 100, "too few weak answers");
        Assert.True(texts.Count(t => t.Where.Contains("follow-up", StringComparison.Ordinal)) > 100, "too few follow-up points");
        var wrong = texts.SelectMany(t => NumberChecker.Check(t.Text).Where(n => n.Wrong).Select(n => $"{t.Where}: {n.Explanation}")).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static IEnumerable<(string Where, string Text)> TextsOf(QuestionItem item) =>
        new[] { ($"{item.Id} model answer", item.ModelAnswer), ($"{item.Id} weak answer", item.WeakAnswer) }
            .Concat(item.FollowUps.SelectMany((f, i) => f.ExpectedPoints.Select(p => ($"{item.Id} follow-up {i + 1}", p))));
}

using DsLoop.Judge.Numbers;
using DsLoop.Testing;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class ModelAnswerTests
{
    [Fact]
    public void No_model_answer_in_the_bank_gets_a_wrong_number()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "questions"), "*.md", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count > 100, $"only {files.Count} question files");
        var answers = files.Select(f => (File: Path.GetFileName(f), Answer: ModelAnswer(File.ReadAllText(f)))).Where(a => a.Answer.Length > 0).ToList();
        Assert.True(answers.Count > 100, $"only {answers.Count} model answers");
        var wrong = answers.SelectMany(a => NumberChecker.Check(a.Answer).Where(n => n.Wrong).Select(n => $"{a.File}: {n.Explanation}")).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Model_answers_that_size_a_test_are_checked_and_consistent()
    {
        var file = Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "questions"), "*.md", SearchOption.AllDirectories)
            .Select(File.ReadAllText).Select(ModelAnswer).First(a => a.Contains("9,500 users per arm", StringComparison.Ordinal));
        Assert.Contains(NumberChecker.Check(file), n => n.Verdict == CheckedClaim.Consistent && n.Claim.Contains("9,500 per arm", StringComparison.Ordinal));
    }

    private static string ModelAnswer(string markdown)
    {
        var start = markdown.IndexOf("## Model answer", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }
        var end = markdown.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return markdown[(start + "## Model answer".Length)..(end < 0 ? markdown.Length : end)].Trim();
    }
}

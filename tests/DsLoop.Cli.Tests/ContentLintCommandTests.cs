using DsLoop.Testing;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class ContentLintCommandTests : IDisposable
{
    private readonly string _pack = Directory.CreateTempSubdirectory("dsloop-lint-").FullName;
    private readonly string _sources = Directory.CreateTempSubdirectory("dsloop-lint-sources-").FullName;

    public void Dispose()
    {
        Directory.Delete(_pack, recursive: true);
        Directory.Delete(_sources, recursive: true);
    }

    /// <summary>A one-item pack copied from the shipped content, so it starts out clean.</summary>
    private string CopyItem(string folder, string id)
    {
        Directory.CreateDirectory(Path.Combine(_pack, "questions"));
        foreach (var framework in Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "frameworks")))
        {
            Directory.CreateDirectory(Path.Combine(_pack, "frameworks"));
            File.Copy(framework, Path.Combine(_pack, "frameworks", Path.GetFileName(framework)));
        }
        var target = Path.Combine(_pack, "questions", $"{id}.md");
        var text = File.ReadAllText(Path.Combine(RepoPaths.Content, "questions", folder, $"{id}.md"));
        File.WriteAllText(target, System.Text.RegularExpressions.Regex.Replace(text, @"related: \[[^\]]*\]\n", ""));
        return target;
    }

    [SkippableFact]
    public async Task Shipped_content_passes_the_coach_rules_and_copies_nothing_from_the_seeds()
    {
        Requirements.Need(RepoPaths.Seeds is null ? "the seed documents (../shared/seeds) are not beside the repository" : null);
        var result = await Cli.RunAsync("content", "lint", RepoPaths.Content, "--sources", RepoPaths.Seeds!);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Content is clean", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_answer_that_misses_a_step_is_reported_with_its_file()
    {
        var file = CopyItem("statistics", "onboarding-test-sample-size");
        var text = File.ReadAllText(file);
        var start = text.IndexOf("## Model answer", StringComparison.Ordinal);
        var end = text.IndexOf("## Weak answer", StringComparison.Ordinal);
        File.WriteAllText(file, text[..start] + "## Model answer\n" + string.Join(' ', Enumerable.Repeat("I would think hard about it and talk to the team.", 20)) + "\n\n" + text[end..]);
        var result = await Cli.RunAsync("content", "lint", _pack, "--sources", _sources);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("onboarding-test-sample-size.md:2: onboarding-test-sample-size: the model answer does not show step 'primary-metric'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sentence_copied_from_a_source_document_is_reported()
    {
        var file = CopyItem("statistics", "onboarding-test-sample-size");
        var copied = "The interviewer wants to see the full chain from metric to run time, and whether you know";
        await File.WriteAllTextAsync(Path.Combine(_sources, "guide.txt"), $"Some preface. {copied.ToUpperInvariant()} and more.");
        var result = await Cli.RunAsync("content", "lint", _pack, "--sources", _sources);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.GetFileName(file)}:1: repeats 12 words from the sources", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_sources_folder_is_a_usage_error()
    {
        CopyItem("statistics", "onboarding-test-sample-size");
        var result = await Cli.RunAsync("content", "lint", _pack, "--sources", Path.Combine(_sources, "nope"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--sources: no folder at", result.Error, StringComparison.Ordinal);
    }
}

using System.Text.RegularExpressions;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Content.Tests;

/// <summary>DsLoop carries the seed documents' facts, never their sentences.</summary>
public sealed partial class SeedCopyingTests
{
    private const int RunLength = 12;

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex WordPattern();

    internal static string[] Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value.Replace('’', '\''))];

    internal static HashSet<string> Runs(string text)
    {
        var words = Words(text);
        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + RunLength <= words.Length; i++)
        {
            runs.Add(string.Join(' ', words, i, RunLength));
        }
        return runs;
    }

    [Fact]
    public void Detector_finds_a_copied_twelve_word_run()
    {
        var source = Runs("one two three four five six seven eight nine ten eleven twelve thirteen");
        var copied = Runs("prefix Two three four five six seven eight nine ten eleven twelve thirteen");
        var paraphrased = Runs("prefix two three four five six seven eight nine ten eleven 12 thirteen");
        Assert.True(copied.Overlaps(source));
        Assert.False(paraphrased.Overlaps(source));
    }

    [SkippableFact]
    public void No_content_file_repeats_twelve_words_in_a_row_from_the_seeds()
    {
        var seeds = RepoPaths.Seeds;
        Requirements.Need(seeds is null ? "the seed documents (../shared/seeds) are not beside the repository" : null);
        var seedRuns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(seeds!, "*.txt"))
        {
            seedRuns.UnionWith(Runs(File.ReadAllText(file)));
        }
        Assert.NotEmpty(seedRuns);
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Content, "*.*", SearchOption.AllDirectories))
        {
            var copied = Runs(File.ReadAllText(file)).Where(seedRuns.Contains).ToList();
            if (copied.Count > 0)
            {
                offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: \"{copied[0]}\"");
            }
        }
        Assert.True(offenders.Count == 0, "Copied from the seeds:\n" + string.Join("\n", offenders));
    }
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using DsLoop.Content;
using DsLoop.Content.Coaching;

namespace DsLoop.Bench;

/// <summary>
/// The answer coach on a 300-word answer, against only splitting and lower-casing the same text (the
/// baseline: the least any sentence-level analysis must do).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class CoachBenchmarks
{
    private Framework _framework = null!;
    private string _answer = "";

    [GlobalSetup]
    public void Setup()
    {
        var bank = ContentLoader.Load(BenchPaths.Content).Bank ?? throw new InvalidOperationException("content invalid");
        var item = bank.ItemsById["onboarding-test-sample-size"];
        _framework = bank.Frameworks[item.FrameworkId];
        var words = item.ModelAnswer.Split(' ');
        _answer = string.Join(' ', Enumerable.Range(0, 300).Select(i => words[i % words.Length]));
    }

    [Benchmark(Baseline = true, Description = "split sentences + lower-case (baseline)")]
    public int SplitOnly() => AnswerCoach.SplitSentences(_answer).Sum(s => s.ToLowerInvariant().Length);

    [Benchmark(Description = "coach a 300-word answer")]
    public CoachReport Coach() => AnswerCoach.Review(_answer, _framework);
}

/// <summary>
/// Loading and validating a 1,000-item bank (the shipped items copied with new ids), against reading the
/// same files' text without parsing (the baseline).
/// </summary>
[MemoryDiagnoser]
public class BankLoadBenchmarks
{
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("dsloop-bank-").FullName;
        var source = BenchPaths.Content;
        Directory.CreateDirectory(Path.Combine(_folder, "frameworks"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "frameworks")))
        {
            File.Copy(file, Path.Combine(_folder, "frameworks", Path.GetFileName(file)));
        }
        var items = Directory.EnumerateFiles(Path.Combine(source, "questions"), "*.md", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToList();
        Directory.CreateDirectory(Path.Combine(_folder, "questions"));
        for (var i = 0; i < 1000; i++)
        {
            var text = items[i % items.Count];
            var id = System.Text.RegularExpressions.Regex.Match(text, "^id: (.+)$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value.Trim();
            // Related ids would dangle in copies; drop them so every copy validates.
            var copy = text.Replace($"id: {id}", $"id: {id}-{i}", StringComparison.Ordinal);
            copy = System.Text.RegularExpressions.Regex.Replace(copy, "^related: .*$\n", "", System.Text.RegularExpressions.RegexOptions.Multiline);
            File.WriteAllText(Path.Combine(_folder, "questions", $"{id}-{i}.md"), copy);
        }
        if (ContentLoader.Load(_folder) is { IsValid: false } result)
        {
            throw new InvalidOperationException(string.Join("\n", result.Errors.Take(5)));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "read 1,005 files (baseline)")]
    public int ReadOnly() => Directory.EnumerateFiles(_folder, "*.*", SearchOption.AllDirectories).Sum(f => File.ReadAllText(f).Length);

    [Benchmark(Description = "load + validate 1,000 items")]
    public int LoadAndValidate() => ContentLoader.Load(_folder).Bank!.Items.Count;
}

internal sealed class PercentileConfig : BenchmarkDotNet.Configs.ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
}

internal static class BenchPaths
{
    public static string Content
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DsLoop.slnx")))
                {
                    return Path.Combine(dir.FullName, "content");
                }
            }
            return Path.GetFullPath("content");
        }
    }
}

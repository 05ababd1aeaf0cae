using System.Text.RegularExpressions;
using DsLoop.Content.Coaching;

namespace DsLoop.Content;

/// <summary>
/// Quality rules for a loaded bank that go beyond validity: the coach must recognise every model answer
/// as complete and every weak answer as weak, and no text may repeat a long run of words from a source
/// document. Hiring teams run it on their own packs with <c>dsloop content lint</c>.
/// </summary>
public static partial class ContentLint
{
    /// <summary>Words in a row that count as copying.</summary>
    public const int CopyRunLength = 12;

    /// <summary>Checks every item of the bank; returns one problem per broken rule, located at the item's file.</summary>
    public static IReadOnlyList<ContentError> CheckCoaching(ContentBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var problems = new List<ContentError>();
        foreach (var item in bank.Items)
        {
            var framework = bank.Frameworks[item.FrameworkId];
            var model = AnswerCoach.Review(item, framework, item.ModelAnswer);
            var weak = AnswerCoach.Review(item, framework, item.WeakAnswer);
            void Add(string message) => problems.Add(new ContentError(item.Source, $"{item.Id}: {message}"));

            foreach (var step in model.MissedSteps)
            {
                Add($"the model answer does not show step '{step.StepId}' (cues: {string.Join(", ", step.Cues)})");
            }
            if (model.Length != LengthVerdict.WithinTarget)
            {
                Add($"the model answer has {model.Words} words; keep it within {AnswerCoach.DefaultTarget.Min}–{AnswerCoach.DefaultTarget.Max}");
            }
            foreach (var mistake in model.Mistakes.Where(m => m.Seems))
            {
                Add($"the model answer trips its own mistake '{Shorten(mistake.Mistake)}' ({string.Join(", ", mistake.Evidence)})");
            }
            if (weak.MissedSteps.Count() < 2)
            {
                Add($"the weak answer misses only {weak.MissedSteps.Count()} framework step(s); it must miss at least 2");
            }
            if (weak.Score >= model.Score)
            {
                Add($"the weak answer scores {weak.Score:F2}, not below the model answer's {model.Score:F2}");
            }
            if (!weak.Mistakes.Any(m => m.Seems))
            {
                Add("the weak answer makes none of the listed common mistakes (add {signs: …} to a mistake it shows)");
            }
        }
        return problems;
    }

    /// <summary>
    /// Finds content files that repeat <see cref="CopyRunLength"/> words in a row from any <c>*.txt</c> in
    /// <paramref name="sourcesFolder"/>; returns one problem per file, quoting the first copied run.
    /// </summary>
    public static IReadOnlyList<ContentError> CheckCopying(string contentFolder, string sourcesFolder)
    {
        var sourceRuns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sourcesFolder, "*.txt"))
        {
            sourceRuns.UnionWith(Runs(File.ReadAllText(file)));
        }
        var problems = new List<ContentError>();
        foreach (var file in Directory.EnumerateFiles(contentFolder, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var copied = Runs(File.ReadAllText(file)).FirstOrDefault(sourceRuns.Contains);
            if (copied is not null)
            {
                problems.Add(new ContentError(new SourceSpan(Path.GetRelativePath(contentFolder, file), 1), $"repeats {CopyRunLength} words from the sources: \"{copied}\""));
            }
        }
        return problems;
    }

    /// <summary>Every run of <see cref="CopyRunLength"/> consecutive lower-cased words in the text.</summary>
    public static HashSet<string> Runs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value.Replace('’', '\'')).ToArray();
        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + CopyRunLength <= words.Length; i++)
        {
            runs.Add(string.Join(' ', words, i, CopyRunLength));
        }
        return runs;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex WordPattern();
}

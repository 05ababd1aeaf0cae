using DsLoop.Content.Loops;

namespace DsLoop.Content;

/// <summary>
/// Loads a content folder: <c>frameworks/*.yaml</c>, <c>questions/**/*.md</c> and, when present,
/// <c>loops/*.yaml</c>. Either every
/// file is valid and a bank is returned, or the errors are returned and no bank: content is never
/// half-loaded.
/// </summary>
public static class ContentLoader
{
    /// <summary>The sub-folder holding frameworks.</summary>
    public const string FrameworksFolder = "frameworks";

    /// <summary>The sub-folder holding open-question items.</summary>
    public const string QuestionsFolder = "questions";

    /// <summary>The sub-folder holding mock-loop templates; optional, so older packs without it still load.</summary>
    public const string LoopsFolder = "loops";

    /// <summary>Loads and validates every content file under <paramref name="root"/>.</summary>
    public static ContentLoadResult Load(string root)
    {
        var errors = new List<ContentError>();
        if (!Directory.Exists(root))
        {
            errors.Add(new ContentError(new SourceSpan(root, 0), "the content folder does not exist."));
            return new ContentLoadResult(null, errors, 0);
        }
        var filesRead = 0;
        var frameworks = new List<Framework>();
        foreach (var path in Files(root, FrameworksFolder, "*.yaml", "*.yml"))
        {
            filesRead++;
            if (FrameworkReader.Read(File.ReadAllText(path), Relative(root, path), errors) is { } framework)
            {
                frameworks.Add(framework);
            }
        }
        var items = new List<(QuestionItem Item, ItemReferences References)>();
        foreach (var path in Files(root, QuestionsFolder, "*.md"))
        {
            filesRead++;
            if (QuestionReader.Read(File.ReadAllText(path), Relative(root, path), errors) is { } read)
            {
                items.Add(read);
            }
        }
        var loops = new List<LoopTemplate>();
        foreach (var path in Files(root, LoopsFolder, "*.yaml", "*.yml"))
        {
            filesRead++;
            if (LoopReader.Read(File.ReadAllText(path), Relative(root, path), errors) is { } loop)
            {
                loops.Add(loop);
            }
        }

        CheckUnique(frameworks.Select(f => (f.Id, f.Source)), "framework", errors);
        CheckUnique(items.Select(i => (i.Item.Id, i.Item.Source)), "item", errors);
        CheckUnique(loops.Select(l => (l.Id, l.Source)), "loop template", errors);
        LoopValidator.CheckAgainstBank(loops, [.. items.Select(i => i.Item)], errors);
        var frameworkIds = frameworks.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var itemIds = items.Select(i => i.Item.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (item, references) in items)
        {
            if (item.FrameworkId.Length > 0 && !frameworkIds.Contains(item.FrameworkId))
            {
                errors.Add(new ContentError(references.Framework, $"item '{item.Id}' names unknown framework '{item.FrameworkId}'."));
            }
            var framework = frameworks.FirstOrDefault(f => f.Id == item.FrameworkId);
            foreach (var sign in item.CommonMistakes.SelectMany(m => m.Signs))
            {
                var isStep = sign.StartsWith(MistakeSigns.MissedStepPrefix, StringComparison.Ordinal);
                if (isStep && framework is not null && framework.Steps.All(st => st.Id != sign[MistakeSigns.MissedStepPrefix.Length..]))
                {
                    errors.Add(new ContentError(item.Source, $"item '{item.Id}' has mistake sign '{sign}' but framework '{framework.Id}' has no such step."));
                }
                else if (!isStep && !MistakeSigns.Simple.Contains(sign))
                {
                    errors.Add(new ContentError(item.Source,
                        $"item '{item.Id}' has unknown mistake sign '{sign}'; use {string.Join(", ", MistakeSigns.Simple)} or {MistakeSigns.MissedStepPrefix}STEP."));
                }
            }
            foreach (var (relatedId, where) in references.Related)
            {
                if (relatedId == item.Id)
                {
                    errors.Add(new ContentError(where, $"item '{item.Id}' lists itself as related."));
                }
                else if (!itemIds.Contains(relatedId))
                {
                    errors.Add(new ContentError(where, $"item '{item.Id}' is related to unknown item '{relatedId}'."));
                }
            }
        }

        var sorted = errors.OrderBy(e => e.Where.File, StringComparer.Ordinal).ThenBy(e => e.Where.Line).ToList();
        return sorted.Count > 0
            ? new ContentLoadResult(null, sorted, filesRead)
            : new ContentLoadResult(new ContentBank(frameworks, [.. items.Select(i => i.Item)], loops), sorted, filesRead);
    }

    private static IEnumerable<string> Files(string root, string folder, params string[] patterns)
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return [];
        }
        return patterns
            .SelectMany(p => Directory.EnumerateFiles(directory, p, SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static void CheckUnique(IEnumerable<(string Id, SourceSpan Where)> ids, string noun, List<ContentError> errors)
    {
        foreach (var group in ids.Where(i => i.Id.Length > 0).GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First().Where;
            foreach (var (id, where) in group.Skip(1))
            {
                errors.Add(new ContentError(where, $"duplicate {noun} id '{id}', first defined at {first}."));
            }
        }
    }
}

using DsLoop.Content.Loops;
using DsLoop.Content.Sql;

namespace DsLoop.Content;

/// <summary>
/// Loads a content folder: <c>frameworks/*.yaml</c>, <c>questions/**/*.md</c> and, when present,
/// <c>loops/*.yaml</c> and <c>sql/*.yaml</c>. Either every
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

    /// <summary>The sub-folder holding SQL problems; optional like <see cref="LoopsFolder"/>.</summary>
    public const string SqlFolder = "sql";

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
        foreach (var path in Files(Path.Combine(root, FrameworksFolder), "*.yaml", "*.yml"))
        {
            filesRead++;
            if (FrameworkReader.Read(File.ReadAllText(path), Relative(root, path), errors) is { } framework)
            {
                frameworks.Add(framework);
            }
        }
        var items = new List<(QuestionItem Item, ItemReferences References)>();
        foreach (var path in Files(Path.Combine(root, QuestionsFolder), "*.md"))
        {
            filesRead++;
            if (QuestionReader.Read(File.ReadAllText(path), Relative(root, path), errors) is { } read)
            {
                items.Add(read);
            }
        }
        var loops = new List<LoopTemplate>();
        foreach (var path in Files(Path.Combine(root, LoopsFolder), "*.yaml", "*.yml"))
        {
            filesRead++;
            if (LoopReader.Read(File.ReadAllText(path), Relative(root, path), errors) is { } loop)
            {
                loops.Add(loop);
            }
        }
        var sqlProblems = ReadSqlProblems(root, Path.Combine(root, SqlFolder), errors, ref filesRead);

        CheckUnique(frameworks.Select(f => (f.Id, f.Source)), "framework", errors);
        CheckUnique(items.Select(i => (i.Item.Id, i.Item.Source)), "item", errors);
        CheckUnique(loops.Select(l => (l.Id, l.Source)), "loop template", errors);
        LoopValidator.CheckAgainstBank(loops, [.. items.Select(i => i.Item)], frameworks.DistinctBy(f => f.Id).ToDictionary(f => f.Id, StringComparer.Ordinal), errors);
        var frameworkIds = frameworks.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var itemIds = items.Select(i => i.Item.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (item, references) in items)
        {
            if (item.FrameworkId.Length > 0 && !frameworkIds.Contains(item.FrameworkId))
            {
                errors.Add(new ContentError(references.Framework, $"item '{item.Id}' names unknown framework '{item.FrameworkId}'."));
            }
            var framework = frameworks.FirstOrDefault(f => f.Id == item.FrameworkId);
            if (framework is { Rounds.Count: > 0 } && !item.Rounds.Any(framework.Rounds.Contains))
            {
                errors.Add(new ContentError(references.Framework,
                    $"item '{item.Id}' is asked in {string.Join("/", item.Rounds.Select(Core.Rounds.Slug))}, but its framework '{framework.Id}' is built for {string.Join("/", framework.Rounds.Select(Core.Rounds.Slug))} only."));
            }
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

        return Result(errors, filesRead, () => new ContentBank(frameworks, [.. items.Select(i => i.Item)], loops, sqlProblems));
    }

    /// <summary>
    /// Loads only a folder of SQL problem files (a pack's <c>sql/</c>, or any folder of them) with the same checks and
    /// errors as <see cref="Load"/>; error files are relative to <paramref name="folder"/>. The bank holds only the problems.
    /// </summary>
    public static ContentLoadResult LoadSqlProblems(string folder)
    {
        var errors = new List<ContentError>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new ContentError(new SourceSpan(folder, 0), "the SQL problem folder does not exist."));
            return new ContentLoadResult(null, errors, 0);
        }
        var filesRead = 0;
        var problems = ReadSqlProblems(folder, folder, errors, ref filesRead);
        return Result(errors, filesRead, () => new ContentBank([], [], [], problems));
    }

    private static List<SqlProblem> ReadSqlProblems(string root, string folder, List<ContentError> errors, ref int filesRead)
    {
        var problems = new List<SqlProblem>();
        foreach (var path in Files(folder, "*.yaml", "*.yml"))
        {
            filesRead++;
            if (SqlProblemReader.Read(File.ReadAllText(path), Relative(root, path), errors) is { } problem)
            {
                problems.Add(problem);
            }
        }
        CheckUnique(problems.Select(p => (p.Id, p.Source)), "SQL problem", errors);
        return problems;
    }

    private static ContentLoadResult Result(List<ContentError> errors, int filesRead, Func<ContentBank> bank)
    {
        var sorted = errors.OrderBy(e => e.Where.File, StringComparer.Ordinal).ThenBy(e => e.Where.Line).ToList();
        return new ContentLoadResult(sorted.Count > 0 ? null : bank(), sorted, filesRead);
    }

    private static IEnumerable<string> Files(string directory, params string[] patterns)
    {
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

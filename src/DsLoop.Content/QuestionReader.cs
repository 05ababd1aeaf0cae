using DsLoop.Core;

namespace DsLoop.Content;

/// <summary>
/// Reads one question file: YAML front matter between two '---' lines, then Markdown with one
/// '## ' section per long field (see docs/CONTENT.md).
/// </summary>
internal static class QuestionReader
{
    public const string PromptSection = "Prompt";
    public const string WhySection = "Why they ask";
    public const string ModelSection = "Model answer";
    public const string WeakSection = "Weak answer";
    public const string MistakesSection = "Common mistakes";
    public const string FollowUpsSection = "Follow-ups";
    public const string SeniorSection = "Senior addendum";

    /// <summary>How many expected points each follow-up probe carries.</summary>
    public const int MinPoints = 2, MaxPoints = 4;

    private static readonly string[] KnownSections =
        [PromptSection, WhySection, ModelSection, WeakSection, MistakesSection, FollowUpsSection, SeniorSection];

    /// <summary>Returns the item and where each reference (framework, related ids) was written, for later checks.</summary>
    public static (QuestionItem Item, ItemReferences References)? Read(string text, string file, List<ContentError> errors)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            errors.Add(new ContentError(new SourceSpan(file, 1), "a question file must start with a '---' line opening its YAML front matter."));
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            errors.Add(new ContentError(new SourceSpan(file, 1), "the YAML front matter is never closed by a '---' line."));
            return null;
        }
        // Line numbers inside the front matter are offset by the opening '---' line.
        var root = YamlDocuments.Parse(string.Join('\n', lines[1..close]), file, 1, errors);
        if (root is null)
        {
            return null;
        }
        var map = new YamlMap(root, file, 1, errors, "a question's front matter");
        var id = map.RequiredString("id");
        var title = map.RequiredString("title");
        var rounds = Parse<Round>(map, "rounds", Rounds.TryParse, "round", Rounds.All.Select(Rounds.Slug));
        var dimensions = Parse<Dimension>(map, "dimensions", Dimensions.TryParse, "dimension", Dimensions.All.Select(Dimensions.Slug));
        var levelText = map.RequiredString("level");
        var level = Level.Both;
        if (levelText.Length > 0 && !LevelsAndVariants.TryParseLevel(levelText, out level))
        {
            errors.Add(new ContentError(map.Start, $"unknown level '{levelText}'; use ds, senior or both."));
        }
        var variants = Parse<CompanyVariant>(map, "variants", LevelsAndVariants.TryParseVariant, "variant",
            Enum.GetValues<CompanyVariant>().Select(LevelsAndVariants.Slug), required: false);
        var framework = map.RequiredString("framework");
        var related = map.List("related", required: false);
        map.RejectUnknownKeys();
        if (id.Length > 0 && !Slugs.IsValid(id))
        {
            errors.Add(new ContentError(map.Start, $"item id '{id}' must be lowercase words joined by hyphens."));
        }

        var sections = ReadSections(lines, close + 1, file, errors);
        string Section(string name)
        {
            if (sections.TryGetValue(name, out var body) && body.Text.Length > 0)
            {
                return body.Text;
            }
            errors.Add(new ContentError(sections.TryGetValue(name, out var empty) ? empty.Where : new SourceSpan(file, close + 1),
                $"item '{id}' is missing the section '## {name}' or it is empty."));
            return "";
        }
        IReadOnlyList<string> Bullets(string name, int min, int max)
        {
            var text = Section(name);
            var bullets = SplitBullets(text);
            if (text.Length > 0 && (bullets.Count < min || bullets.Count > max))
            {
                errors.Add(new ContentError(sections[name].Where,
                    $"'## {name}' of item '{id}' needs {min}–{max} '- ' bullets, found {bullets.Count}."));
            }
            return bullets;
        }

        var followUps = new List<FollowUp>();
        if (Section(FollowUpsSection).Length > 0)
        {
            var followUpsBody = sections[FollowUpsSection];
            followUps = FollowUpReader.Read(followUpsBody.Lines, id, errors);
            if (followUps.Count is < 2 or > 4)
            {
                errors.Add(new ContentError(followUpsBody.Where,
                    $"'## {FollowUpsSection}' of item '{id}' needs 2–4 '- ' bullets, found {followUps.Count}."));
            }
        }

        var item = new QuestionItem(
            id, title, Section(PromptSection), rounds, dimensions, level,
            variants.Count == 0 ? [CompanyVariant.Any] : variants,
            framework, Section(WhySection), Section(ModelSection), Section(WeakSection),
            [.. Bullets(MistakesSection, 1, 8).Select(b => ParseMistake(b, id, sections[MistakesSection].Where, errors))],
            followUps, SeniorAddendum(sections.GetValueOrDefault(SeniorSection), id, level, errors),
            [.. related.Select(r => r.Value)], map.Start);
        var references = new ItemReferences(map.Start, [.. related.Select(r => (r.Value, map.Where(r.Node)))]);
        return (item, references);
    }

    private delegate bool TryParse<T>(string? slug, out T value);

    /// <summary>The optional senior addendum: only on items for Seniors (level senior or both), and never empty.</summary>
    private static string SeniorAddendum(SectionBody? body, string id, Level level, List<ContentError> errors)
    {
        if (body is null)
        {
            return "";
        }
        if (body.Text.Length == 0)
        {
            errors.Add(new ContentError(body.Where, $"'## {SeniorSection}' of item '{id}' is empty; write what a Senior adds or remove the section."));
        }
        if (level == Level.DataScientist)
        {
            errors.Add(new ContentError(body.Where,
                $"item '{id}' has level ds, so it cannot have a '## {SeniorSection}'; make the level both or senior, or remove the section."));
        }
        return body.Text;
    }

    /// <summary>Splits "text {signs: phrase | @sign}" into the mistake and how to detect it.</summary>
    private static CommonMistake ParseMistake(string bullet, string id, SourceSpan where, List<ContentError> errors)
    {
        var open = bullet.LastIndexOf("{signs:", StringComparison.Ordinal);
        if (open < 0 || !bullet.EndsWith('}'))
        {
            return new CommonMistake(bullet, [], []);
        }
        var phrases = new List<string>();
        var signs = new List<string>();
        foreach (var raw in bullet[(open + "{signs:".Length)..^1].Split('|'))
        {
            var token = raw.Trim().Trim('"').Trim();
            if (token.Length == 0)
            {
                errors.Add(new ContentError(where, $"a common mistake of item '{id}' has an empty sign."));
            }
            else if (token.StartsWith('@'))
            {
                signs.Add(token);
            }
            else
            {
                phrases.Add(token.ToLowerInvariant());
            }
        }
        return new CommonMistake(bullet[..open].Trim(), phrases, signs);
    }

    private static List<T> Parse<T>(YamlMap map, string key, TryParse<T> parse, string noun, IEnumerable<string> allowed, bool required = true)
    {
        var result = new List<T>();
        foreach (var (value, node) in map.List(key, required))
        {
            if (parse(value, out var parsed))
            {
                result.Add(parsed);
            }
            else
            {
                map.Error(node, $"unknown {noun} '{value}'; expected one of: {string.Join(", ", allowed)}.");
            }
        }
        return result;
    }

    /// <summary>A section's trimmed text, where its heading is, and its raw lines with their 1-based line numbers.</summary>
    private sealed record SectionBody(string Text, SourceSpan Where, IReadOnlyList<(string Text, SourceSpan Where)> Lines);

    private static Dictionary<string, SectionBody> ReadSections(string[] lines, int start, string file, List<ContentError> errors)
    {
        var sections = new Dictionary<string, SectionBody>(StringComparer.Ordinal);
        string? current = null;
        var currentLine = 0;
        var body = new List<(string Text, SourceSpan Where)>();
        void Flush()
        {
            if (current is not null)
            {
                sections[current] = new SectionBody(string.Join('\n', body.Select(l => l.Text)).Trim(), new SourceSpan(file, currentLine), [.. body]);
            }
            body.Clear();
        }
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                var name = line[3..].Trim();
                currentLine = i + 1;
                if (!KnownSections.Contains(name, StringComparer.Ordinal))
                {
                    errors.Add(new ContentError(new SourceSpan(file, i + 1),
                        $"unknown section '## {name}'; expected: {string.Join(", ", KnownSections.Select(s => $"'{s}'"))}."));
                    current = null;
                    continue;
                }
                if (sections.ContainsKey(name))
                {
                    errors.Add(new ContentError(new SourceSpan(file, i + 1), $"section '## {name}' appears twice."));
                }
                current = name;
            }
            else if (current is not null)
            {
                body.Add((line, new SourceSpan(file, i + 1)));
            }
            else if (line.Trim().Length > 0)
            {
                errors.Add(new ContentError(new SourceSpan(file, i + 1), "text outside any '## ' section."));
            }
        }
        Flush();
        return sections;
    }

    private static List<string> SplitBullets(string text)
    {
        var bullets = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                bullets.Add(line[2..].Trim());
            }
            else if (line.Length > 0 && bullets.Count > 0)
            {
                bullets[^1] += " " + line;
            }
        }
        return bullets;
    }
}

/// <summary>Where an item's references were written, so broken ones can be reported in place.</summary>
internal sealed record ItemReferences(SourceSpan Framework, IReadOnlyList<(string Id, SourceSpan Where)> Related);

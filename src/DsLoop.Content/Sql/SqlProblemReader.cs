using System.Globalization;
using System.Text.Json;
using DsLoop.Sql;
using DsLoop.Sql.Bank;
using YamlDotNet.RepresentationModel;

namespace DsLoop.Content.Sql;

/// <summary>Reads one SQL problem file (YAML); see docs/CONTENT.md for the format.</summary>
internal static class SqlProblemReader
{
    private const int DefaultMinRows = 3;
    private const int FewestHints = 2;
    private const string PostgresEngine = "postgres";

    public static SqlProblem? Read(string text, string file, List<ContentError> errors)
    {
        var root = YamlDocuments.Parse(text, file, 0, errors);
        if (root is null)
        {
            return null;
        }
        var map = new YamlMap(root, file, 0, errors, "a SQL problem");
        var id = map.RequiredString("id");
        var expectedId = Path.GetFileNameWithoutExtension(file);
        if (id.Length > 0 && id != expectedId)
        {
            map.Error(map.ValueOf("id"), $"id '{id}' must match the file name '{expectedId}'.");
        }
        var title = map.RequiredString("title");
        var difficultyText = map.RequiredString("difficulty");
        if (!DifficultyNames.TryParse(difficultyText, out var difficulty) && difficultyText.Length > 0)
        {
            map.Error(map.ValueOf("difficulty"), $"difficulty '{difficultyText}' is not easy, medium or hard.");
        }
        var skills = map.List("skills", required: true);
        var prompt = map.RequiredString("prompt");
        var columns = map.List("columns", required: true);
        var spec = ReadSpec(map);
        var minRows = ReadMinRows(map);
        var reference = Dialects(map.RequiredString("reference"), map.OptionalString("reference_postgres"));
        var hints = map.List("hints", required: true);
        if (hints.Count is > 0 and < FewestHints)
        {
            map.Error(hints[0].Node, $"'hints' needs at least {FewestHints} item(s), found {hints.Count}.");
        }
        var explanation = map.RequiredString("explanation");
        var traps = ReadTraps(map, file, errors);
        var equivalents = ReadEquivalents(map, file, errors);
        map.RejectUnknownKeys();
        return new SqlProblem(id, title, difficulty, Values(skills), prompt, Values(columns), spec, reference, Values(hints),
            explanation, traps, minRows, map.Start)
        { EquivalentMutants = equivalents };
    }

    private static GradingSpec ReadSpec(YamlMap map)
    {
        switch (map.Optional("grading"))
        {
            case null:
                return new GradingSpec();
            case YamlMappingNode grading:
                try
                {
                    return GradingSpec.FromJson(JsonSerializer.Serialize(ToObject(grading)));
                }
                catch (JsonException e)
                {
                    map.Error(grading, $"invalid grading spec: {e.Message}");
                    return new GradingSpec();
                }
            case var other:
                map.Error(other, "'grading' must be a mapping such as 'order: full'.");
                return new GradingSpec();
        }
    }

    private static int ReadMinRows(YamlMap map)
    {
        if (map.OptionalString("min_rows") is not { } text)
        {
            return DefaultMinRows;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minRows) && minRows > 0)
        {
            return minRows;
        }
        map.Error(map.ValueOf("min_rows"), $"min_rows must be a positive whole number, found '{text}'.");
        return DefaultMinRows;
    }

    private static List<SqlTrap> ReadTraps(YamlMap map, string file, List<ContentError> errors)
    {
        const string needOne = "a SQL problem needs at least one trap query (a common mistake the grader must reject).";
        var traps = new List<SqlTrap>();
        switch (map.Optional("traps"))
        {
            case null:
                errors.Add(new ContentError(map.Start, needOne));
                break;
            case YamlSequenceNode { Children.Count: 0 } empty:
                map.Error(empty, needOne);
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    if (child is not YamlMappingNode trapNode)
                    {
                        map.Error(child, "every trap must be a mapping with name, why and sql.");
                        continue;
                    }
                    var trap = new YamlMap(trapNode, file, 0, errors, "a trap");
                    var name = trap.RequiredString("name");
                    var why = trap.RequiredString("why");
                    var sql = Dialects(trap.RequiredString("sql"), trap.OptionalString("sql_postgres"));
                    trap.RejectUnknownKeys();
                    traps.Add(new SqlTrap(name, why, sql));
                }
                break;
            case var other:
                map.Error(other, "'traps' must be a list.");
                break;
        }
        return traps;
    }

    /// <summary>equivalent_mutants: a list of { mutant: label, why: reason } for mutants no dataset can kill.</summary>
    private static List<EquivalentMutant> ReadEquivalents(YamlMap map, string file, List<ContentError> errors)
    {
        var equivalents = new List<EquivalentMutant>();
        switch (map.Optional("equivalent_mutants"))
        {
            case null:
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    if (child is not YamlMappingNode node)
                    {
                        map.Error(child, "every equivalent mutant must be a mapping with mutant and why.");
                        continue;
                    }
                    var entry = new YamlMap(node, file, 0, errors, "an equivalent mutant");
                    var mutant = entry.RequiredString("mutant");
                    var why = entry.RequiredString("why");
                    entry.RejectUnknownKeys();
                    equivalents.Add(new EquivalentMutant(mutant.Trim(), why.Trim()));
                }
                break;
            case var other:
                map.Error(other, "'equivalent_mutants' must be a list.");
                break;
        }
        return equivalents;
    }

    private static Dictionary<string, string> Dialects(string sqlite, string? postgres)
    {
        var queries = new Dictionary<string, string>(StringComparer.Ordinal) { [SqlProblem.DefaultEngine] = sqlite };
        if (postgres is not null)
        {
            queries[PostgresEngine] = postgres;
        }
        return queries;
    }

    private static List<string> Values(IReadOnlyList<(string Value, YamlNode Node)> entries) => [.. entries.Select(e => e.Value)];

    private static object? ToObject(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => ToObject(p.Value)),
        YamlSequenceNode list => list.Children.Select(ToObject).ToList(),
        YamlScalarNode { Value: "true" } => true,
        YamlScalarNode { Value: "false" } => false,
        YamlScalarNode scalar when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };
}

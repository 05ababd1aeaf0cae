using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace DsLoop.Sql.Bank;

/// <summary>Loads SQL problems from <c>sql/*.yaml</c> files; every problem names its file and line.</summary>
public static class SqlProblemReader
{
    private static readonly HashSet<string> Known =
    [
        "id", "title", "difficulty", "skills", "prompt", "columns", "grading", "min_rows", "reference", "reference_postgres",
        "hints", "explanation", "traps",
    ];

    /// <summary>Reads every <c>*.yaml</c> under <paramref name="folder"/>; the problems, or the errors when any file is wrong.</summary>
    public static (IReadOnlyList<SqlProblem> Problems, IReadOnlyList<string> Errors) LoadFolder(string folder)
    {
        var problems = new List<SqlProblem>();
        var errors = new List<string>();
        if (!Directory.Exists(folder))
        {
            return (problems, errors);
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file);
            try
            {
                problems.Add(Read(relative, File.ReadAllText(file)));
            }
            catch (SqlProblemException e)
            {
                errors.Add(e.Message);
            }
        }
        foreach (var duplicate in problems.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            errors.Add($"{duplicate.Last().Source}: duplicate problem id '{duplicate.Key}' (first in {duplicate.First().Source})");
        }
        return errors.Count > 0 ? ([], errors) : (problems, errors);
    }

    /// <summary>Parses one problem file.</summary>
    public static SqlProblem Read(string source, string text)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode ?? throw Fail(source, 1, "the file must be a YAML mapping");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw Fail(source, (int)e.Start.Line, $"invalid YAML: {e.Message}");
        }
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!Known.Contains(key.Value ?? ""))
            {
                throw Fail(source, (int)key.Start.Line, $"unknown field '{key.Value}'");
            }
        }
        string Text(string key, bool required = true)
        {
            if (Node(root, key) is YamlScalarNode { Value: { Length: > 0 } value })
            {
                return value.Trim();
            }
            return required ? throw Fail(source, (int)root.Start.Line, $"missing or empty field '{key}'") : "";
        }
        List<string> List(string key, int min)
        {
            var node = Node(root, key) as YamlSequenceNode;
            var items = node?.Children.OfType<YamlScalarNode>().Select(n => (n.Value ?? "").Trim()).Where(v => v.Length > 0).ToList() ?? [];
            return items.Count >= min ? items : throw Fail(source, (int)(node?.Start.Line ?? root.Start.Line), $"'{key}' needs at least {min} item(s), found {items.Count}");
        }

        var id = Text("id");
        var expectedId = Path.GetFileNameWithoutExtension(source);
        if (id != expectedId)
        {
            throw Fail(source, Line(root, "id"), $"id '{id}' must match the file name '{expectedId}'");
        }
        var difficulty = Text("difficulty") switch
        {
            "easy" => Difficulty.Easy,
            "medium" => Difficulty.Medium,
            "hard" => Difficulty.Hard,
            var other => throw Fail(source, Line(root, "difficulty"), $"difficulty '{other}' is not easy, medium or hard"),
        };
        var spec = new GradingSpec();
        if (Node(root, "grading") is YamlMappingNode grading)
        {
            try
            {
                spec = GradingSpec.FromJson(JsonSerializer.Serialize(ToObject(grading)));
            }
            catch (JsonException e)
            {
                throw Fail(source, (int)grading.Start.Line, $"invalid grading spec: {e.Message}");
            }
        }
        var reference = new Dictionary<string, string> { ["sqlite"] = Text("reference") };
        if (Text("reference_postgres", required: false) is { Length: > 0 } pg)
        {
            reference["postgres"] = pg;
        }
        var traps = new List<SqlTrap>();
        if (Node(root, "traps") is YamlSequenceNode trapNodes)
        {
            foreach (var trap in trapNodes.Children.OfType<YamlMappingNode>())
            {
                string Field(string key, bool required = true) =>
                    Node(trap, key) is YamlScalarNode { Value: { Length: > 0 } v } ? v.Trim()
                    : required ? throw Fail(source, (int)trap.Start.Line, $"trap is missing '{key}'") : "";
                var sql = new Dictionary<string, string> { ["sqlite"] = Field("sql") };
                if (Field("sql_postgres", required: false) is { Length: > 0 } trapPg)
                {
                    sql["postgres"] = trapPg;
                }
                traps.Add(new SqlTrap(Field("name"), Field("why"), sql));
            }
        }
        if (traps.Count == 0)
        {
            throw Fail(source, Line(root, "traps"), "a problem needs at least one trap query (a common mistake the grader must reject)");
        }
        var minRows = Node(root, "min_rows") is YamlScalarNode { Value: { } m } && int.TryParse(m, out var parsed) ? parsed : 3;
        return new SqlProblem(id, Text("title"), difficulty, List("skills", 1), Text("prompt"), List("columns", 1), spec, reference,
            List("hints", 2), Text("explanation"), traps, minRows, source);
    }

    private static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static int Line(YamlMappingNode map, string key) =>
        map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key) is { } node ? (int)node.Start.Line : (int)map.Start.Line;

    private static object? ToObject(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => ToObject(p.Value)),
        YamlSequenceNode list => list.Children.Select(ToObject).ToList(),
        YamlScalarNode { Value: "true" } => true,
        YamlScalarNode { Value: "false" } => false,
        YamlScalarNode scalar when double.TryParse(scalar.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    private static SqlProblemException Fail(string source, int line, string message) => new($"{source}:{line}: {message}");
}

/// <summary>A problem file that can't be loaded; the message starts with <c>file:line:</c>.</summary>
public sealed class SqlProblemException(string message) : Exception(message);

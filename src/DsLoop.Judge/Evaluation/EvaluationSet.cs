using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace DsLoop.Judge.Evaluation;

/// <summary>The kind of a labelled answer.</summary>
public enum AnswerKind
{
    /// <summary>Correct and specific, in natural speech.</summary>
    Strong,
    /// <summary>Dense with framework words, wrong or empty.</summary>
    Stuffed,
    /// <summary>Honest but thin.</summary>
    Weak,
    /// <summary>A fluent answer to a different question.</summary>
    OffTopic,
    /// <summary>Fluent, but commits to a wrong number.</summary>
    WrongNumber,
    /// <summary>Covers about half the steps well.</summary>
    Partial,
}

/// <summary>One labelled answer.</summary>
/// <param name="ItemId">The question it answers.</param>
/// <param name="Id">Unique within the item.</param>
/// <param name="Kind">What kind of answer it is.</param>
/// <param name="Rating">The interviewer's 1–4 rating.</param>
/// <param name="Senior">True when judged at senior level.</param>
/// <param name="Steps">Framework steps it really covers.</param>
/// <param name="Mistakes">0-based indexes of the item's common mistakes it commits.</param>
/// <param name="Text">The answer.</param>
/// <param name="Source">File and answer id, for messages.</param>
public sealed record LabelledAnswer(
    string ItemId, string Id, AnswerKind Kind, int Rating, bool Senior, IReadOnlyList<string> Steps, IReadOnlyList<int> Mistakes,
    string Text, string Source);

/// <summary>Which half of the items an answer belongs to.</summary>
public enum EvaluationHalf
{
    /// <summary>Every item.</summary>
    All,
    /// <summary>The items thresholds are fitted on.</summary>
    Calibrate,
    /// <summary>The items the figures are reported on.</summary>
    Report,
}

/// <summary>
/// The judge's labelled evaluation set: one YAML file per item. Items are split into halves by a hash of their id,
/// so the split is fixed, needs no list, and a new item lands in a half without moving the others.
/// </summary>
public static class EvaluationSet
{
    /// <summary>Loads every <c>*.yaml</c> file of the folder; throws <see cref="FormatException"/> naming the file on bad input.</summary>
    public static IReadOnlyList<LabelledAnswer> Load(string folder)
    {
        var answers = new List<LabelledAnswer>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var yaml = new YamlStream();
            try
            {
                using var reader = File.OpenText(file);
                yaml.Load(reader);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new FormatException($"{name}:{e.Start.Line}: {e.Message}", e);
            }
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("answers"), out var list) || list is not YamlSequenceNode sequence)
            {
                throw new FormatException($"{name}: expected a mapping with 'item' and a list of 'answers'");
            }
            var item = Scalar(root, "item", name);
            foreach (var entry in sequence.Children)
            {
                var node = entry as YamlMappingNode ?? throw new FormatException($"{name}:{entry.Start.Line}: each answer is a mapping");
                var id = Scalar(node, "id", name);
                var where = $"{name}#{id}";
                answers.Add(new LabelledAnswer(item, id, Kind(Scalar(node, "kind", where), where), Number(Scalar(node, "rating", where), where),
                    Optional(node, "level") == "senior", List(node, "steps"), [.. List(node, "mistakes").Select(m => Number(m, where))], Scalar(node, "text", where).Trim(), where));
            }
        }
        return answers;
    }

    /// <summary>The half an item belongs to.</summary>
    public static EvaluationHalf HalfOf(string itemId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(itemId ?? ""));
        return (hash[0] & 1) == 0 ? EvaluationHalf.Calibrate : EvaluationHalf.Report;
    }

    /// <summary>The answers of one half.</summary>
    public static IReadOnlyList<LabelledAnswer> Of(this IReadOnlyList<LabelledAnswer> answers, EvaluationHalf half) =>
        half == EvaluationHalf.All ? answers : [.. answers.Where(a => HalfOf(a.ItemId) == half)];

    private static AnswerKind Kind(string kind, string where) => kind switch
    {
        "strong" => AnswerKind.Strong,
        "stuffed" => AnswerKind.Stuffed,
        "weak" => AnswerKind.Weak,
        "off-topic" => AnswerKind.OffTopic,
        "wrong-number" => AnswerKind.WrongNumber,
        "partial" => AnswerKind.Partial,
        _ => throw new FormatException($"{where}: unknown kind '{kind}'"),
    };

    private static int Number(string text, string where) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"{where}: '{text}' is not a whole number");

    private static string Scalar(YamlMappingNode node, string key, string where) =>
        Optional(node, key) ?? throw new FormatException($"{where}: '{key}' is missing");

    private static string? Optional(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static IReadOnlyList<string> List(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode seq
            ? [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "")]
            : [];
}

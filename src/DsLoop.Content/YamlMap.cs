using YamlDotNet.RepresentationModel;

namespace DsLoop.Content;

/// <summary>
/// Reads typed fields out of a YAML mapping while collecting errors with their line numbers,
/// so one pass reports every problem in a file instead of stopping at the first.
/// </summary>
internal sealed class YamlMap(YamlMappingNode node, string file, int lineOffset, List<ContentError> errors, string what)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public SourceSpan Where(YamlNode at) => new(file, (int)at.Start.Line + lineOffset);

    public SourceSpan Start => Where(node);

    public void Error(YamlNode at, string message) => errors.Add(new ContentError(Where(at), message));

    private YamlNode? Find(string key)
    {
        _read.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    /// <summary>The node under <paramref name="key"/>, whatever its shape, or null when absent.</summary>
    public YamlNode? Optional(string key) => Find(key);

    /// <summary>The value node of <paramref name="key"/> (the mapping when absent), so a bad value is reported on its own line.</summary>
    public YamlNode ValueOf(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : node;

    public string RequiredString(string key)
    {
        switch (Find(key))
        {
            case null:
                errors.Add(new ContentError(Start, $"{what} is missing the required field '{key}'."));
                return "";
            case YamlScalarNode { Value: { } text } when !string.IsNullOrWhiteSpace(text):
                return text.Trim();
            case var other:
                Error(other, $"'{key}' must be non-empty text.");
                return "";
        }
    }

    public string? OptionalString(string key) => Find(key) switch
    {
        null => null,
        YamlScalarNode { Value: { } text } when !string.IsNullOrWhiteSpace(text) => text.Trim(),
        var other => Fail<string>(other, $"'{key}' must be non-empty text."),
    };

    /// <summary>A list of scalars; a single scalar is accepted as a one-element list.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> List(string key, bool required)
    {
        var found = Find(key);
        switch (found)
        {
            case null when required:
                errors.Add(new ContentError(Start, $"{what} is missing the required field '{key}'."));
                return [];
            case null:
                return [];
            case YamlScalarNode { Value: { } single } when !string.IsNullOrWhiteSpace(single):
                return [(single.Trim(), found)];
            case YamlSequenceNode sequence:
                var values = new List<(string, YamlNode)>();
                foreach (var child in sequence.Children)
                {
                    if (child is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                    {
                        values.Add((text.Trim(), child));
                    }
                    else
                    {
                        Error(child, $"every entry of '{key}' must be non-empty text.");
                    }
                }
                if (values.Count == 0 && required)
                {
                    Error(found, $"'{key}' must not be empty.");
                }
                return values;
            default:
                Error(found, $"'{key}' must be a list.");
                return [];
        }
    }

    public YamlSequenceNode? Sequence(string key)
    {
        var found = Find(key);
        if (found is null)
        {
            errors.Add(new ContentError(Start, $"{what} is missing the required field '{key}'."));
            return null;
        }
        return found as YamlSequenceNode ?? Fail<YamlSequenceNode>(found, $"'{key}' must be a list.");
    }

    /// <summary>Reports keys that no reader asked for: usually a typo that would silently drop data.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in node.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !_read.Contains(name))
            {
                Error(key, $"unknown field '{name}' in {what}.");
            }
        }
    }

    private T? Fail<T>(YamlNode at, string message) where T : class
    {
        Error(at, message);
        return null;
    }
}

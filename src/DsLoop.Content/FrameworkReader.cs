using DsLoop.Core;
using YamlDotNet.RepresentationModel;

namespace DsLoop.Content;

/// <summary>Reads one framework file (YAML).</summary>
internal static class FrameworkReader
{
    public static Framework? Read(string text, string file, List<ContentError> errors)
    {
        var root = YamlDocuments.Parse(text, file, 0, errors);
        if (root is null)
        {
            return null;
        }
        var map = new YamlMap(root, file, 0, errors, "a framework");
        var id = map.RequiredString("id");
        var name = map.RequiredString("name");
        var summary = map.RequiredString("summary");
        var steps = new List<FrameworkStep>();
        if (map.Sequence("steps") is { } sequence)
        {
            var stepIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var child in sequence.Children)
            {
                if (child is not YamlMappingNode stepNode)
                {
                    map.Error(child, "every step must be a mapping with id, name, description and cues.");
                    continue;
                }
                var step = new YamlMap(stepNode, file, 0, errors, "a framework step");
                var stepId = step.RequiredString("id");
                var cues = step.List("cues", required: true);
                var built = new FrameworkStep(stepId, step.RequiredString("name"), step.RequiredString("description"), [.. cues.Select(c => c.Value)]);
                step.RejectUnknownKeys();
                if (stepId.Length > 0 && !stepIds.Add(stepId))
                {
                    step.Error(stepNode, $"duplicate step id '{stepId}' in framework '{id}'.");
                }
                steps.Add(built);
            }
            if (steps.Count < 2)
            {
                map.Error(sequence, $"framework '{id}' needs at least 2 steps, found {steps.Count}.");
            }
        }
        var rounds = new List<Round>();
        foreach (var (value, node) in map.List("rounds", required: false))
        {
            if (Core.Rounds.TryParse(value, out var round))
            {
                rounds.Add(round);
            }
            else
            {
                map.Error(node, $"unknown round '{value}' in framework '{id}'; expected one of: {string.Join(", ", Core.Rounds.All.Select(Core.Rounds.Slug))}.");
            }
        }
        map.RejectUnknownKeys();
        if (id.Length > 0 && !Slugs.IsValid(id))
        {
            map.Error(root, $"framework id '{id}' must be lowercase words joined by hyphens.");
        }
        return new Framework(id, name, summary, steps, map.Start) { Rounds = rounds };
    }
}

internal static class YamlDocuments
{
    public static YamlMappingNode? Parse(string text, string file, int lineOffset, List<ContentError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            errors.Add(new ContentError(new SourceSpan(file, (int)e.Start.Line + lineOffset), $"invalid YAML: {e.Message}"));
            return null;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ContentError(new SourceSpan(file, 1 + lineOffset), "expected exactly one YAML mapping."));
            return null;
        }
        return root;
    }
}

internal static class Slugs
{
    public static bool IsValid(string slug) =>
        slug.Length > 0 && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal) &&
        slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

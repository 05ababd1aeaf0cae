using System.Globalization;
using DsLoop.Core;
using YamlDotNet.RepresentationModel;

namespace DsLoop.Content.Loops;

/// <summary>Reads one loop template file (YAML); see docs/SCORECARD.md for the format.</summary>
internal static class LoopReader
{
    /// <summary>The longest time box a round may have: a full working day, for a take-home.</summary>
    public const int MaxMinutes = 480;

    public static LoopTemplate? Read(string text, string file, List<ContentError> errors)
    {
        var root = YamlDocuments.Parse(text, file, 0, errors);
        if (root is null)
        {
            return null;
        }
        var map = new YamlMap(root, file, 0, errors, "a loop template");
        var id = map.RequiredString("id");
        var name = map.RequiredString("name");
        var levelText = map.RequiredString("level");
        var level = Level.SeniorDataScientist;
        if (levelText.Length > 0 && (!LevelsAndVariants.TryParseLevel(levelText, out level) || level == Level.Both))
        {
            map.Error(map.ValueOf("level"), $"unknown level '{levelText}' for a loop; use ds or senior.");
        }
        var variantText = map.RequiredString("variant");
        var variant = CompanyVariant.Any;
        if (variantText.Length > 0 && !LevelsAndVariants.TryParseVariant(variantText, out variant))
        {
            map.Error(map.ValueOf("variant"), $"unknown variant '{variantText}'; expected one of: {string.Join(", ", Enum.GetValues<CompanyVariant>().Select(LevelsAndVariants.Slug))}.");
        }
        var summary = map.RequiredString("summary");
        var rounds = new List<LoopRound>();
        if (map.Sequence("rounds") is { } sequence)
        {
            var firstById = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
            foreach (var child in sequence.Children)
            {
                if (child is not YamlMappingNode roundNode)
                {
                    map.Error(child, "every round must be a mapping with id, title, round, minutes and slots.");
                    continue;
                }
                var round = ReadRound(roundNode, id, file, errors);
                if (round.Id.Length > 0 && !firstById.TryAdd(round.Id, round.Source))
                {
                    errors.Add(new ContentError(round.Source, $"duplicate round id '{round.Id}' in loop '{id}', first defined at {firstById[round.Id]}."));
                }
                rounds.Add(round);
            }
            if (sequence.Children.Count == 0)
            {
                map.Error(sequence, $"loop '{id}' needs at least one round.");
            }
        }
        map.RejectUnknownKeys();
        if (id.Length > 0 && !Slugs.IsValid(id))
        {
            map.Error(root, $"loop id '{id}' must be lowercase words joined by hyphens.");
        }
        return new LoopTemplate(id, name, level, variant, summary, rounds, map.Start);
    }

    private static LoopRound ReadRound(YamlMappingNode node, string loopId, string file, List<ContentError> errors)
    {
        var map = new YamlMap(node, file, 0, errors, "a loop round");
        var id = map.RequiredString("id");
        var title = map.RequiredString("title");
        var kindText = map.RequiredString("round");
        var kind = Round.Behavioral;
        if (kindText.Length > 0 && !Rounds.TryParse(kindText, out kind))
        {
            map.Error(map.ValueOf("round"), $"unknown round '{kindText}'; expected one of: {string.Join(", ", Rounds.All.Select(Rounds.Slug))}.");
        }
        var minutesText = map.RequiredString("minutes");
        var minutes = 0;
        if (minutesText.Length > 0 && (!int.TryParse(minutesText, NumberStyles.Integer, CultureInfo.InvariantCulture, out minutes) || minutes <= 0 || minutes > MaxMinutes))
        {
            map.Error(map.ValueOf("minutes"), $"minutes of round '{id}' must be a whole number from 1 to {MaxMinutes}, found '{minutesText}'.");
        }
        var optional = false;
        if (map.OptionalString("optional") is { } optionalText && !bool.TryParse(optionalText, out optional))
        {
            map.Error(map.ValueOf("optional"), $"'optional' of round '{id}' must be true or false, found '{optionalText}'.");
        }
        var slots = new List<LoopSlot>();
        if (map.Sequence("slots") is { } sequence)
        {
            foreach (var child in sequence.Children)
            {
                if (child is YamlMappingNode slotNode)
                {
                    if (ReadSlot(slotNode, id, file, errors) is { } slot)
                    {
                        slots.Add(slot);
                    }
                }
                else
                {
                    map.Error(child, "every slot must be a mapping with kind and count.");
                }
            }
            if (sequence.Children.Count == 0)
            {
                map.Error(sequence, $"round '{id}' of loop '{loopId}' needs at least one slot.");
            }
        }
        map.RejectUnknownKeys();
        if (id.Length > 0 && !Slugs.IsValid(id))
        {
            map.Error(node, $"round id '{id}' must be lowercase words joined by hyphens.");
        }
        return new LoopRound(id, title, kind, minutes, optional, slots, map.Start);
    }

    private static LoopSlot? ReadSlot(YamlMappingNode node, string roundId, string file, List<ContentError> errors)
    {
        var map = new YamlMap(node, file, 0, errors, "a loop slot");
        var kindText = map.RequiredString("kind");
        var known = LoopSlotKinds.TryParse(kindText, out var kind);
        if (kindText.Length > 0 && !known)
        {
            map.Error(map.ValueOf("kind"), $"unknown slot kind '{kindText}' in round '{roundId}'; expected one of: {string.Join(", ", LoopSlotKinds.All.Select(LoopSlotKinds.Slug))}.");
        }
        var countText = map.RequiredString("count");
        var count = 0;
        if (countText.Length > 0 && (!int.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out count) || count <= 0))
        {
            map.Error(map.ValueOf("count"), $"count of a slot in round '{roundId}' must be a positive whole number, found '{countText}'.");
        }
        var dimensions = Parse<Dimension>(map, "dimensions", Dimensions.TryParse, "dimension", Dimensions.All.Select(Dimensions.Slug));
        var rounds = Parse<Round>(map, "rounds", Rounds.TryParse, "round", Rounds.All.Select(Rounds.Slug));
        var frameworks = map.List("frameworks", required: false).Select(f => f.Value).ToList();
        map.RejectUnknownKeys();
        return known ? new LoopSlot(kind, count, dimensions, rounds, map.Start) { Frameworks = frameworks } : null;
    }

    private delegate bool TryParse<T>(string? slug, out T value);

    private static List<T> Parse<T>(YamlMap map, string key, TryParse<T> parse, string noun, IEnumerable<string> allowed)
    {
        var result = new List<T>();
        foreach (var (value, node) in map.List(key, required: false))
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
}

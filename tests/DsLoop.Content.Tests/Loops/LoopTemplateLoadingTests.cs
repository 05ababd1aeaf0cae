using DsLoop.Content.Loops;
using DsLoop.Core;
using Xunit;

namespace DsLoop.Content.Tests.Loops;

public sealed class LoopTemplateLoadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dsloop-loops-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    internal static void WriteBank(string root)
    {
        Write(root, "frameworks/star.yaml", """
            id: star
            name: STAR
            summary: Four beats.
            steps:
              - id: situation
                name: Situation
                description: Context.
                cues: ["at the time"]
              - id: result
                name: Result
                description: Outcome.
                cues: ["as a result"]
            """);
        Write(root, "questions/a.md", Item("behavior-one", "behavioral", "communication"));
        Write(root, "questions/b.md", Item("behavior-two", "behavioral", "senior-leadership"));
        Write(root, "questions/c.md", Item("stats-one", "statistics-experimentation", "statistics-experimentation"));
        Write(root, "questions/d.md", Item("case-one", "product-case", "problem-framing"));
        Write(root, "questions/e.md", Item("senior-only", "behavioral", "communication", level: "senior"));
        Write(root, "questions/f.md", Item("consumer-only", "behavioral", "communication", variants: "[consumer]"));
    }

    internal static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Item(string id, string round, string dimension, string level = "both", string variants = "[any]") => $"""
        ---
        id: {id}
        title: Title of {id}
        rounds: [{round}]
        dimensions: [{dimension}]
        level: {level}
        variants: {variants}
        framework: star
        ---
        ## Prompt
        Tell me about a time.

        ## Why they ask
        Because.

        ## Model answer
        At the time I did it; as a result it worked.

        ## Weak answer
        It worked.

        ## Common mistakes
        - Being vague.

        ## Follow-ups
        - One?
          - First point of one
          - Second point of one
        - Two?
          - First point of two
          - Second point of two
        """;

    private const string ValidLoop = """
        id: small-loop
        name: Small loop
        level: ds
        variant: b2b-saas
        summary: Two rounds.
        rounds:
          - id: behavioral
            title: Behavioral
            round: behavioral
            minutes: 30
            slots:
              - kind: open
                count: 2
          - id: sql
            title: SQL
            round: sql-screen
            minutes: 45
            optional: true
            slots:
              - kind: sql
                count: 2
              - kind: stats-exercise
                count: 1
              - kind: case-part
                count: 1
                dimensions: [problem-framing]
        """;

    private ContentLoadResult LoadWithLoop(string loopText, string file = "loops/small-loop.yaml")
    {
        WriteBank(_root);
        Write(_root, file, loopText);
        return ContentLoader.Load(_root);
    }

    private static void AssertError(ContentLoadResult result, string location, string fragment)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Bank);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith(location + ": ", StringComparison.Ordinal) && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_template_is_parsed_into_every_field()
    {
        var result = LoadWithLoop(ValidLoop);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var loop = Assert.Single(result.Bank!.Loops);
        Assert.Equal(("small-loop", "Small loop", Level.DataScientist, CompanyVariant.B2BSaas, "Two rounds."), (loop.Id, loop.Name, loop.Level, loop.Variant, loop.Summary));
        Assert.Equal(["behavioral", "sql"], loop.Rounds.Select(r => r.Id));
        Assert.Equal(Round.SqlScreen, loop.Rounds[1].Kind);
        Assert.Equal(45, loop.Rounds[1].Minutes);
        Assert.True(loop.Rounds[1].Optional);
        Assert.False(loop.Rounds[0].Optional);
        Assert.Equal(30, loop.RequiredMinutes);
        Assert.Equal([LoopSlotKind.Sql, LoopSlotKind.StatsExercise, LoopSlotKind.CasePart], loop.Rounds[1].Slots.Select(s => s.Kind));
        Assert.Equal([Dimension.ProblemFraming], loop.Rounds[1].Slots[2].Dimensions);
        Assert.Equal(new SourceSpan("loops/small-loop.yaml", 1), loop.Source);
    }

    [Fact]
    public void Content_folder_without_a_loops_folder_still_loads_with_no_loops()
    {
        WriteBank(_root);
        var result = ContentLoader.Load(_root);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Bank!.Loops);
    }

    [Fact]
    public void Unknown_round_is_reported_on_its_line()
    {
        var result = LoadWithLoop(ValidLoop.Replace("round: behavioral", "round: lunch", StringComparison.Ordinal));
        AssertError(result, "loops/small-loop.yaml:9", "unknown round 'lunch'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("half an hour")]
    [InlineData("481")]
    public void Minutes_that_are_not_a_positive_whole_number_are_reported(string minutes)
    {
        var result = LoadWithLoop(ValidLoop.Replace("minutes: 30", $"minutes: {minutes}", StringComparison.Ordinal));
        AssertError(result, "loops/small-loop.yaml:10", "minutes of round 'behavioral' must be a whole number");
    }

    [Fact]
    public void Unknown_slot_kind_is_reported_on_its_line()
    {
        var result = LoadWithLoop(ValidLoop.Replace("kind: sql", "kind: whiteboard", StringComparison.Ordinal));
        AssertError(result, "loops/small-loop.yaml:20", "unknown slot kind 'whiteboard'");
    }

    [Fact]
    public void Non_positive_slot_count_is_reported()
    {
        var result = LoadWithLoop(ValidLoop.Replace("count: 2\n  - id: sql", "count: 0\n  - id: sql", StringComparison.Ordinal));
        AssertError(result, "loops/small-loop.yaml:13", "must be a positive whole number, found '0'");
    }

    [Fact]
    public void Duplicate_template_ids_name_the_first_file()
    {
        WriteBank(_root);
        Write(_root, "loops/a.yaml", ValidLoop);
        Write(_root, "loops/b.yaml", ValidLoop);
        var result = ContentLoader.Load(_root);
        AssertError(result, "loops/b.yaml:1", "duplicate loop template id 'small-loop', first defined at loops/a.yaml:1");
    }

    [Fact]
    public void Duplicate_round_ids_within_a_template_are_reported()
    {
        var result = LoadWithLoop(ValidLoop.Replace("id: sql", "id: behavioral", StringComparison.Ordinal));
        AssertError(result, "loops/small-loop.yaml:14", "duplicate round id 'behavioral' in loop 'small-loop', first defined at loops/small-loop.yaml:7");
    }

    [Theory]
    [InlineData("level: ds", "level: staff", 3, "unknown level 'staff'")]
    [InlineData("level: ds", "level: both", 3, "unknown level 'both'")]
    [InlineData("variant: b2b-saas", "variant: fintech", 4, "unknown variant 'fintech'")]
    public void Unknown_level_or_variant_is_reported(string from, string to, int line, string fragment)
    {
        var result = LoadWithLoop(ValidLoop.Replace(from, to, StringComparison.Ordinal));
        AssertError(result, $"loops/small-loop.yaml:{line}", fragment);
    }

    [Fact]
    public void Unknown_dimension_in_a_slot_filter_is_reported()
    {
        var result = LoadWithLoop(ValidLoop.Replace("dimensions: [problem-framing]", "dimensions: [charisma]", StringComparison.Ordinal));
        AssertError(result, "loops/small-loop.yaml:26", "unknown dimension 'charisma'");
    }

    [Fact]
    public void Slot_filter_matching_no_bank_item_is_reported_on_the_slot()
    {
        var result = LoadWithLoop(ValidLoop.Replace("dimensions: [problem-framing]", "dimensions: [production-mindset]", StringComparison.Ordinal));
        AssertError(result, "loops/small-loop.yaml:24", "matches no item in the bank");
    }

    [Fact]
    public void Slot_asking_for_more_items_than_match_is_reported()
    {
        // A ds, b2b-saas loop sees behavior-one and behavior-two, not senior-only or consumer-only.
        var result = LoadWithLoop(ValidLoop.Replace("count: 2\n  - id: sql", "count: 3\n  - id: sql", StringComparison.Ordinal));
        AssertError(result, "loops/small-loop.yaml:12", "asks for 3 items but only 2 fit");
    }

    [Fact]
    public void Sql_slot_with_filters_is_not_checked_against_the_bank()
    {
        var result = LoadWithLoop(ValidLoop.Replace("kind: sql\n        count: 2", "kind: sql\n        count: 2\n        dimensions: [production-mindset]", StringComparison.Ordinal));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Unknown_field_in_a_round_is_reported()
    {
        var result = LoadWithLoop(ValidLoop.Replace("minutes: 30", "minutes: 30\n    panel: 3", StringComparison.Ordinal));
        AssertError(result, "loops/small-loop.yaml:11", "unknown field 'panel' in a loop round");
    }

    [Fact]
    public void Malformed_yaml_fails_the_whole_load()
    {
        var result = LoadWithLoop("id: [unclosed\n");
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Where.File == "loops/small-loop.yaml" && e.Message.StartsWith("invalid YAML", StringComparison.Ordinal));
    }
}

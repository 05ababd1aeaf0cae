using DsLoop.Core;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Content.Tests;

public sealed class ContentLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dsloop-content-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private const string Star = """
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
        """;

    private const string TwoProbes = "- One?\n  - First point of one\n  - Second point of one\n- Two?\n  - First point of two\n  - Second point of two";

    private static string Item(string id, string frontMatterExtra = "", string framework = "star", string followUps = TwoProbes) => $"""
        ---
        id: {id}
        title: A title
        rounds: [behavioral]
        dimensions: [communication]
        level: both
        framework: {framework}
        {frontMatterExtra}
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
        {followUps}
        """;

    [Fact]
    public void Bundled_content_folder_loads_without_errors()
    {
        var result = ContentLoader.Load(RepoPaths.Content);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.NotEmpty(result.Bank!.Items);
        Assert.All(result.Bank.Items, i => Assert.True(result.Bank.Frameworks.ContainsKey(i.FrameworkId)));
    }

    [Fact]
    public void Valid_item_is_parsed_into_every_field()
    {
        Write("frameworks/star.yaml", Star);
        Write("questions/a.md", Item("first-item", "variants: [consumer, b2b-saas]\nrelated: [second-item]"));
        Write("questions/b.md", Item("second-item"));
        var result = ContentLoader.Load(_root);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var item = result.Bank!.ItemsById["first-item"];
        Assert.Equal([Round.Behavioral], item.Rounds);
        Assert.Equal([Dimension.Communication], item.Dimensions);
        Assert.Equal([CompanyVariant.Consumer, CompanyVariant.B2BSaas], item.Variants);
        Assert.Equal(["Being vague."], item.CommonMistakes.Select(m => m.Text));
        Assert.Equal(["One?", "Two?"], item.FollowUps.Select(f => f.Probe));
        Assert.Equal("Tell me about a time.", item.Prompt);
        Assert.Equal([CompanyVariant.Any], result.Bank.ItemsById["second-item"].Variants);
        Assert.Equal(2, result.Bank.Frameworks["star"].Steps.Count);
    }

    [Fact]
    public void Unknown_dimension_is_reported_with_file_and_line()
    {
        Write("frameworks/star.yaml", Star);
        Write("questions/a.md", Item("first-item").Replace("dimensions: [communication]", "dimensions: [charisma]", StringComparison.Ordinal));
        var result = ContentLoader.Load(_root);
        Assert.False(result.IsValid);
        Assert.Null(result.Bank);
        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceSpan("questions/a.md", 5), error.Where);
        Assert.Contains("unknown dimension 'charisma'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_name_both_places()
    {
        Write("frameworks/star.yaml", Star);
        Write("questions/a.md", Item("same-id"));
        Write("questions/b.md", Item("same-id"));
        var error = Assert.Single(ContentLoader.Load(_root).Errors);
        Assert.Equal("questions/b.md", error.Where.File);
        Assert.Contains("duplicate item id 'same-id', first defined at questions/a.md:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_framework_and_broken_related_reference_are_both_reported()
    {
        Write("frameworks/star.yaml", Star);
        Write("questions/a.md", Item("first-item", "related: [ghost-item]", framework: "stars"));
        var messages = ContentLoader.Load(_root).Errors.Select(e => e.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("unknown framework 'stars'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("unknown item 'ghost-item'", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_section_and_missing_field_are_reported()
    {
        Write("frameworks/star.yaml", Star);
        Write("questions/a.md", Item("first-item").Replace("title: A title\n", "", StringComparison.Ordinal).Replace("## Why they ask\nBecause.\n", "", StringComparison.Ordinal));
        var messages = ContentLoader.Load(_root).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.Contains("missing the required field 'title'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("missing the section '## Why they ask'", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_cue_list_is_reported_at_its_line()
    {
        Write("frameworks/star.yaml", Star.Replace("cues: [\"as a result\"]", "cues: []", StringComparison.Ordinal));
        var error = Assert.Single(ContentLoader.Load(_root).Errors);
        Assert.Equal(new SourceSpan("frameworks/star.yaml", 12), error.Where);
        Assert.Contains("'cues' must not be empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typo_in_a_field_name_is_not_silently_ignored()
    {
        Write("frameworks/star.yaml", Star);
        Write("questions/a.md", Item("first-item", "relatd: [x]"));
        var error = Assert.Single(ContentLoader.Load(_root).Errors);
        Assert.Contains("unknown field 'relatd'", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, error.Where.Line);
    }

    [Fact]
    public void Too_few_follow_ups_are_reported()
    {
        Write("frameworks/star.yaml", Star);
        Write("questions/a.md", Item("first-item", followUps: "- Only one?\n  - A point\n  - Another point"));
        var error = Assert.Single(ContentLoader.Load(_root).Errors);
        Assert.Contains("needs 2–4 '- ' bullets, found 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mistake_signs_are_parsed_into_phrases_and_coach_signs()
    {
        Write("frameworks/star.yaml", Star);
        Write("questions/a.md", Item("first-item").Replace("- Being vague.",
            "- Stopping early. {signs: \"until significant\" | Stop Early | @no-number | @missed:result}", StringComparison.Ordinal));
        var result = ContentLoader.Load(_root);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var mistake = Assert.Single(result.Bank!.ItemsById["first-item"].CommonMistakes);
        Assert.Equal("Stopping early.", mistake.Text);
        Assert.Equal(["until significant", "stop early"], mistake.Phrases);
        Assert.Equal(["@no-number", "@missed:result"], mistake.Signs);
    }

    [Fact]
    public void Unknown_mistake_sign_or_step_is_reported()
    {
        Write("frameworks/star.yaml", Star);
        Write("questions/a.md", Item("first-item").Replace("- Being vague.", "- Vague. {signs: @no-vibes | @missed:task}", StringComparison.Ordinal));
        var messages = ContentLoader.Load(_root).Errors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("unknown mistake sign '@no-vibes'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'@missed:task' but framework 'star' has no such step", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_yaml_is_reported_not_thrown()
    {
        Write("frameworks/star.yaml", "id: star\nsteps: [unclosed\n");
        var error = Assert.Single(ContentLoader.Load(_root).Errors);
        Assert.Equal("frameworks/star.yaml", error.Where.File);
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folder_is_an_error_not_an_empty_bank()
    {
        var result = ContentLoader.Load(Path.Combine(_root, "nope"));
        Assert.False(result.IsValid);
        Assert.Contains("does not exist", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}

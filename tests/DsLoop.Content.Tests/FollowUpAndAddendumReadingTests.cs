using Xunit;

namespace DsLoop.Content.Tests;

public sealed class FollowUpAndAddendumReadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dsloop-followups-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

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

    /// <summary>The '## Follow-ups' heading is on line 21, so the first probe is on line 22.</summary>
    private const int FirstProbeLine = 22;

    private ContentLoadResult Load(string followUps, string level = "both", string tail = "")
    {
        Directory.CreateDirectory(Path.Combine(_root, "frameworks"));
        Directory.CreateDirectory(Path.Combine(_root, "questions"));
        File.WriteAllText(Path.Combine(_root, "frameworks", "star.yaml"), Star);
        File.WriteAllText(Path.Combine(_root, "questions", "a.md"), $"""
            ---
            id: first-item
            title: A title
            rounds: [behavioral]
            dimensions: [communication]
            level: {level}
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
            {followUps}
            {tail}
            """);
        return ContentLoader.Load(_root);
    }

    private static string Probe(string text, int points) =>
        string.Join('\n', [$"- {text}", .. Enumerable.Range(1, points).Select(p => $"  - Point {p} of {text}")]);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Two_to_four_expected_points_per_probe_load(int points)
    {
        var result = Load(Probe("One?", points) + "\n" + Probe("Two?", 2));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var first = result.Bank!.ItemsById["first-item"].FollowUps[0];
        Assert.Equal(points, first.ExpectedPoints.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void A_probe_with_one_or_five_points_is_reported_at_its_line(int points)
    {
        var result = Load(Probe("Two?", 2) + "\n" + Probe("Which guardrail?", points));
        var error = Assert.Single(result.Errors);
        Assert.Equal("questions/a.md", error.Where.File);
        Assert.Equal(FirstProbeLine + 3, error.Where.Line);
        Assert.Contains("follow-up 'Which guardrail?' of item 'first-item'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"needs 2–4 expected points as nested '  - ' bullets, found {points}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_probe_without_nested_bullets_is_reported()
    {
        var error = Assert.Single(Load("- One?\n" + Probe("Two?", 2)).Errors);
        Assert.Equal(FirstProbeLine, error.Where.Line);
        Assert.Contains("found 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_bullets_become_the_points_and_the_probe_keeps_only_its_own_text()
    {
        var result = Load("""
            - How did you size it
              for the holdout?
              - Recovered renewals per month times contract value
              - Subtracts renewals a manual retry
                would have saved anyway
            - Who disagreed?
              - Names the stakeholder and their worry
              - How the concern was addressed
            """);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var followUps = result.Bank!.ItemsById["first-item"].FollowUps;
        Assert.Equal(["How did you size it for the holdout?", "Who disagreed?"], followUps.Select(f => f.Probe));
        Assert.Equal(
            ["Recovered renewals per month times contract value", "Subtracts renewals a manual retry would have saved anyway"],
            followUps[0].ExpectedPoints);
        Assert.Equal(["Names the stakeholder and their worry", "How the concern was addressed"], followUps[1].ExpectedPoints);
    }

    [Fact]
    public void An_empty_point_bullet_is_reported_at_its_line()
    {
        var errors = Load(Probe("One?", 2) + "\n  - \n" + Probe("Two?", 2)).Errors;
        var error = Assert.Single(errors);
        Assert.Equal(FirstProbeLine + 3, error.Where.Line);
        Assert.Contains("an empty bullet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_probes_are_still_reported_on_the_section()
    {
        var five = string.Join('\n', Enumerable.Range(1, 5).Select(i => Probe($"Probe {i}?", 2)));
        var error = Assert.Single(Load(five).Errors);
        Assert.Equal(FirstProbeLine - 1, error.Where.Line);
        Assert.Contains("needs 2–4 '- ' bullets, found 5", error.Message, StringComparison.Ordinal);
    }

    private const string Addendum = "## Senior addendum\nA Senior turns the fix into a checklist the team owns.";

    [Theory]
    [InlineData("both")]
    [InlineData("senior")]
    public void A_senior_addendum_is_read_on_items_for_seniors(string level)
    {
        var result = Load(Probe("One?", 2) + "\n" + Probe("Two?", 2), level, Addendum);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var item = result.Bank!.ItemsById["first-item"];
        Assert.Equal("A Senior turns the fix into a checklist the team owns.", item.SeniorAddendum);
        Assert.Equal("Point 2 of Two?", item.FollowUps[1].ExpectedPoints[^1]);
    }

    [Fact]
    public void Without_the_section_the_addendum_is_empty()
    {
        var result = Load(Probe("One?", 2) + "\n" + Probe("Two?", 2));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("", result.Bank!.ItemsById["first-item"].SeniorAddendum);
    }

    [Fact]
    public void A_senior_addendum_on_a_ds_item_is_reported_at_its_heading()
    {
        var error = Assert.Single(Load(Probe("One?", 2) + "\n" + Probe("Two?", 2), "ds", Addendum).Errors);
        Assert.Equal(FirstProbeLine + 6, error.Where.Line);
        Assert.Contains("item 'first-item' has level ds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_senior_addendum_is_reported()
    {
        var error = Assert.Single(Load(Probe("One?", 2) + "\n" + Probe("Two?", 2), "senior", "## Senior addendum\n").Errors);
        Assert.Equal(FirstProbeLine + 6, error.Where.Line);
        Assert.Contains("'## Senior addendum' of item 'first-item' is empty", error.Message, StringComparison.Ordinal);
    }
}

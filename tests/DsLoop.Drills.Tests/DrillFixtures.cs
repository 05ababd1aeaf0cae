using System.Text.Json;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Drills.Tests;

/// <summary>
/// The drawn parameters (parameters.json, written from the generators) and the scipy/statsmodels answers for them
/// (answers.json, written by tests/reference/make_drill_fixtures.py).
/// </summary>
internal static class DrillFixtures
{
    public const int Seeds = 200;

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "reference", "drills");

    public static string ParametersPath => Path.Combine(Folder, "parameters.json");

    public static TheoryData<string> FamilyIds()
    {
        var data = new TheoryData<string>();
        foreach (var family in DrillCatalog.Families)
        {
            data.Add(family.Id);
        }
        return data;
    }

    /// <summary>What the generators draw for seeds 1..200, as the JSON text committed in parameters.json (one drill a line).</summary>
    public static string DrawnParameters()
    {
        var lines = DrillCatalog.Families.SelectMany(f => Enumerable.Range(1, Seeds)
            .Select(seed => JsonSerializer.Serialize(new { family = f.Id, seed, parameters = f.Generate(seed).Parameters })));
        return $"{{\"seeds\": {Seeds}, \"cases\": [\n{string.Join(",\n", lines)}\n]}}\n";
    }

    /// <summary>The reference answers of one family; fails the calling test when there are none.</summary>
    public static IReadOnlyList<JsonElement> Answers(string family)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "answers.json"))).RootElement;
        IReadOnlyList<JsonElement> cases = [.. root.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("family").GetString() == family)];
        Assert.True(cases.Count > 0, $"answers.json has no cases for '{family}': regenerate it with tests/reference/make_drill_fixtures.py");
        return cases;
    }
}

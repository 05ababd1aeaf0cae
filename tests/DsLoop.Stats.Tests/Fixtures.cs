using System.Globalization;
using System.Text.Json;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Stats.Tests;

/// <summary>The reference cases written by tests/reference/make_fixtures.py (scipy and statsmodels).</summary>
internal static class Fixtures
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "reference", "fixtures");

    /// <summary>
    /// The cases of one fixture file. Fails the calling test when there are none, so a test that loops over them
    /// can't pass without checking anything.
    /// </summary>
    public static IReadOnlyList<JsonElement> Cases(string file)
    {
        IReadOnlyList<JsonElement> cases = [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file))).RootElement.GetProperty("cases").EnumerateArray()];
        Assert.True(cases.Count > 0, $"{file} has no cases: regenerate it with tests/reference/make_fixtures.py");
        return cases;
    }

    /// <summary>The cases of one kind in a fixture file that mixes kinds; fails the calling test when there are none.</summary>
    public static IReadOnlyList<JsonElement> Cases(string file, string kind)
    {
        IReadOnlyList<JsonElement> cases = [.. Cases(file).Where(c => c.GetProperty("kind").GetString() == kind)];
        Assert.True(cases.Count > 0, $"{file} has no cases of kind '{kind}': regenerate it with tests/reference/make_fixtures.py");
        return cases;
    }

    public static double D(this JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.String
        ? double.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture)
        : e.GetProperty(name).GetDouble();

    public static bool Has(this JsonElement e, string name) => e.TryGetProperty(name, out _);

    /// <summary>
    /// |actual − expected| ≤ rel·|expected| + abs. Closed-form quantities use rel 1e-9; quantities a root finder
    /// solves (sample sizes) use rel 1e-6, because statsmodels' own solver stops at about that precision.
    /// </summary>
    public static void Near(double expected, double actual, double rel, double abs = 1e-15, string? what = null)
    {
        var tolerance = (rel * Math.Abs(expected)) + abs;
        Assert.True(Math.Abs(actual - expected) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(actual - expected):E2} > {tolerance:E2})");
    }
}

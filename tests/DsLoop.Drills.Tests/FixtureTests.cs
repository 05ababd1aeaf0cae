using Xunit;

namespace DsLoop.Drills.Tests;

public sealed class FixtureTests
{
    [Fact]
    public void Committed_parameters_are_what_the_generators_draw_for_200_seeds()
    {
        var drawn = DrillFixtures.DrawnParameters();
        if (Environment.GetEnvironmentVariable("DSLOOP_WRITE_DRILL_PARAMETERS") == "1")
        {
            File.WriteAllText(DrillFixtures.ParametersPath, drawn);
        }
        Assert.True(File.Exists(DrillFixtures.ParametersPath), "Write parameters.json with DSLOOP_WRITE_DRILL_PARAMETERS=1 (docs/DRILLS.md).");
        Assert.True(File.ReadAllText(DrillFixtures.ParametersPath) == drawn,
            "A generator draws different numbers than parameters.json holds: regenerate both fixtures (docs/DRILLS.md).");
    }

    [Theory]
    [MemberData(nameof(DrillFixtures.FamilyIds), MemberType = typeof(DrillFixtures))]
    public void Every_family_agrees_with_the_reference_on_200_seeds(string family)
    {
        var cases = DrillFixtures.Answers(family);
        Assert.Equal(DrillFixtures.Seeds, cases.Count);
        foreach (var c in cases)
        {
            var seed = c.GetProperty("seed").GetInt32();
            var expected = c.GetProperty("answer").GetDouble();
            var tolerance = (c.GetProperty("rel").GetDouble() * Math.Abs(expected)) + c.GetProperty("abs").GetDouble();
            var drill = DrillCatalog.Generate(family, seed);
            Assert.True(Math.Abs(drill.Answer - expected) <= tolerance,
                $"{family} seed {seed}: engine {drill.Answer:R}, reference {expected:R} (tolerance {tolerance:E2})");
        }
    }
}

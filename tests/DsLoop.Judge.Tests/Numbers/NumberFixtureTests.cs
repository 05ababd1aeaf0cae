using System.Text.Json;
using DsLoop.Judge.Numbers;
using DsLoop.Testing;

namespace DsLoop.Judge.Tests.Numbers;

/// <summary>The spoken claims written by tests/reference/make_number_fixtures.py with statsmodels and scipy.</summary>
public sealed class NumberFixtureTests
{
    private const double Agreement = 0.02;

    private static IReadOnlyList<JsonElement> Cases()
    {
        var file = Path.Combine(RepoPaths.Root, "tests", "reference", "fixtures", "number-checks.json");
        IReadOnlyList<JsonElement> cases = [.. JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("cases").EnumerateArray()];
        Assert.True(cases.Count >= 40, $"number-checks.json has {cases.Count} cases: regenerate it with tests/reference/make_number_fixtures.py");
        return cases;
    }

    [Fact]
    public void Every_kind_of_check_has_reference_cases()
    {
        var kinds = Cases().Select(c => c.GetProperty("kind").GetString()).Distinct().ToList();
        foreach (var kind in Enum.GetNames<ClaimKind>())
        {
            Assert.Contains(kind, kinds);
        }
    }

    [Fact]
    public void Each_reference_claim_gets_the_verdict_the_reference_figures_give()
    {
        foreach (var c in Cases())
        {
            var answer = c.GetProperty("answer").GetString()!;
            var claim = Single(c, answer);
            Assert.True(c.GetProperty("verdict").GetString() == claim.Note.Verdict, $"{answer}\n → {claim.Note.Verdict}: {claim.Note.Explanation}");
        }
    }

    [Fact]
    public void The_checker_computes_the_reference_figures_within_two_percent()
    {
        foreach (var c in Cases())
        {
            var answer = c.GetProperty("answer").GetString()!;
            var expected = c.GetProperty("right").EnumerateArray().Select(e => e.GetDouble()).ToList();
            var actual = Single(c, answer).Right;
            Assert.True(expected.Count <= actual.Count, $"{answer}: {actual.Count} figures, expected {expected.Count}");
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(Math.Abs(actual[i] - expected[i]) <= Agreement * Math.Abs(expected[i]),
                    $"{answer}: figure {i} is {actual[i]:R}, statsmodels/scipy give {expected[i]:R}");
            }
        }
    }

    private static CheckedClaim Single(JsonElement c, string answer)
    {
        var kind = Enum.Parse<ClaimKind>(c.GetProperty("kind").GetString()!);
        var claims = NumberChecker.Examine(answer).Where(x => x.Kind == kind).ToList();
        Assert.True(claims.Count == 1, $"{answer}: {claims.Count} {kind} claims");
        return claims[0];
    }
}

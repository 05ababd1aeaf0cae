using System.Diagnostics;
using System.Text.Json;
using DsLoop.Judge.Numbers;
using DsLoop.Testing;

namespace DsLoop.Judge.Tests.Numbers;

/// <summary>The spoken claims written by tests/reference/make_number_fixtures.py with statsmodels and scipy.</summary>
public sealed class NumberFixtureTests
{
    private const double Agreement = 0.02;
    private const string FileName = "number-checks.json";

    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "reference", "numbers");

    private static IReadOnlyList<JsonElement> Cases()
    {
        var file = Path.Combine(Folder, FileName);
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

    [SkippableFact]
    public void The_fixture_is_reproducible_from_its_script()
    {
        const string python = "/usr/bin/python3";
        Requirements.Need(Requirements.CommandSucceeds(python, "-c \"import scipy, statsmodels\"")
            ? null
            : "Debian's python3-scipy and python3-statsmodels for /usr/bin/python3 (the number fixture can't be regenerated)");
        var output = Directory.CreateTempSubdirectory("dsloop-numbers-").FullName;
        try
        {
            var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "reference", "make_number_fixtures.py"));
            info.ArgumentList.Add(output);
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "the fixture script did not finish in 2 minutes");
            Assert.True(process.ExitCode == 0, $"make_number_fixtures.py failed: {error.Result}");
            Assert.True(File.ReadAllText(Path.Combine(Folder, FileName)) == File.ReadAllText(Path.Combine(output, FileName)),
                $"{FileName} differs from a fresh run of make_number_fixtures.py: regenerate and review the change");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

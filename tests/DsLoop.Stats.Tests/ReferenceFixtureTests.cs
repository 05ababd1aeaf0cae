using System.Diagnostics;
using DsLoop.Stats.Design;
using DsLoop.Stats.Readout;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class ReferenceFixtureTests
{
    private static Alternative Alt(string name) => name switch
    {
        "two-sided" => Alternative.TwoSided,
        "larger" => Alternative.Larger,
        "smaller" => Alternative.Smaller,
        _ => throw new ArgumentException(name),
    };

    [Fact]
    public void Sample_sizes_and_power_match_statsmodels_NormalIndPower()
    {
        var cases = Fixtures.Cases("power.json");
        Assert.True(cases.Count >= 200, $"only {cases.Count} power cases");
        foreach (var c in cases)
        {
            var alternative = Alt(c.GetProperty("alternative").GetString()!);
            var (alpha, power, ratio) = (c.D("alpha"), c.D("power"), c.D("ratio"));
            var effect = c.D("effectSize");
            var label = c.ToString();
            if (c.GetProperty("kind").GetString() == "proportions-cohens-h")
            {
                Fixtures.Near(effect, SampleSize.CohensH(c.D("treatment"), c.D("baseline")), 1e-12, what: "Cohen's h " + label);
                var plan = SampleSize.ForProportions(c.D("baseline"), c.D("treatment") - c.D("baseline"), alpha: alpha, power: power, ratio: ratio, alternative: alternative);
                Assert.Equal((long)Math.Ceiling(c.D("nobs1")), plan.ControlPerArm);
                Fixtures.Near(c.D("powerAtCeiling"), PowerAnalysis.Power(effect, plan.ControlPerArm, alpha, ratio, alternative), 1e-9, what: "power " + label);
            }
            var solved = PowerAnalysis.SolveNobs1(effect, alpha, power, ratio, alternative);
            Fixtures.Near(c.D("nobs1"), solved, 1e-6, what: "nobs1 " + label);
            // Our root is exact for our power function, which itself matches statsmodels to 1e-9 above.
            Fixtures.Near(power, PowerAnalysis.Power(effect, solved, alpha, ratio, alternative), 1e-12, what: "power at solved n " + label);
        }
    }

    [Fact]
    public void Two_proportion_tests_and_interval_match_statsmodels()
    {
        foreach (var c in Fixtures.Cases("ztest.json"))
        {
            var control = new Proportion((long)c.D("controlCount"), (long)c.D("controlN"));
            var treatment = new Proportion((long)c.D("treatmentCount"), (long)c.D("treatmentN"));
            var pooled = ProportionTest.Pooled(control, treatment);
            Fixtures.Near(c.D("pooledZ"), pooled.Statistic, 1e-9, what: "pooled z " + c);
            Fixtures.Near(c.D("pooledP"), pooled.PValue, 1e-9, what: "pooled p " + c);
            if (!c.Has("unpooledZ"))
            {
                continue;
            }
            var wald = ProportionTest.Unpooled(control, treatment);
            Fixtures.Near(c.D("unpooledZ"), wald.Statistic, 1e-9, what: "unpooled z " + c);
            Fixtures.Near(c.D("unpooledP"), wald.PValue, 1e-9, what: "unpooled p " + c);
            Fixtures.Near(c.D("unpooledPLarger"), ProportionTest.Unpooled(control, treatment, Alternative.Larger).PValue, 1e-9, what: "one-sided p " + c);
            var ci = ProportionTest.DifferenceInterval(control, treatment);
            Fixtures.Near(c.D("diffCiLow"), ci.Low, 1e-9, 1e-15, "ci low " + c);
            Fixtures.Near(c.D("diffCiHigh"), ci.High, 1e-9, 1e-15, "ci high " + c);
        }
    }

    [Fact]
    public void Welch_test_matches_scipy()
    {
        foreach (var c in Fixtures.Cases("welch.json"))
        {
            var r = WelchTest.FromStats(c.D("controlMean"), c.D("controlSd"), (long)c.D("controlN"), c.D("treatmentMean"), c.D("treatmentSd"), (long)c.D("treatmentN"));
            Fixtures.Near(c.D("t"), r.Test.Statistic, 1e-9, what: "t " + c);
            // Student-t tails come from MathNet's incomplete beta, good to about 1e-9 relative; allow 1e-8.
            Fixtures.Near(c.D("p"), r.Test.PValue, 1e-8, 1e-15, "p " + c);
            Fixtures.Near(c.D("df"), r.DegreesOfFreedom, 1e-9, what: "df " + c);
            Fixtures.Near(c.D("ciLow"), r.Interval.Low, 1e-9, 1e-12, "ci low " + c);
            Fixtures.Near(c.D("ciHigh"), r.Interval.High, 1e-9, 1e-12, "ci high " + c);
        }
    }

    [Fact]
    public void Sample_ratio_check_matches_scipy_chisquare()
    {
        foreach (var c in Fixtures.Cases("srm.json"))
        {
            var counts = c.GetProperty("counts").EnumerateArray().Select(x => x.GetInt64()).ToList();
            var weights = c.GetProperty("weights").EnumerateArray().Select(x => x.GetDouble()).ToList();
            var r = SampleRatioMismatch.Check(counts, weights);
            Fixtures.Near(c.D("chi2"), r.ChiSquare, 1e-9, what: "chi2 " + c);
            Fixtures.Near(c.D("p"), r.PValue, 1e-8, 1e-300, "p " + c);
            Assert.Equal((int)c.D("df"), r.DegreesOfFreedom);
        }
    }

    [Fact]
    public void Independence_test_matches_scipy_chi2_contingency_leaving_out_empty_rows_and_columns()
    {
        foreach (var c in Fixtures.Cases("independence.json"))
        {
            var rows = c.GetProperty("table").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
            var table = new double[rows.Length, rows[0].Length];
            for (var r = 0; r < rows.Length; r++)
            {
                for (var k = 0; k < rows[r].Length; k++)
                {
                    table[r, k] = rows[r][k];
                }
            }
            var result = IndependenceTest.Pearson(table);
            var name = c.GetProperty("name").GetString();
            Fixtures.Near(c.D("chi2"), result.ChiSquare, 1e-12, 1e-12, $"{name} chi2");
            Fixtures.Near(c.D("p"), result.PValue, 1e-10, 1e-300, $"{name} p");
            Assert.Equal((int)c.D("df"), result.DegreesOfFreedom);
        }
    }

    [Fact]
    public void Independence_test_refuses_negative_or_missing_counts()
    {
        Assert.Throws<ArgumentException>(() => IndependenceTest.Pearson(new double[,] { { 1, -1 }, { 2, 3 } }));
        Assert.Throws<ArgumentException>(() => IndependenceTest.Pearson(new double[,] { { 1, double.NaN }, { 2, 3 } }));
    }

    [Fact]
    public void Holm_and_benjamini_hochberg_match_statsmodels_in_original_order()
    {
        foreach (var c in Fixtures.Cases("adjust.json"))
        {
            var p = c.GetProperty("p").EnumerateArray().Select(x => x.GetDouble()).ToList();
            var holm = MultipleTesting.Holm(p);
            var bh = MultipleTesting.BenjaminiHochberg(p);
            var expectedHolm = c.GetProperty("holm").EnumerateArray().Select(x => x.GetDouble()).ToList();
            var expectedBh = c.GetProperty("bh").EnumerateArray().Select(x => x.GetDouble()).ToList();
            for (var i = 0; i < p.Count; i++)
            {
                Fixtures.Near(expectedHolm[i], holm[i], 1e-12, 1e-15, $"holm[{i}] of {c}");
                Fixtures.Near(expectedBh[i], bh[i], 1e-12, 1e-15, $"bh[{i}] of {c}");
            }
        }
    }

    [SkippableFact]
    public void Fixtures_are_reproducible_from_the_reference_script()
    {
        const string python = "/usr/bin/python3";
        Requirements.Need(Requirements.CommandSucceeds(python, "-c \"import scipy, statsmodels, sklearn\"")
            ? null
            : "Debian's python3-scipy, python3-statsmodels and python3-sklearn for /usr/bin/python3 (the reference fixtures can't be regenerated)");
        var output = Directory.CreateTempSubdirectory("dsloop-fixtures-").FullName;
        try
        {
            var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "reference", "make_fixtures.py"));
            info.ArgumentList.Add(output);
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "the fixture script did not finish in 2 minutes");
            Assert.True(process.ExitCode == 0, $"make_fixtures.py failed: {error.Result}");
            foreach (var committed in Directory.EnumerateFiles(Fixtures.Folder, "*.json"))
            {
                var fresh = Path.Combine(output, Path.GetFileName(committed));
                Assert.True(File.Exists(fresh), $"the script no longer writes {Path.GetFileName(committed)}");
                Assert.True(File.ReadAllText(committed) == File.ReadAllText(fresh),
                    $"{Path.GetFileName(committed)} differs from a fresh run of make_fixtures.py: regenerate and review the change");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

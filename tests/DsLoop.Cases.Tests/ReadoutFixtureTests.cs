using System.Diagnostics;
using System.Text.Json;
using DsLoop.Cases.Experiment;
using DsLoop.Testing;

namespace DsLoop.Cases.Tests;

/// <summary>The readout's mix test, SRM test, pooled and post-stratified lifts against tests/reference/make_case_fixtures.py (scipy, statsmodels).</summary>
public sealed class ReadoutFixtureTests
{
    public static TheoryData<string> Names => new() { "balanced", "simpson", "srm" };

    private static JsonElement Case(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "reference", "cases", "cases.json")))
            .RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static ExperimentData Data(JsonElement c)
    {
        var users = new List<ExperimentUser>();
        var id = 1L;
        var k = 0;
        foreach (var row in c.GetProperty("cells").EnumerateArray())
        {
            var v = row.EnumerateArray().Select(x => x.GetInt32()).ToArray();
            foreach (var (n, x, treatment) in new[] { (v[0], v[1], false), (v[2], v[3], true) })
            {
                for (var i = 0; i < n; i++)
                {
                    users.Add(new ExperimentUser(id++, treatment, (Platform)k, 1 + (i % 14), i < x, i % 7 == 0 ? 1 : 0, 500 + (i % 300)));
                }
            }
            k++;
        }
        return new ExperimentData(ExperimentScenarios.Readout(1, ReadoutTwist.CleanLift), 0.06, users, 14, 0, 0);
    }

    private static void Near(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");

    [Theory]
    [MemberData(nameof(Names))]
    public void Readout_matches_scipy_and_statsmodels(string name)
    {
        var c = Case(name);
        var r = ExperimentReadout.Analyse(Data(c));
        Near(c.GetProperty("mixP").GetDouble(), r.MixPValue, 1e-9 + (1e-7 * c.GetProperty("mixP").GetDouble()), "mix p");
        Near(c.GetProperty("srmP").GetDouble(), r.Srm.PValue, 1e-9, "srm p");
        Near(c.GetProperty("pooledDiff").GetDouble(), r.PooledAbsolute.Estimate, 1e-12, "pooled diff");
        Near(c.GetProperty("pooledLow").GetDouble(), r.PooledAbsolute.Low, 1e-9, "pooled low");
        Near(c.GetProperty("pooledHigh").GetDouble(), r.PooledAbsolute.High, 1e-9, "pooled high");
        var prefix = r.Stratified ? "stratified" : "pooled";
        Assert.Equal(name != "balanced", r.Stratified);
        Near(c.GetProperty(prefix + "Diff").GetDouble(), r.Absolute.Estimate, 1e-12, "diff");
        Near(c.GetProperty(prefix + "Low").GetDouble(), r.Absolute.Low, 1e-9, "low");
        Near(c.GetProperty(prefix + "High").GetDouble(), r.Absolute.High, 1e-9, "high");
    }

    [SkippableFact]
    public void Fixture_is_reproducible_from_the_reference_script()
    {
        const string python = "/usr/bin/python3";
        Requirements.Need(Requirements.CommandSucceeds(python, "-c \"import scipy, statsmodels\"") ? null : "Debian's python3-scipy and python3-statsmodels");
        var output = Directory.CreateTempSubdirectory("dsloop-case-fixtures-").FullName;
        try
        {
            var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "reference", "make_case_fixtures.py"));
            info.ArgumentList.Add(output);
            using var process = Process.Start(info)!;
            Assert.True(process.WaitForExit(60_000));
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(
                File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "reference", "cases", "cases.json")),
                File.ReadAllText(Path.Combine(output, "cases.json")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using DsLoop.Data.Output;
using DsLoop.Data.Scenarios;
using DsLoop.Data.Schema;

namespace DsLoop.Data.Tests;

/// <summary>
/// Datasets are cached on disk under keys that carry <see cref="DatasetGenerator.OutputVersion"/>. If the generator's
/// rows change while the version stays, an old file (and the answers graded on it) would be reused silently, so the
/// output of a few small option sets is pinned here next to the version it belongs to.
/// </summary>
public sealed class OutputVersionTests
{
    private static readonly DataScale Small = DataScale.Custom(300);

    public static TheoryData<string, GenerationOptions> PinnedOptions => new()
    {
        { "plain", new GenerationOptions(1, Small) },
        { "kpi-drop", new GenerationOptions(2, Small, new ScenarioOptions(KpiDropCause.TrackingLoss)) },
        { "experiment-and-leakage", new GenerationOptions(3, Small, new ScenarioOptions(Experiment: new ExperimentPlan(SampleRatioMismatch: true), ModelingLeakage: true)) },
    };

    private static readonly Dictionary<string, string> Pinned = new()
    {
        ["plain"] = "E7EE5B4C6EC8C0A7",
        ["kpi-drop"] = "E0C7A33249BB9557",
        ["experiment-and-leakage"] = "51842D10125CC9EF",
    };

    private const int PinnedVersion = 4;

    private static string Fingerprint(GenerationOptions options)
    {
        var generator = new DatasetGenerator(options);
        var all = string.Join("\n", DatasetSchema.Tables.Select(t => $"{t.Name}:{TableChecksum.Compute(generator.Rows(t))}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..16];
    }

    [Theory]
    [MemberData(nameof(PinnedOptions))]
    public void Generated_rows_match_the_output_version_they_are_pinned_to(string name, GenerationOptions options)
    {
        var fingerprint = Fingerprint(options);
        Assert.True(DatasetGenerator.OutputVersion == PinnedVersion && Pinned[name] == fingerprint,
            $"The generator's output for '{name}' is now {fingerprint} (pinned: {Pinned[name]} at version {PinnedVersion}; " +
            $"OutputVersion is {DatasetGenerator.OutputVersion}). If the change is intended, bump DatasetGenerator.OutputVersion " +
            "so cached datasets are regenerated, then pin the new fingerprints and version here.");
    }

    [Fact]
    public void Cache_tag_names_the_output_version() =>
        Assert.Equal($"g{DatasetGenerator.OutputVersion}", DatasetGenerator.CacheTag);
}

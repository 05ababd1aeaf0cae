using System.Text.Json;
using DsLoop.Stats.Classification;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class ClassifierFixtureTests
{
    public static TheoryData<string> Names() => [.. Fixtures.Cases("classify.json").Select(c => c.GetProperty("name").GetString()!)];

    private static (JsonElement Case, int[] Labels, double[] Scores) Load(string name)
    {
        var c = Fixtures.Cases("classify.json").Single(x => x.GetProperty("name").GetString() == name);
        return (c, [.. c.GetProperty("labels").EnumerateArray().Select(x => x.GetInt32())], [.. c.GetProperty("scores").EnumerateArray().Select(x => x.GetDouble())]);
    }

    private static void Matches(JsonElement c, string key, Metric actual)
    {
        if (c.GetProperty(key).ValueKind == JsonValueKind.String && c.GetProperty(key).GetString() == "undefined")
        {
            Assert.False(actual.IsDefined, $"{key}: scikit-learn finds it undefined, we gave {actual.Value}");
            Assert.False(string.IsNullOrEmpty(actual.Reason));
            return;
        }
        Assert.True(actual.IsDefined, $"{key}: {actual.Reason}");
        Fixtures.Near(c.D(key), actual.Value, 1e-12, 1e-15, key);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Metrics_match_scikit_learn(string name)
    {
        var (c, y, s) = Load(name);
        Matches(c, "rocAuc", ClassifierMetrics.RocAuc(y, s));
        if (c.Has("averagePrecision"))
        {
            Matches(c, "averagePrecision", ClassifierMetrics.AveragePrecision(y, s));
            Matches(c, "recallAtPrecision08", ClassifierMetrics.RecallAtPrecision(y, s, 0.8));
        }
        else
        {
            Assert.False(ClassifierMetrics.AveragePrecision(y, s).IsDefined);
        }
        Matches(c, "brier", ClassifierMetrics.Brier(y, s));
        Matches(c, "logLoss", ClassifierMetrics.LogLoss(y, s));
        Matches(c, "ece10", ClassifierMetrics.ExpectedCalibrationError(y, s, 10));
        Matches(c, "precisionAt10", ClassifierMetrics.PrecisionAtK(y, s, 10));
        var (precision, recall, f1) = ClassifierMetrics.AtThreshold(y, s, 0.5);
        Fixtures.Near(c.D("precisionAt05"), precision, 1e-12, 1e-15, "precision");
        Fixtures.Near(c.D("recallAt05"), recall, 1e-12, 1e-15, "recall");
        Fixtures.Near(c.D("f1At05"), f1, 1e-12, 1e-15, "f1");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Calibration_curves_match_scikit_learn(string name)
    {
        var (c, y, s) = Load(name);
        foreach (var (key, bins, strategy) in new[] { ("calibration_uniform_10", 10, BinStrategy.Uniform), ("calibration_quantile_5", 5, BinStrategy.Quantile) })
        {
            var expected = c.GetProperty(key);
            var actual = ClassifierMetrics.Calibration(y, s, bins, strategy);
            var fractions = expected.GetProperty("fractionPositive").EnumerateArray().Select(x => x.GetDouble()).ToList();
            var means = expected.GetProperty("meanScore").EnumerateArray().Select(x => x.GetDouble()).ToList();
            Assert.Equal(fractions.Count, actual.Count);
            for (var i = 0; i < actual.Count; i++)
            {
                Fixtures.Near(fractions[i], actual[i].FractionPositive, 1e-12, 1e-15, $"{key} bin {i}");
                Fixtures.Near(means[i], actual[i].MeanScore, 1e-12, 1e-15, $"{key} bin {i}");
            }
        }
    }

    [Fact]
    public void Auc_of_a_million_scores_is_computed_and_matches_a_pairwise_count_on_a_sample()
    {
        var random = new Random(7);
        var labels = Enumerable.Range(0, 1_000_000).Select(_ => random.NextDouble() < 0.1 ? 1 : 0).ToArray();
        var scores = labels.Select(l => Math.Round((l * 0.3) + random.NextDouble(), 2)).ToArray();
        var auc = ClassifierMetrics.RocAuc(labels, scores).Value;
        // Brute force on the first 2,000 rows, counting ties as half.
        var y = labels[..2000];
        var s = scores[..2000];
        double wins = 0, pairs = 0;
        for (var i = 0; i < y.Length; i++)
        {
            for (var j = 0; j < y.Length; j++)
            {
                if (y[i] == 1 && y[j] == 0)
                {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        Fixtures.Near(wins / pairs, ClassifierMetrics.RocAuc(y, s).Value, 1e-12, what: "sample AUC");
        Assert.InRange(auc, 0.6, 0.9);
    }

    [Fact]
    public void Bad_rows_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => ClassifierMetrics.Brier([0, 1, 1], [0.2, 1.3, 0.5]));
        Assert.Contains("Row 2: score 1.3 is not a probability", e.Message, StringComparison.Ordinal);
        Assert.Contains("label 2 is not 0 or 1", Assert.Throws<ArgumentException>(() => ClassifierMetrics.RocAuc([0, 2], [0.1, 0.2])).Message, StringComparison.Ordinal);
        Assert.Contains("2 labels but 1 scores", Assert.Throws<ArgumentException>(() => ClassifierMetrics.RocAuc([0, 1], [0.1])).Message, StringComparison.Ordinal);
    }
}

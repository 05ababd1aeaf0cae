using System.Globalization;
using System.Text;
using DsLoop.Cases.Modeling;
using DsLoop.Content;
using DsLoop.Stats.Modeling;
using DsLoop.Testing;

namespace DsLoop.Cases.Tests;

/// <summary>The modeling take-home: leakage flag, grading against the baseline, and upload validation.</summary>
public sealed class ModelingTests
{
    internal static ModelingData Small(ModelingKind kind, ulong seed = 4) => ModelingData.Generate(seed, ModelingScenario.For(kind), 4_000, 3_000);

    private static double[] Honest(ModelingRow r) => [.. r.Features.Select(v => Math.Log(1 + v))];

    private static double[] WithLeak(ModelingRow r) => [.. Honest(r), Math.Log(1 + r.Leak)];

    /// <summary>Fits a logistic model on train with the given features and scores the holdout.</summary>
    internal static double[] Fit(ModelingData data, Func<ModelingRow, double[]> features)
    {
        var fit = LogisticRegression.Fit([.. data.Train.Select(features)], [.. data.Train.Select(r => r.Label)], l2: 1.0);
        Assert.True(fit.IsValid, fit.Reason);
        return [.. data.Holdout.Select(r => fit.Predict(features(r)))];
    }

    private static double TrainAuc(ModelingData data, Func<ModelingRow, double[]> features)
    {
        var fit = LogisticRegression.Fit([.. data.Train.Select(features)], [.. data.Train.Select(r => r.Label)], l2: 1.0);
        return DsLoop.Stats.Classification.ClassifierMetrics.RocAuc([.. data.Train.Select(r => r.Label)], [.. data.Train.Select(r => fit.Predict(features(r)))]).Value;
    }

    internal static byte[] Csv(ModelingData data, IReadOnlyList<double> scores)
    {
        var sb = new StringBuilder("id,probability\n");
        for (var i = 0; i < scores.Count; i++)
        {
            sb.Append(data.Holdout[i].Id.ToString(CultureInfo.InvariantCulture)).Append(',').Append(scores[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Theory]
    [InlineData(ModelingKind.Churn)]
    [InlineData(ModelingKind.Upgrade)]
    [InlineData(ModelingKind.Abuse)]
    public void Leakage_flag_fires_on_a_model_fit_with_the_leak_and_stays_silent_on_an_honest_one(ModelingKind kind)
    {
        var data = Small(kind);
        var leaky = Fit(data, WithLeak);
        var honest = Fit(data, Honest);
        var leakyAuc = ModelingGrader.Evaluate(data, leaky).RocAuc;
        var honestAuc = ModelingGrader.Evaluate(data, honest).RocAuc;

        var flagged = ModelingGrader.CheckLeakage(data, leaky, leakyAuc, null);
        Assert.True(flagged.Raised, $"{kind}: ρ = {flagged.LeakCorrelation}");
        Assert.True(honestAuc > leakyAuc, $"{kind}: the leaky model should collapse on the holdout ({leakyAuc} vs {honestAuc})");

        var clean = ModelingGrader.CheckLeakage(data, honest, honestAuc, TrainAuc(data, Honest));
        Assert.False(clean.Raised, string.Join(" ", clean.Reasons));
    }

    [Theory]
    [InlineData(ModelingKind.Churn)]
    [InlineData(ModelingKind.Upgrade)]
    public void Validation_auc_that_beats_the_holdout_far_beyond_noise_raises_the_flag_even_without_the_leak_in_the_scores(ModelingKind kind)
    {
        var data = Small(kind);
        var honest = Fit(data, Honest);
        var auc = ModelingGrader.Evaluate(data, honest).RocAuc;
        var reported = TrainAuc(data, WithLeak);
        var flag = ModelingGrader.CheckLeakage(data, honest, auc, reported);
        Assert.True(reported > 0.9, $"in-sample AUC with the leak {reported}");
        Assert.True(flag.Raised, $"holdout {auc}, reported {reported}, allowed gap {flag.GapAllowed}");
        Assert.Contains("validation ROC-AUC", flag.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Honest_model_earns_full_points_and_the_leaky_one_loses_the_leakage_part_with_an_explanation()
    {
        var framework = ContentLoader.Load(RepoPaths.Content).Bank!.Frameworks[ModelingCase.PlanFrameworkId];
        var c = new ModelingCase(new CaseId(CaseKind.Modeling, 5));
        const string plan = "I would score accounts in a daily batch job that reads point-in-time features from the feature store. I monitor input drift with PSI, the score distribution and calibration on a dashboard, and precision once labels arrive. An alert fires when drift passes a threshold, and the owner on the review team responds within the team's capacity. I retrain monthly and backtest on an out-of-time holdout, champion against challenger. I start in shadow mode, roll out gradually, and keep a rollback to the previous model.";
        var honest = c.Grade(Csv(c.Data, Fit(c.Data, Honest)), null, plan, framework);
        Assert.All(honest.Parts.Take(4), p => Assert.True(p.Passed, $"{p.Part}: {p.Feedback}"));
        Assert.True(honest.Parts[4].Points >= 0.7, honest.Parts[4].Feedback);
        Assert.Contains("5 of 5 steps covered", honest.Parts[4].Feedback, StringComparison.Ordinal);
        Assert.NotEmpty(honest.Reliability!);

        var leaky = c.Grade(Csv(c.Data, Fit(c.Data, WithLeak)), null, "", framework);
        var leakage = leaky.Parts.Single(p => p.Part == "Leakage");
        Assert.Equal(0, leakage.Points);
        Assert.Contains(c.Scenario.LeakyColumn, leakage.Feedback, StringComparison.Ordinal);
        Assert.Contains("Point-in-time", leakage.Feedback, StringComparison.Ordinal);
        Assert.Equal(0, leaky.Parts.Single(p => p.Part.StartsWith("Deployment", StringComparison.Ordinal)).Points);
    }

    [Fact]
    public void Train_and_holdout_files_have_the_expected_columns_and_the_holdout_has_no_label()
    {
        var c = new ModelingCase(new CaseId(CaseKind.Modeling, 8));
        var files = c.Files().ToDictionary(f => f.Name);
        var trainHeader = Encoding.UTF8.GetString(files["train.csv"].Content).Split('\n')[0];
        var holdoutHeader = Encoding.UTF8.GetString(files["holdout_features.csv"].Content).Split('\n')[0];
        Assert.EndsWith("," + c.Data.LabelColumn, trainHeader, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Data.LabelColumn, holdoutHeader, StringComparison.Ordinal);
        Assert.Contains(c.Scenario.LeakyColumn, holdoutHeader, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Scenario.LeakWhy, c.Brief(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadUploads => new()
    {
        { "user,score\n", "Line 1: the header" },
        { "id,probability\n{0},0.5\n{0},0.4\n", "Line 3: id {0} is a duplicate (first on line 2)" },
        { "id,probability\n{0},NaN\n", "Line 2: probability 'NaN' is not a number" },
        { "id,probability\n{0},1.5\n", "Line 2: probability 1.5 is outside [0, 1]" },
        { "id,probability\n{0},-0.1\n", "Line 2: probability -0.1 is outside [0, 1]" },
        { "id,probability\n999,0.5\n", "Line 2: id 999 is not in holdout_features.csv" },
        { "id,probability\n{0},0.5,extra\n", "Line 2: expected 2 fields" },
        { "id,probability\n{0},0.5\n", "holdout id(s) have no prediction" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public void Invalid_upload_is_refused_with_a_message_naming_the_line(string template, string message)
    {
        var c = new ModelingCase(new CaseId(CaseKind.Modeling, 2));
        var first = c.Data.Holdout[0].Id.ToString(CultureInfo.InvariantCulture);
        var e = Assert.Throws<CaseAnswerException>(() => c.ReadPredictions(Encoding.UTF8.GetBytes(template.Replace("{0}", first, StringComparison.Ordinal))));
        Assert.Contains(message.Replace("{0}", first, StringComparison.Ordinal), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Upload_over_the_size_limit_is_refused()
    {
        var c = new ModelingCase(new CaseId(CaseKind.Modeling, 2));
        var e = Assert.Throws<CaseAnswerException>(() => c.ReadPredictions(new byte[PredictionUpload.MaxBytes + 1]));
        Assert.Contains("limit", e.Message, StringComparison.Ordinal);
    }
}

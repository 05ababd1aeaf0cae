using System.Globalization;
using System.Text;
using DsLoop.Cases.Modeling;
using DsLoop.Stats.Classification;
using DsLoop.Stats.Modeling;

namespace DsLoop.Cases.Tests;

/// <summary>
/// What a candidate does with train.csv alone: fit the platform baseline out of fold, then compare calibration and
/// ROC-AUC by segment. Written against the CSV text, not the generator's rows.
/// </summary>
internal static class CandidateAnalysis
{
    public sealed record Finding(string Segment, BaselineError Error, double Strength, double RunnerUp, string Table);

    public static Finding Run(byte[] trainCsv, ModelingScenario brief, int folds = 5)
    {
        var lines = Encoding.UTF8.GetString(trainCsv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var segmentColumn = Array.IndexOf(header, brief.Segment.Column);
        var numeric = brief.Features.Select(f => Array.IndexOf(header, f.Name)).ToArray();
        var label = header.Length - 1;
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var x = rows.Select(r => numeric.Select(j => Math.Log(1 + double.Parse(r[j], CultureInfo.InvariantCulture))).ToArray()).ToList();
        var y = rows.Select(r => int.Parse(r[label], CultureInfo.InvariantCulture)).ToList();
        var segment = rows.Select(r => r[segmentColumn]).ToList();

        // Out-of-fold predictions of the baseline (L2 logistic, λ = 1 on standardised log(1 + x)).
        var p = new double[rows.Count];
        for (var k = 0; k < folds; k++)
        {
            var fitRows = Enumerable.Range(0, rows.Count).Where(i => i % folds != k).ToList();
            var fit = LogisticRegression.Fit([.. fitRows.Select(i => x[i])], [.. fitRows.Select(i => y[i])], l2: 1.0);
            for (var i = k; i < rows.Count; i += folds)
            {
                p[i] = fit.Predict(x[i]);
            }
        }

        var stats = brief.Segment.Values.Select(v =>
        {
            var idx = Enumerable.Range(0, rows.Count).Where(i => segment[i] == v).ToList();
            var labels = idx.Select(i => y[i]).ToList();
            var scores = idx.Select(i => p[i]).ToList();
            var positives = labels.Sum();
            // Calibration: observed minus expected positives over the binomial spread of the predictions.
            var zCal = (positives - scores.Sum()) / Math.Sqrt(scores.Sum(s => s * (1 - s)));
            var auc = ClassifierMetrics.RocAuc(labels, scores).Value;
            var se = ModelingGrader.AucStandardError(auc, positives, labels.Count - positives);
            return (Value: v, ZCal: zCal, Auc: auc, Se: se, Rows: labels.Count, Positives: positives, Mean: scores.Average());
        }).ToList();
        var candidates = stats.Select(s =>
        {
            var others = stats.Where(o => o.Value != s.Value).Select(o => o.Auc).Order().ToList();
            var zAuc = (others[others.Count / 2] - s.Auc) / s.Se;
            return Math.Abs(s.ZCal) >= zAuc
                ? (s.Value, Error: s.ZCal > 0 ? BaselineError.UnderPredicts : BaselineError.OverPredicts, Strength: Math.Abs(s.ZCal))
                : (s.Value, Error: BaselineError.RanksPoorly, Strength: zAuc);
        }).OrderByDescending(c => c.Strength).ToList();
        var table = string.Join("; ", stats.Select(s => $"{s.Value}: n={s.Rows} pos={s.Positives} mean={s.Mean:0.000} obs={(double)s.Positives / s.Rows:0.000} zCal={s.ZCal:0.0} auc={s.Auc:0.000}±{s.Se:0.000}"));
        return new Finding(candidates[0].Value, candidates[0].Error, candidates[0].Strength, candidates[1].Strength, table);
    }
}

/// <summary>The error-analysis part: the planted weak segment, its recovery from train, grading and the slice report.</summary>
public sealed class ModelingErrorAnalysisTests
{
    /// <summary>Real case ids whose draws cover every scenario and every kind of error.</summary>
    public static TheoryData<ulong> Seeds => new() { 1, 4, 7, 8, 9, 11, 14 };

    private static ModelingCase Case(ulong seed) => new(new CaseId(CaseKind.Modeling, seed));

    private static byte[] BaselineCsv(ModelingCase c) => ModelingTests.Csv(c.Data, ModelingGrader.Baseline(c.Data));

    private static GradedPart Part(CaseResult result) => result.Parts.Single(p => p.Part == ErrorAnalysisGrader.PartName);

    [Fact]
    public void Chosen_seeds_cover_every_scenario_and_every_kind_of_error()
    {
        var draws = ((IEnumerable<object[]>)Seeds).Select(s => Case((ulong)s[0])).Select(c => (c.Scenario.Kind, c.Data.Weakness.Error)).ToList();
        Assert.Equal(3, draws.Select(d => d.Kind).Distinct().Count());
        Assert.Equal(3, draws.Select(d => d.Error).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Planted_weak_segment_is_recovered_from_train_csv_alone_and_that_answer_earns_the_point(ulong seed)
    {
        var c = Case(seed);
        var train = c.Files().Single(f => f.Name == "train.csv").Content;
        var found = CandidateAnalysis.Run(train, c.Scenario);
        var truth = c.Data.Weakness;
        Assert.True(found.Segment == truth.SegmentName(c.Scenario) && found.Error == truth.Error,
            $"planted {truth.SegmentName(c.Scenario)} {truth.Error}, found {found.Segment} {found.Error}: {found.Table}");

        var result = c.Grade(BaselineCsv(c), null, null, null, new ErrorAnalysisAnswer(found.Segment, PlantedWeakness.Slug(found.Error)));
        var part = Part(result);
        Assert.Equal(1, part.Points);
        Assert.StartsWith("Right:", part.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModelingKind.Churn)]
    [InlineData(ModelingKind.Upgrade)]
    [InlineData(ModelingKind.Abuse)]
    public void Every_kind_of_weakness_in_every_segment_is_recovered_from_train(ModelingKind kind)
    {
        var scenario = ModelingScenario.For(kind);
        foreach (var error in Enum.GetValues<BaselineError>())
        {
            for (var segment = 0; segment < scenario.Segment.Values.Count; segment++)
            {
                var weak = new PlantedWeakness(segment, error);
                var data = ModelingData.Generate(100 + (ulong)segment, scenario, 6_000, 10, weak);
                var found = CandidateAnalysis.Run(data.TrainCsv(), scenario);
                Assert.True(found.Segment == weak.SegmentName(scenario) && found.Error == error,
                    $"{kind}: planted {weak.SegmentName(scenario)} {error}, found {found.Segment} {found.Error}: {found.Table}");
            }
        }
    }

    [Fact]
    public void Wrong_segment_flipped_direction_and_half_answers_are_marked_down_with_named_messages()
    {
        // Seed 9 plants an over-predicted churn segment. The other segments then look slightly under-predicted, which
        // tempts a candidate who reads only the sign of the gap; reading the gap the wrong way round flips the kind.
        var c = Case(9);
        var truth = c.Data.Weakness;
        var right = truth.SegmentName(c.Scenario);
        Assert.Equal(BaselineError.OverPredicts, truth.Error);
        var upload = BaselineCsv(c);
        var wrong = c.Scenario.Segment.Values.First(v => v != right);

        var wrongSegment = Part(c.Grade(upload, null, null, null, new ErrorAnalysisAnswer(wrong, "under-predicts")));
        Assert.Equal(0, wrongSegment.Points);
        Assert.Contains($"`{wrong}` is not where the baseline is worst", wrongSegment.Feedback, StringComparison.Ordinal);
        Assert.Contains($"worst in {c.Scenario.Segment.Column} = `{right}`, where it over-predicts", wrongSegment.Feedback, StringComparison.Ordinal);
        Assert.Contains("How to find it", wrongSegment.Feedback, StringComparison.Ordinal);

        var flipped = Part(c.Grade(upload, null, null, null, new ErrorAnalysisAnswer(right.ToUpperInvariant(), "under-predicts")));
        Assert.Equal(0.5, flipped.Points);
        Assert.Contains($"Right segment (`{right}`), but the baseline over-predicts", flipped.Feedback, StringComparison.Ordinal);
        Assert.Contains("not 'under-predicts'", flipped.Feedback, StringComparison.Ordinal);

        var noKind = Part(c.Grade(upload, null, null, null, new ErrorAnalysisAnswer(right, null)));
        Assert.Equal(0.5, noKind.Points);
        Assert.Contains("kind of error is missing", noKind.Feedback, StringComparison.Ordinal);

        var noSegment = Part(c.Grade(upload, null, null, null, new ErrorAnalysisAnswer(null, "over-predicts")));
        Assert.Equal(0, noSegment.Points);
        Assert.Contains("No segment named", noSegment.Feedback, StringComparison.Ordinal);

        var ranking = Part(c.Grade(upload, null, null, null, new ErrorAnalysisAnswer(right, "ranks-poorly")));
        Assert.Equal(0.5, ranking.Points);
    }

    [Fact]
    public void Submission_without_an_error_analysis_still_grades_the_other_parts_and_says_the_point_was_not_earned()
    {
        var c = Case(4);
        var result = c.Grade(BaselineCsv(c), null, null, null);
        Assert.Equal(["Ranking on the holdout", "Recall at the team's capacity", "Calibration", "Leakage", ErrorAnalysisGrader.PartName], result.Parts.Select(p => p.Part));
        Assert.All(result.Parts.Take(4), p => Assert.True(p.Passed, $"{p.Part}: {p.Feedback}"));
        var part = Part(result);
        Assert.Equal(0, part.Points);
        Assert.Equal(1, part.MaxPoints);
        Assert.Contains("error-analysis point was not earned", part.Feedback, StringComparison.Ordinal);
        Assert.Contains($"`{c.Data.Weakness.SegmentName(c.Scenario)}`", part.Feedback, StringComparison.Ordinal);
        Assert.Equal(4, result.Points);
    }

    [Theory]
    [InlineData("nowhere", null, "'nowhere' is not a value of")]
    [InlineData(null, "sideways", "'sideways' is not a kind of error")]
    public void Unknown_segment_or_error_kind_is_refused_before_grading(string? segment, string? error, string message)
    {
        var c = Case(1);
        var e = Assert.Throws<CaseAnswerException>(() => c.Grade(BaselineCsv(c), null, null, null, new ErrorAnalysisAnswer(segment, error)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Holdout_slice_report_shows_the_planted_weakness_in_the_baselines_numbers(ulong seed)
    {
        var c = Case(seed);
        var report = c.Grade(BaselineCsv(c), null, null, null).Slices!;
        var column = c.Scenario.Segment.Column;
        var segments = report.Slices.Where(r => r.Dimension == column).ToList();
        Assert.Equal(c.Scenario.Segment.Values, segments.Select(r => r.Slice));
        Assert.Equal(c.Data.Holdout.Count, segments.Sum(r => r.Baseline.Rows));
        var weak = segments.Single(r => r.Slice == c.Data.Weakness.SegmentName(c.Scenario)).Baseline;
        var others = segments.Where(r => r.Baseline != weak).Select(r => r.Baseline).ToList();
        switch (c.Data.Weakness.Error)
        {
            case BaselineError.UnderPredicts:
                Assert.True(weak.Gap() < others.Min(o => o.Gap()), $"gap {weak.Gap()} vs {string.Join(", ", others.Select(o => o.Gap()))}");
                Assert.True(weak.Gap() < 0);
                break;
            case BaselineError.OverPredicts:
                Assert.True(weak.Gap() > others.Max(o => o.Gap()), $"gap {weak.Gap()} vs {string.Join(", ", others.Select(o => o.Gap()))}");
                Assert.True(weak.Gap() > 0);
                break;
            default:
                Assert.True(weak.RocAuc < others.Min(o => o.RocAuc) - 0.1, $"AUC {weak.RocAuc} vs {string.Join(", ", others.Select(o => o.RocAuc))}");
                break;
        }
        foreach (var name in c.Scenario.BucketFeatures)
        {
            var buckets = report.Slices.Where(r => r.Dimension == name).ToList();
            Assert.InRange(buckets.Count, 2, 4);
            Assert.Equal(c.Data.Holdout.Count, buckets.Sum(r => r.Yours.Rows));
        }
        // The baseline's own predictions: "yours" and the baseline agree row for row.
        Assert.All(report.Slices, r => Assert.Equal(r.Baseline, r.Yours));
    }

    [Fact]
    public void Top_errors_are_misclassified_at_the_operating_threshold_with_their_features()
    {
        var c = Case(7);
        var scores = ModelingGrader.Baseline(c.Data);
        var report = c.Grade(ModelingTests.Csv(c.Data, scores), null, null, null).Slices!;
        var byId = c.Data.Holdout.Select((r, i) => (r, i)).ToDictionary(x => x.r.Id, x => (Row: x.r, Score: scores[x.i]));
        var threshold = report.Threshold!.Value;
        Assert.Equal(SliceMetrics.TopErrors, report.FalsePositives.Count);
        Assert.Equal(SliceMetrics.TopErrors, report.FalseNegatives.Count);
        Assert.All(report.FalsePositives, e => Assert.True(byId[e.Id].Row.Label == 0 && e.Score >= threshold));
        Assert.All(report.FalseNegatives, e => Assert.True(byId[e.Id].Row.Label == 1 && e.Score < threshold));
        Assert.Equal(report.FalsePositives.Select(e => e.Score).OrderDescending(), report.FalsePositives.Select(e => e.Score));
        Assert.Equal(report.FalseNegatives.Select(e => e.Score).Order(), report.FalseNegatives.Select(e => e.Score));
        var first = report.FalsePositives[0];
        Assert.Equal(byId[first.Id].Row.Features, first.Features);
        Assert.Equal(c.Scenario.Segment.Values[byId[first.Id].Row.Segment], first.Segment);
        // The most confident false positive outscores every negative below it.
        Assert.Equal(c.Data.Holdout.Select((r, i) => (r, i)).Where(x => x.r.Label == 0).Max(x => scores[x.i]), first.Score);
    }

    [Fact]
    public void Constant_predictions_flag_nothing_and_the_graded_result_survives_a_json_round_trip()
    {
        var c = Case(8);
        var result = c.Grade(ModelingTests.Csv(c.Data, [.. c.Data.Holdout.Select(_ => 0.03)]), 0.7, null, null, new ErrorAnalysisAnswer("apple", "over-predicts"));
        var report = result.Slices!;
        Assert.Null(report.Threshold);
        Assert.Empty(report.FalsePositives);
        Assert.All(report.FalseNegatives, e => Assert.Equal(0.03, e.Score));
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var back = System.Text.Json.JsonSerializer.Deserialize<CaseResult>(System.Text.Json.JsonSerializer.Serialize(result, options), options)!;
        Assert.Equal(report.Slices.Count, back.Slices!.Slices.Count);
        Assert.Equal(report.Slices[1].Yours, back.Slices.Slices[1].Yours);
        Assert.Equal(result.Points, back.Points);
    }

    [Fact]
    public void Brief_asks_for_the_error_analysis_and_describes_the_baseline_without_naming_the_weak_segment()
    {
        var c = Case(9);
        var brief = c.Brief();
        Assert.Contains($"`{c.Scenario.Segment.Column}`", brief, StringComparison.Ordinal);
        Assert.Contains("over-predicts, under-predicts or ranks poorly", brief, StringComparison.Ordinal);
        Assert.Contains("`C=1`", brief, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Data.Weakness.Describe(c.Scenario), brief, StringComparison.Ordinal);
        var train = System.Text.Encoding.UTF8.GetString(c.Files()[0].Content).Split('\n')[0];
        Assert.StartsWith($"id,snapshot_date,{c.Scenario.Segment.Column},", train, StringComparison.Ordinal);
    }
}

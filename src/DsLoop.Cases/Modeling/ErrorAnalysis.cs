using System.Globalization;

namespace DsLoop.Cases.Modeling;

/// <summary>The candidate's error analysis: where the platform baseline is worst (a segment value) and how it fails there.</summary>
/// <param name="Segment">A value of the scenario's segment column, e.g. "partner".</param>
/// <param name="Error">"over-predicts", "under-predicts" or "ranks-poorly".</param>
public sealed record ErrorAnalysisAnswer(string? Segment, string? Error)
{
    /// <summary>True when neither field was given.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Segment) && string.IsNullOrWhiteSpace(Error);
}

/// <summary>Grades the error-analysis answer against the planted weak segment, with the holdout's slice numbers as evidence.</summary>
public static class ErrorAnalysisGrader
{
    /// <summary>The part's name.</summary>
    public const string PartName = "Error analysis";

    /// <summary>
    /// Checks that the answer names a real segment value and error kind; throws <see cref="CaseAnswerException"/>
    /// otherwise, so a typo is refused rather than graded. Returns the segment's index and the kind (null when not given).
    /// </summary>
    public static (int? Segment, BaselineError? Error) Read(ModelingScenario scenario, ErrorAnalysisAnswer? answer)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (answer is null || answer.IsEmpty)
        {
            return (null, null);
        }
        int? segment = null;
        if (!string.IsNullOrWhiteSpace(answer.Segment))
        {
            var values = scenario.Segment.Values;
            var index = values.ToList().FindIndex(v => string.Equals(v, answer.Segment.Trim(), StringComparison.OrdinalIgnoreCase));
            segment = index >= 0
                ? index
                : throw new CaseAnswerException($"'{answer.Segment.Trim()}' is not a value of {scenario.Segment.Column}; give one of {string.Join(", ", values)}.");
        }
        BaselineError? error = null;
        if (!string.IsNullOrWhiteSpace(answer.Error))
        {
            error = PlantedWeakness.ParseError(answer.Error)
                ?? throw new CaseAnswerException($"'{answer.Error.Trim()}' is not a kind of error; give one of {string.Join(", ", PlantedWeakness.ErrorSlugs)}.");
        }
        return (segment, error);
    }

    /// <summary>Grades the answer: half a point for the segment, half for the kind of error there (only with the right segment).</summary>
    public static GradedPart Grade(ModelingData data, ErrorAnalysisAnswer? answer, SliceReport? report)
    {
        ArgumentNullException.ThrowIfNull(data);
        var s = data.Scenario;
        var truth = data.Weakness;
        var (segment, error) = Read(s, answer);
        var right = truth.SegmentName(s);
        var evidence = report is null ? "" : " " + Evidence(report, s.Segment.Column, right);
        var verdict = $"The baseline is worst in {s.Segment.Column} = `{right}`, where it {Words(truth.Error)}.";
        if (segment is null && error is null)
        {
            return new GradedPart(PartName, 0, 1, $"Not answered, so the error-analysis point was not earned. {verdict}{evidence} {HowTo(s)}");
        }
        if (segment is null)
        {
            return new GradedPart(PartName, 0, 1, $"No segment named: a kind of error means little without where it happens. {verdict}{evidence} {HowTo(s)}");
        }
        if (segment != truth.Segment)
        {
            var named = s.Segment.Values[segment.Value];
            var there = report is null ? "" : " " + Evidence(report, s.Segment.Column, named, "there");
            return new GradedPart(PartName, 0, 1, $"`{named}` is not where the baseline is worst.{there} {verdict}{evidence} {HowTo(s)}");
        }
        if (error is null)
        {
            return new GradedPart(PartName, 0.5, 1, $"Right segment (`{right}`), but the kind of error is missing: the baseline {Words(truth.Error)} there.{evidence} {KindHint}");
        }
        return error == truth.Error
            ? new GradedPart(PartName, 1, 1, $"Right: the baseline {Words(truth.Error)} in `{right}`.{evidence}")
            : new GradedPart(PartName, 0.5, 1, $"Right segment (`{right}`), but the baseline {Words(truth.Error)} there, not '{PlantedWeakness.Slug(error.Value)}'.{evidence} {KindHint}");
    }

    private const string KindHint = "Over- and under-prediction show as a gap between the mean predicted probability and the observed rate; poor ranking shows as a ROC-AUC near 0.5 within the segment while the gap stays small.";

    private static string HowTo(ModelingScenario s) =>
        $"How to find it: fit the baseline on train with 5-fold cross-validation (or fit on 80% and score the other 20%), then for each {s.Segment.Column} value compare the mean predicted probability with the observed rate and the ROC-AUC within the segment; the weak one stands out by several standard errors on one of the two.";

    private static string Words(BaselineError error) => error switch
    {
        BaselineError.OverPredicts => "over-predicts (its probabilities sit above the observed rate)",
        BaselineError.UnderPredicts => "under-predicts (its probabilities sit below the observed rate)",
        _ => "ranks poorly (right on average, but ROC-AUC near 0.5 within the segment)",
    };

    private static string Evidence(SliceReport report, string column, string value, string? lead = null)
    {
        var rows = report.Slices.Where(r => r.Dimension == column).ToList();
        if (rows.FirstOrDefault(r => r.Slice == value)?.Baseline is not { } b)
        {
            return "";
        }
        static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
        var others = rows.Where(r => r.Slice != value && r.Baseline.RocAuc is not null).Select(r => r.Baseline.RocAuc!.Value).ToList();
        var range = others.Count == 0 ? "" : $"; {F(others.Min())}–{F(others.Max())} in the other segments";
        var auc = b.RocAuc is { } a ? F(a) : "undefined";
        return $"{(lead is null ? "On the holdout" : $"On the holdout, {lead},")} the baseline's mean probability is {F(b.MeanScore)} against an observed rate of {F(b.ObservedRate)} ({b.Rows:N0} rows), ROC-AUC {auc}{range}.";
    }
}

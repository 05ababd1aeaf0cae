using System.Globalization;
using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Stats;
using DsLoop.Stats.Classification;
using DsLoop.Stats.Modeling;

namespace DsLoop.Cases.Modeling;

/// <summary>The leakage check's verdict.</summary>
/// <param name="Raised">True when leakage is suspected.</param>
/// <param name="LeakCorrelation">Spearman correlation of the predictions with the holdout's leaky column.</param>
/// <param name="ValidationGap">Self-reported validation ROC-AUC minus holdout ROC-AUC (NaN when not reported).</param>
/// <param name="GapAllowed">The largest gap noise explains (drift allowance plus three Hanley–McNeil standard errors).</param>
/// <param name="Reasons">Why it was raised.</param>
public sealed record LeakageFlag(bool Raised, double LeakCorrelation, double ValidationGap, double GapAllowed, IReadOnlyList<string> Reasons);

/// <summary>Holdout metrics of one set of scores.</summary>
/// <param name="RocAuc">ROC-AUC.</param>
/// <param name="PrAuc">Average precision (PR-AUC).</param>
/// <param name="Brier">Brier score.</param>
/// <param name="Ece">Expected calibration error, 10 equal-width bins.</param>
/// <param name="PrecisionAtCapacity">Precision when flagging the share the team can act on.</param>
/// <param name="RecallAtCapacity">Recall at that cut.</param>
/// <param name="RecallAtMinPrecision">Best recall at or above the scenario's minimum precision.</param>
public sealed record HoldoutMetrics(double RocAuc, double PrAuc, double Brier, double Ece, double PrecisionAtCapacity, double RecallAtCapacity, double RecallAtMinPrecision);

/// <summary>Grades predictions on the hidden holdout against a logistic baseline trained without the leaky column.</summary>
public static class ModelingGrader
{
    /// <summary>The leak correlation above which predictions are said to follow the leaky column.</summary>
    public const double LeakCorrelationLimit = 0.2;

    /// <summary>How much ROC-AUC a later window may lose to drift before noise is even counted.</summary>
    public const double DriftAllowance = 0.03;

    /// <summary>Holdout metrics of scores.</summary>
    public static HoldoutMetrics Evaluate(ModelingData data, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labels = data.Holdout.Select(r => r.Label).ToList();
        var s = data.Scenario;
        var capacity = OperatingPoints.ForCapacity(scores, labels.Count, s.ReviewCapacityShare * labels.Count, labels);
        var recallAtPrecision = ClassifierMetrics.RecallAtPrecision(labels, scores, s.MinPrecision).Value;
        return new HoldoutMetrics(
            ClassifierMetrics.RocAuc(labels, scores).Value,
            ClassifierMetrics.AveragePrecision(labels, scores).Value,
            ClassifierMetrics.Brier(labels, scores).Value,
            ClassifierMetrics.ExpectedCalibrationError(labels, scores).Value,
            capacity.Precision, capacity.Recall, double.IsNaN(recallAtPrecision) ? 0 : recallAtPrecision);
    }

    /// <summary>The platform's baseline: L2 logistic regression on log(1 + x) of the safe columns of train.</summary>
    public static IReadOnlyList<double> Baseline(ModelingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        static double[] X(ModelingRow r) => [.. r.Features.Select(v => Math.Log(1 + Math.Max(0, v)))];
        var fit = LogisticRegression.Fit([.. data.Train.Select(X)], [.. data.Train.Select(r => r.Label)], l2: 1.0);
        return [.. data.Holdout.Select(r => fit.Predict(X(r)))];
    }

    /// <summary>Hanley–McNeil standard error of a ROC-AUC.</summary>
    public static double AucStandardError(double auc, int positives, int negatives)
    {
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        return Math.Sqrt(((auc * (1 - auc)) + ((positives - 1) * (q1 - (auc * auc))) + ((negatives - 1) * (q2 - (auc * auc)))) / ((double)positives * negatives));
    }

    /// <summary>Checks predictions for leakage.</summary>
    public static LeakageFlag CheckLeakage(ModelingData data, IReadOnlyList<double> scores, double holdoutAuc, double? reportedValidationAuc)
    {
        ArgumentNullException.ThrowIfNull(data);
        var leak = data.Holdout.Select(r => r.Leak).ToArray();
        var rho = Correlation.Spearman(scores, leak);
        if (double.IsNaN(rho))
        {
            rho = 0;
        }
        var positives = data.Holdout.Count(r => r.Label == 1);
        var allowed = DriftAllowance + (3 * AucStandardError(holdoutAuc, positives, data.Holdout.Count - positives));
        var gap = reportedValidationAuc is { } v ? v - holdoutAuc : double.NaN;
        var reasons = new List<string>();
        if (Math.Abs(rho) >= LeakCorrelationLimit)
        {
            reasons.Add($"Your holdout scores follow `{data.Scenario.LeakyColumn}` (Spearman ρ = {rho:0.00}), a column that carries no information at prediction time.");
        }
        if (gap > allowed)
        {
            reasons.Add($"Your validation ROC-AUC ({reportedValidationAuc:0.000}) beats the holdout ({holdoutAuc:0.000}) by {gap:0.000}, more than drift and noise explain ({allowed:0.000}): the validation rows saw something the holdout does not have.");
        }
        return new LeakageFlag(reasons.Count > 0, rho, gap, allowed, reasons);
    }

    /// <summary>
    /// Grades validated predictions (in holdout order) against the baseline's holdout scores, with an optional
    /// self-reported validation AUC, monitoring plan and error analysis (whose part is always listed, so a missing
    /// answer shows the point it did not earn).
    /// </summary>
    public static (IReadOnlyList<GradedPart> Parts, HoldoutMetrics Metrics, HoldoutMetrics Baseline, LeakageFlag Leakage) Grade(
        ModelingData data, IReadOnlyList<double> scores, IReadOnlyList<double> baseline, double? reportedValidationAuc, string? plan, Framework? planFramework,
        ErrorAnalysisAnswer? errorAnalysis = null, SliceReport? slices = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var m = Evaluate(data, scores);
        var b = Evaluate(data, baseline);
        var leakage = CheckLeakage(data, scores, m.RocAuc, reportedValidationAuc);
        var parts = new List<GradedPart>
        {
            Ranking(m, b),
            Capacity(data.Scenario, m, b),
            Calibration(m, b),
            Leakage(data.Scenario, leakage),
        };
        if (planFramework is not null)
        {
            parts.Add(Plan(plan, planFramework));
        }
        parts.Add(ErrorAnalysisGrader.Grade(data, errorAnalysis, slices));
        return (parts, m, b, leakage);
    }

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static GradedPart Ranking(HoldoutMetrics m, HoldoutMetrics b)
    {
        var text = $"ROC-AUC {F(m.RocAuc)} vs baseline {F(b.RocAuc)} (lift {Math.Round(m.RocAuc - b.RocAuc, 3):+0.000;-0.000;0.000}); PR-AUC {F(m.PrAuc)} vs {F(b.PrAuc)}.";
        var points = m.RocAuc >= b.RocAuc - 0.03 ? 1 : m.RocAuc >= b.RocAuc - 0.08 ? 0.5 : 0;
        return new GradedPart("Ranking on the holdout", points, 1, points == 1 ? $"At least as good as the logistic baseline. {text}" : $"Below the logistic baseline on the later window. {text}");
    }

    private static GradedPart Capacity(ModelingScenario s, HoldoutMetrics m, HoldoutMetrics b)
    {
        var text = $"Flagging the top {Fmt.Pct(s.ReviewCapacityShare)} the team can handle: precision {F(m.PrecisionAtCapacity)}, recall {F(m.RecallAtCapacity)} (baseline recall {F(b.RecallAtCapacity)}). Recall at precision ≥ {Fmt.Pct(s.MinPrecision)}: {F(m.RecallAtMinPrecision)} (baseline {F(b.RecallAtMinPrecision)}).";
        var points = m.RecallAtCapacity >= b.RecallAtCapacity - 0.05 ? 1 : m.RecallAtCapacity >= b.RecallAtCapacity * 0.75 ? 0.5 : 0;
        return new GradedPart("Recall at the team's capacity", points, 1, text);
    }

    private static GradedPart Calibration(HoldoutMetrics m, HoldoutMetrics b)
    {
        var text = $"ECE {F(m.Ece)} (baseline {F(b.Ece)}), Brier {F(m.Brier)} (baseline {F(b.Brier)}).";
        var points = m.Ece <= Math.Max(0.03, b.Ece + 0.015) ? 1 : m.Ece <= 0.08 ? 0.5 : 0;
        return new GradedPart("Calibration", points, 1, points == 1 ? $"Probabilities match observed rates. {text}" : $"The probabilities are off from the observed rates; recalibrate on recent data (Platt or isotonic). {text}");
    }

    private static GradedPart Leakage(ModelingScenario s, LeakageFlag flag) => flag.Raised
        ? new GradedPart("Leakage", 0, 1, $"{string.Join(" ", flag.Reasons)} Point-in-time correctness: every feature must be computable from what is known at the snapshot, as it will be when the model scores. `{s.LeakyColumn}`: {s.LeakWhy}")
        : new GradedPart("Leakage", 1, 1, $"No sign of leakage (ρ with `{s.LeakyColumn}` = {flag.LeakCorrelation:0.00}).");

    private static GradedPart Plan(string? plan, Framework framework)
    {
        if (string.IsNullOrWhiteSpace(plan))
        {
            return new GradedPart("Deployment and monitoring plan", 0, 1, $"Missing. Cover: {string.Join(", ", framework.Steps.Select(st => st.Name))}.");
        }
        var report = AnswerCoach.Review(plan, framework);
        var missing = report.Steps.Where(st => !st.Covered).Select(st => st.StepName).ToList();
        var points = Math.Round(report.Score * 20) / 20;
        return new GradedPart("Deployment and monitoring plan", points, 1,
            $"Coach score {Fmt.Pct(report.Score)}; {report.Steps.Count(st => st.Covered)} of {report.Steps.Count} steps covered{(missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "")}; {report.Words} words.");
    }
}

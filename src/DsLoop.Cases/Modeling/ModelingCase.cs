using System.Globalization;
using System.Text;
using DsLoop.Content;
using DsLoop.Stats.Classification;

namespace DsLoop.Cases.Modeling;

/// <summary>Case B: a modeling take-home. Holdout labels are regenerated from the seed on the server and never sent.</summary>
public sealed class ModelingCase
{
    /// <summary>The id of the answer-coach framework for the plan.</summary>
    public const string PlanFrameworkId = "deployment-monitoring-plan";

    private readonly Lazy<ModelingData> _data;
    private readonly Lazy<IReadOnlyList<double>> _baseline;

    /// <summary>The case of an id.</summary>
    public ModelingCase(CaseId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        Scenario = ModelingScenario.For(ModelingScenario.KindFor(id.Seed));
        _data = new(() => ModelingData.Generate(id.Seed, id.Scale));
        _baseline = new(() => ModelingGrader.Baseline(Data));
    }

    /// <summary>The case id.</summary>
    public CaseId Id { get; }

    /// <summary>The scenario (public: it is the brief).</summary>
    public ModelingScenario Scenario { get; }

    /// <summary>The data, labels included (server side only).</summary>
    internal ModelingData Data => _data.Value;

    /// <summary>The brief in Markdown.</summary>
    public string Brief()
    {
        var s = Scenario;
        var (train, holdout) = (Data.Train.Count, Data.Holdout.Count);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Modeling case {Id}: {s.Title}");
        sb.AppendLine();
        sb.AppendLine(s.Story);
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"* `train.csv`: {train:N0} rows snapshotted on {ModelingData.TrainSnapshot}, with the label `{Data.LabelColumn}`.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"* `holdout_features.csv`: {holdout:N0} rows snapshotted on {ModelingData.HoldoutSnapshot}, a later window; its labels stay on the server.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"* The team can act on {Fmt.Pct(s.ReviewCapacityShare)} of scored rows, and acting only pays off at a precision of at least {Fmt.Pct(s.MinPrecision)}.");
        sb.AppendLine();
        sb.AppendLine("Columns:");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"* `{s.Segment.Column}`: {s.Segment.Description} ({string.Join(", ", s.Segment.Values.Select(v => $"`{v}`"))}), set when the account was created.");
        foreach (var f in s.Features)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"* `{f.Name}`: {f.Description}.");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"* `{s.LeakyColumn}`: {s.LeakyDescription}.");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"The platform's baseline is an L2-penalised logistic regression (λ = 1 on standardised features, scikit-learn's `C=1`) on log(1 + x) of {string.Join(", ", s.Features.Select(f => $"`{f.Name}`"))}.");
        sb.AppendLine();
        sb.AppendLine("Model with any tool. Upload `predictions.csv` with the header `id,probability` and one row per holdout id (probabilities in [0, 1]).");
        sb.AppendLine("Optionally report your own validation ROC-AUC, and write a deployment and monitoring plan: how the model is served, what you monitor (inputs, scores, outcomes), when you retrain, and how you roll back.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"For the error analysis (optional, scored), validate the baseline on train yourself and name the `{s.Segment.Column}` value where it is worst, and the kind of error it makes there: over-predicts, under-predicts or ranks poorly.");
        sb.AppendLine();
        sb.AppendLine("Graded on the holdout: ROC-AUC and PR-AUC against the platform's logistic baseline, recall at the team's capacity, calibration (ECE, Brier, reliability), signs of leakage, and your error analysis. After grading you see your predictions sliced by segment and activity, and your worst false positives and negatives.");
        return sb.ToString();
    }

    /// <summary>The candidate's files.</summary>
    public IReadOnlyList<CaseFile> Files() =>
    [
        new("train.csv", "text/csv", Data.TrainCsv()),
        new("holdout_features.csv", "text/csv", Data.HoldoutCsv()),
    ];

    /// <summary>Validates an upload; throws <see cref="CaseAnswerException"/> naming the lines when it is invalid.</summary>
    public IReadOnlyList<double> ReadPredictions(byte[] upload)
    {
        var byId = PredictionUpload.Parse(upload, Data.Holdout.Select(r => r.Id).ToHashSet());
        return [.. Data.Holdout.Select(r => byId[r.Id])];
    }

    /// <summary>Grades an upload with the optional validation AUC, plan and error analysis.</summary>
    public CaseResult Grade(byte[] upload, double? reportedValidationAuc, string? plan, Framework? planFramework, ErrorAnalysisAnswer? errorAnalysis = null)
    {
        if (reportedValidationAuc is { } v && (double.IsNaN(v) || v is < 0 or > 1))
        {
            throw new CaseAnswerException("The validation ROC-AUC must be between 0 and 1.");
        }
        ErrorAnalysisGrader.Read(Scenario, errorAnalysis);
        var scores = ReadPredictions(upload);
        var slices = ModelingSlices.Build(Data, scores, _baseline.Value);
        var (parts, m, b, leak) = ModelingGrader.Grade(Data, scores, _baseline.Value, reportedValidationAuc, plan, planFramework, errorAnalysis, slices);
        var labels = Data.Holdout.Select(r => r.Label).ToList();
        var bins = ClassifierMetrics.Calibration(labels, scores).Where(x => x.Count > 0)
            .Select(x => new ReliabilityPoint(x.MeanScore, x.FractionPositive, x.Count)).ToList();
        var metrics = new Dictionary<string, double>
        {
            ["rocAuc"] = m.RocAuc,
            ["prAuc"] = m.PrAuc,
            ["brier"] = m.Brier,
            ["ece"] = m.Ece,
            ["precisionAtCapacity"] = m.PrecisionAtCapacity,
            ["recallAtCapacity"] = m.RecallAtCapacity,
            ["recallAtMinPrecision"] = m.RecallAtMinPrecision,
            ["baselineRocAuc"] = b.RocAuc,
            ["baselinePrAuc"] = b.PrAuc,
            ["baselineRecallAtCapacity"] = b.RecallAtCapacity,
            ["leakCorrelation"] = leak.LeakCorrelation,
        };
        var reference = new List<string>
        {
            $"Holdout: {labels.Count:N0} rows, {labels.Sum():N0} positives ({Fmt.Pct(labels.Average(), 1)}).",
            $"Baseline (L2 logistic regression on log(1 + x) of the safe columns): ROC-AUC {b.RocAuc:0.000}, PR-AUC {b.PrAuc:0.000}, Brier {b.Brier:0.000}, ECE {b.Ece:0.000}, recall at capacity {b.RecallAtCapacity:0.000}.",
            $"Yours: ROC-AUC {m.RocAuc:0.000}, PR-AUC {m.PrAuc:0.000}, Brier {m.Brier:0.000}, ECE {m.Ece:0.000}, precision/recall at capacity {m.PrecisionAtCapacity:0.000}/{m.RecallAtCapacity:0.000}.",
            $"Reliability (mean score → observed rate, rows): {string.Join("; ", bins.Select(x => $"{x.MeanScore:0.000} → {x.ObservedRate:0.000} ({x.Count})"))}.",
        };
        var explanation = $"The planted leak is `{Scenario.LeakyColumn}`: {Scenario.LeakWhy} A model that uses it looks excellent in a random split of train and collapses on the later holdout. The other columns are point-in-time. {Data.Weakness.Describe(Scenario)}";
        return new CaseResult(Id.ToString(), parts, reference, explanation, metrics, bins, slices);
    }
}

using DsLoop.Core;
using DsLoop.Core.Scorecard;

namespace DsLoop.Content.Signals;

/// <summary>
/// The catalogue of signal detectors, drawn from the Senior Data Scientist blueprint's strong and weak signals,
/// red flags and anti-patterns and from the interview guide's common mistakes (docs/SCORECARD.md lists them).
/// Every rule is a fixed list of phrases, so the same answer always gives the same findings.
/// </summary>
public static class SignalDetectors
{
    private static readonly string[] Negations =
        ["never", "wouldn't", "would not", "won't", "will not", "don't", "do not", "didn't", "did not", "avoid", "instead of", "rather than", "mistake", "shouldn't", "should not"];

    // Phrases that say the candidate is designing or running a test, not just mentioning one.
    private static readonly string[] TestDesign =
        ["run an a/b", "run a/b", "run a test", "run the test", "run an experiment", "run the experiment", "launch an experiment", "design the test", "design the experiment",
         "design an experiment", "set up an a/b", "set up the experiment", "set up an experiment", "i'd randomi", "i would randomi", "we randomi", "randomize at", "randomise at",
         "randomize by", "randomise by", "split traffic", "split the traffic", "split users", "ran an a/b", "ran a test", "ran an experiment", "ran the experiment", "ran the test"];

    private static readonly string[] ImbalanceWords =
        ["imbalanc", "rare", "fraud", "abus", "spam", "1%", "0.1%", "0.5%", "one percent", "positive rate", "minority class", "few positives", "skewed"];

    private static readonly string[] ImbalanceAwareMetrics =
        ["precision", "recall", "pr-auc", "pr auc", "pr curve", "average precision", "f1", "cost of", "costs", "false positive", "false negative", "calibrat", "capacity"];

    private static readonly Round[] Modeling = [Round.ModelingMlDesign];

    /// <summary>Every detector, strong signals first, then weak signals, then red flags.</summary>
    public static IReadOnlyList<SignalDetector> All { get; } =
    [
        // Strong signals.
        new("baseline-first", SignalKind.Strong, Dimension.ModelingEvaluation,
            "Starts from a simple baseline and measures the model against it.",
            Rule(["baseline", "start simple", "started simple", "start with a simple", "started with a simple", "simple heuristic", "beat the current", "against the current"],
                unless: ["no baseline", "without a baseline", "skip the baseline", "skipped the baseline", "need a baseline"]),
            [], []),
        new("names-guardrail", SignalKind.Strong, Dimension.ProblemFraming,
            "Names a guardrail metric that must not get worse.",
            Rule(["guardrail", "counter-metric", "counter metric", "do-no-harm", "do no harm metric"],
                unless: ["no guardrail", "without a guardrail", "without guardrails", "skip the guardrail", "skipped the guardrail", "ignored the guardrail"]),
            [], []),
        new("checks-srm", SignalKind.Strong, Dimension.StatisticsExperimentation,
            "Checks the split itself (sample ratio mismatch, A/A test) before trusting a result.",
            Rule(["sample ratio", "srm", "a/a test"], unless: ["didn't check", "did not check", "never check", "skipped", "ignored"]),
            [], []),
        new("monitoring-and-rollback", SignalKind.Strong, Dimension.ProductionMindset,
            "Plans how the shipped work is watched and undone: monitoring, drift, alerts, rollback.",
            Rule(["monitor", "drift", "rollback", "roll back", "runbook", "alert", "fallback"],
                unless: ["no monitoring", "without monitoring", "didn't monitor", "did not monitor", "never monitor", "no need to monitor", "no alert", "no rollback"]),
            [], []),
        new("states-uncertainty", SignalKind.Strong, Dimension.Communication,
            "Says how sure the conclusion is: an interval, a stated assumption, a limitation.",
            Rule(["confidence interval", "credible interval", "uncertain", "margin of error", "error bar", "caveat", "limitation", "i assume", "assuming", "my assumption"],
                unless: ["no uncertainty", "without caveat", "no caveat", "no limitation"]),
            [], []),
        new("credible-attribution", SignalKind.Strong, Dimension.ProblemFraming,
            "Backs an impact claim with a design that isolates it: a holdout, an experiment or a counterfactual.",
            Rule(["holdout", "controlled experiment", "a/b test showed", "the test showed", "difference-in-differences", "difference in differences", "diff-in-diff", "synthetic control", "incremental", "counterfactual"],
                unless: ["no holdout", "without a holdout", "didn't have a holdout", "no control"]),
            [], []),
        new("raises-standards", SignalKind.Strong, Dimension.SeniorLeadership,
            "Improves how others work: mentoring, reviews, templates, shared standards.",
            Rule(["mentor", "coached", "paired with", "taught", "checklist", "template", "playbook", "brown bag", "code review", "peer review", "design review", "raised the bar", "standard"],
                unless: ["standard deviation", "standard error", "no time to mentor", "didn't mentor"]),
            [], []),
        new("falsifiable", SignalKind.Strong, Dimension.ProblemFraming,
            "Says up front what result would change the decision.",
            Rule(["change my mind", "would convince me", "prove me wrong", "decision rule", "pre-register", "preregister", "ship only if", "launch only if", "kill criteri", "stopping rule", "if the data showed"]),
            [], []),
        new("validates-data", SignalKind.Strong, Dimension.DataFluency,
            "Checks the data before trusting it: counts, duplicates, nulls, reconciliation, contracts.",
            Rule(["sanity check", "sanity-check", "reconcil", "row count", "duplicate", "dedup", "de-dup", "null", "data contract", "validated the", "validate the", "cross-check", "cross check", "spot check", "spot-check"],
                unless: ["null hypothesis", "didn't check", "no need to check", "skipped"]),
            [Round.SqlScreen], [Dimension.DataFluency]),

        // Weak signals.
        new("roc-auc-only-on-imbalanced", SignalKind.Weak, Dimension.ModelingEvaluation,
            "Reports ROC-AUC alone on a rare-event problem, with no precision, recall or cost view.",
            Rule(["roc", "auc", "area under the curve"], alsoNeeds: ImbalanceWords, absent: [.. ImbalanceAwareMetrics, "ndcg", "top-k", "top k", "mrr"]),
            Modeling, [Dimension.ModelingEvaluation, Dimension.ProductionMindset]),
        new("accuracy-on-imbalanced", SignalKind.Weak, Dimension.ModelingEvaluation,
            "Judges a rare-event model by accuracy.",
            Rule(["accuracy", "accurate"], unless: ["not accuracy", "accuracy is misleading", "accuracy would mislead", "accuracy misleads", "accuracy is useless", "accuracy would be useless", "ignore accuracy", .. Negations],
                alsoNeeds: ImbalanceWords, absent: ImbalanceAwareMetrics),
            Modeling, [Dimension.ModelingEvaluation, Dimension.ProductionMindset]),
        new("no-guardrail", SignalKind.Weak, Dimension.StatisticsExperimentation,
            "Designs or reads a test without naming a guardrail metric.",
            Rule(TestDesign, absent: ["guardrail", "counter-metric", "counter metric", "countermetric", "do no harm", "do-no-harm", "harm", "must not drop", "must not degrade", "should not drop", "latency", "unsubscribe", "complaint", "error rate", "crash", "churn", "refund", "trade-off", "tradeoff", "trade off"]),
            [Round.StatisticsExperimentation, Round.ProductCase], [Dimension.StatisticsExperimentation]),
        new("no-power-or-duration", SignalKind.Weak, Dimension.StatisticsExperimentation,
            "Plans a test without sizing it: no power, sample size, effect size or run length.",
            Rule(TestDesign, absent: ["power", "sample", "sample size", "minimum detectable", "mde", "detectable effect", "how long", "duration", "run for", "run it for", "weeks", "days", "traffic"]),
            [Round.StatisticsExperimentation], [Dimension.StatisticsExperimentation]),
        new("no-baseline", SignalKind.Weak, Dimension.ModelingEvaluation,
            "Proposes a model without a baseline to beat.",
            Rule(["build a model", "build the model", "built a model", "train a model", "trained a model", "train the model", "build a classifier", "train a classifier",
                "i'd train", "i would train", "fit a model", "use xgboost", "use a neural", "use a random forest", "use gradient boost", "use deep learning"],
                absent: ["baseline", "heuristic", "rule-based", "rules-based", "rule based", "simple rule", "simple model", "simplest", "start simple", "logistic regression", "current system", "current rules", "status quo", "benchmark", "compared to", "compared with", "versus", "naive"]),
            Modeling, [Dimension.ModelingEvaluation]),
        new("no-monitoring-plan", SignalKind.Weak, Dimension.ProductionMindset,
            "Ships a model or pipeline with no plan to watch it or roll it back.",
            Rule(["deploy", "in production", "to production", "into production", "go live", "put it live", "roll out the model", "ship the model", "shipped the model", "launch the model"],
                alsoNeeds: ["model", "classifier", "pipeline", "scor"],
                absent: ["audit", "switch off", "turn off", "kill switch", "monitor", "alert", "drift", "dashboard", "rollback", "roll back", "retrain", "runbook", "on-call", "on call", "observab", "fallback", "page the", "paged"]),
            Modeling, [Dimension.ProductionMindset, Dimension.ModelingEvaluation]),
        new("no-number-in-impact", SignalKind.Weak, Dimension.Communication,
            "Claims an impact without a number.",
            Rule(["improved", "increased", "reduced", "decreased", "saved", "grew", "lifted", "boosted", "cut the", "cut our", "as a result", "which led to", "the impact was",
                "our impact", "my impact", "the outcome was", "drove"], noNumber: true),
            [Round.Behavioral, Round.HiringManager], []),
        new("random-split-on-time-data", SignalKind.Weak, Dimension.ModelingEvaluation,
            "Splits training data at random with no thought for time order or leakage.",
            Rule(["random split", "randomly split", "split randomly", "split it randomly", "shuffle", "random train", "random 80", "random 70"],
                unless: Negations,
                absent: ["time-based", "time based", "temporal", "out-of-time", "out of time", "point-in-time", "point in time", "by date", "chronolog", "leak", "forward-chaining", "backtest"]),
            Modeling, [Dimension.ModelingEvaluation]),
        new("overclaims-certainty", SignalKind.Weak, Dimension.Communication,
            "Overclaims: speaks of proof or certainty where the evidence allows neither.",
            Rule(["proves that", "proved that", "proof that", "guaranteed", "guarantees that", "i guarantee", "we guarantee", "definitely caused", "definitely will", "certainly caused", "100% sure", "100% certain", "no doubt", "without a doubt", "always works", "can't be wrong", "cannot be wrong"],
                unless: ["not prove", "doesn't prove", "does not prove", "can't prove", "cannot prove", "didn't prove", "no guarantee", "never say", "avoid saying", "rather than", "instead of", "wouldn't claim", "would not claim"]),
            [], []),

        // Red flags.
        new("stopped-when-significant", SignalKind.RedFlag, Dimension.StatisticsExperimentation,
            "Stopped or called a test the moment it looked significant (peeking).",
            Rule(["stopped the test when", "stopped the test once", "stopped the test as soon", "stopped it once", "stopped it when", "stopped it as soon",
                "ended the test when", "ended the test once", "ended the test as soon", "called the test when", "called the test once", "called it once", "called it as soon",
                "until it was significant", "until it became significant", "until it turned significant", "until it hit significance", "until significan",
                "once it hit significance", "once it reached significance", "once it was significant", "once it turned significant", "when it turned significant",
                "as soon as it was significant", "as soon as it turned significant", "as soon as it became significant", "as soon as p", "once p dipped", "once p dropped",
                "once the p-value dropped", "kept peeking", "peeked"],
                unless: ["not stop", "not end", "not call", "no peeking", "sequential", "pre-register", "preregister", "always-valid", "always valid", .. Negations]),
            [], []),
        new("metric-shopping", SignalKind.RedFlag, Dimension.StatisticsExperimentation,
            "Chose or changed the success metric after seeing the results.",
            Rule(["found a metric that", "looked for a metric that", "whichever metric", "switched the primary metric", "changed the primary metric after", "changed the success metric after",
                "chose the metric after", "picked the metric after", "kept slicing until", "sliced the data until", "until something was significant", "until we found a segment", "found a segment where it"],
                unless: ["pre-register", "preregister", "decided up front", "agreed up front", "before launch", "before the test", "never", "wouldn't", "would not", "avoid",
                    "instead of", "rather than", "didn't go", "did not go", "don't go", "mistake"]),
            [], []),
        new("complex-model-credit", SignalKind.RedFlag, Dimension.ModelingEvaluation,
            "Credits a complex model for a win with no measurement against a baseline or control.",
            Rule(["deep learning", "neural net", "transformer", "complex model", "fancier model", "state-of-the-art", "state of the art", "xgboost", "gradient boost", "ensemble"],
                together: ["success", "worked", "won", "improved", "better", "the key was", "the reason", "thanks to", "because of the", "lifted", "boosted", "drove", "delivered"],
                absent: ["baseline", "a/b", "experiment", "holdout", "control group", "compared", "versus", "lift", "incremental", "backtest", "offline and online"]),
            [], []),
        new("blames-others", SignalKind.RedFlag, Dimension.Communication,
            "Puts the blame on stakeholders or other teams without offering a way forward.",
            Rule(["their fault", "his fault", "her fault", "fault of the", "blame the", "blamed the", "blamed them", "to blame", "dropped the ball", "incompetent", "they messed up", "they screwed up", "messed everything up", "threw them under", "throw them under"],
                unless: ["not to blame", "no one to blame", "nobody to blame", "without blaming", "instead of blaming", "rather than blaming", "didn't blame", "did not blame", "not their fault", "wasn't their fault", "was my fault", "never blame"]),
            [], []),
        new("not-my-problem", SignalKind.RedFlag, Dimension.ProductionMindset,
            "Waves privacy, fairness, governance or operations away as someone else's problem.",
            Rule(["not my problem", "not my job", "not my responsibility", "someone else's problem", "somebody else's problem", "legal's problem", "legal's job", "for legal to worry",
                "above my pay grade", "not our problem", "compliance's problem", "the privacy team's job"],
                unless: ["not just", "isn't only", "never say", "wouldn't say", "rather than", "instead of", "treating", "treat it as", "dismiss", "red flag"]),
            [], []),
    ];

    /// <summary>Finds a detector by id.</summary>
    public static SignalDetector? Find(string id) => All.FirstOrDefault(d => d.Id == id);

    /// <summary>
    /// Runs every detector that applies to an item on an answer to it. A reverse question (<see cref="ReverseQuestions.Is"/>)
    /// fires nothing: there the candidate asks the interviewer a question, so its text is not an answer to judge.
    /// </summary>
    public static IReadOnlyList<SignalFinding> Detect(string answer, QuestionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ReverseQuestions.Is(item) ? [] : Detect(answer, item.Rounds, item.Dimensions);
    }

    /// <summary>
    /// Runs every detector that applies to these rounds and dimensions (all of them when both are null) on an answer,
    /// in catalogue order.
    /// </summary>
    public static IReadOnlyList<SignalFinding> Detect(string answer, IReadOnlyCollection<Round>? rounds = null, IReadOnlyCollection<Dimension>? dimensions = null) =>
        [.. All.Where(d => d.AppliesTo(rounds, dimensions)).Select(d => d.Match(answer)).OfType<SignalFinding>()];

    private static SignalRule Rule(string[] triggers, string[]? together = null, string[]? unless = null, string[]? alsoNeeds = null, string[]? absent = null, bool noNumber = false) =>
        new(triggers, together ?? [], unless ?? [], alsoNeeds ?? [], absent ?? [], noNumber);
}

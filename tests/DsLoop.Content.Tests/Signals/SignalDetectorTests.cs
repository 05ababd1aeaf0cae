using DsLoop.Content.Signals;
using DsLoop.Core;
using DsLoop.Core.Scorecard;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Content.Tests.Signals;

public sealed class SignalDetectorTests
{
    private static SignalDetector Detector(string id) => SignalDetectors.Find(id) ?? throw new InvalidOperationException($"no detector '{id}'");

    [Theory]
    // Strong signals.
    [InlineData("baseline-first", "I'd start with a rules baseline and only keep the model if it beats it on recall.")]
    [InlineData("names-guardrail", "The primary metric is orders per visitor, with latency as a guardrail.")]
    [InlineData("checks-srm", "Before reading the lift I'd check for a sample ratio mismatch.")]
    [InlineData("monitoring-and-rollback", "After launch I'd monitor drift weekly and keep a rollback to the old rules.")]
    [InlineData("states-uncertainty", "The lift is 2%, with a 95% confidence interval from 0.5% to 3.5%.")]
    [InlineData("credible-attribution", "A two-week holdout showed the campaign added 1.2% to renewals.")]
    [InlineData("raises-standards", "I wrote a review checklist for readouts and mentored two analysts through it.")]
    [InlineData("falsifiable", "Before launch we agreed a decision rule: ship only if checkout conversion rises.")]
    [InlineData("validates-data", "First I'd sanity check row counts against the source system.")]
    // Weak signals.
    [InlineData("roc-auc-only-on-imbalanced", "Fraud is about 0.2% of orders. The model reached a ROC-AUC of 0.94, so it is ready.")]
    [InlineData("accuracy-on-imbalanced", "Only a small share of accounts are abusive. The classifier is 99% accurate on the test set.")]
    [InlineData("no-guardrail", "I'd run an A/B test on the new onboarding and measure activation after seven days with enough power.")]
    [InlineData("no-power-or-duration", "I would randomize at the user level and compare retention between the arms.")]
    [InlineData("no-baseline", "I'd train a model with gradient boosting on last year's events and tune it until validation recall is high.")]
    [InlineData("no-monitoring-plan", "Once the churn model scores well offline, I'd deploy it as a nightly batch job.")]
    [InlineData("no-number-in-impact", "I rebuilt the pipeline and it improved the team's reporting a lot.")]
    [InlineData("random-split-on-time-data", "I'd do a random split of the churn events into train and test.")]
    [InlineData("overclaims-certainty", "The test proved that the new banner caused the sales increase.")]
    // Red flags.
    [InlineData("stopped-when-significant", "We checked the dashboard every morning and stopped the test as soon as it turned significant.")]
    [InlineData("metric-shopping", "Revenue did not move, so we kept slicing until something was significant in one segment.")]
    [InlineData("complex-model-credit", "The project was a success thanks to the deep learning model we brought in.")]
    [InlineData("blames-others", "The launch slipped because the data engineers dropped the ball again.")]
    [InlineData("not-my-problem", "Whether the features are fair is not my problem; that sits with legal.")]
    public void Detector_fires_on_an_answer_that_shows_it(string id, string answer)
    {
        var finding = Detector(id).Match(answer);
        Assert.NotNull(finding);
        Assert.Contains(finding.Evidence, answer, StringComparison.Ordinal);
    }

    [Theory]
    // Strong signals: absent, or negated in the same sentence.
    [InlineData("baseline-first", "We went straight to a neural network without a baseline.")]
    [InlineData("names-guardrail", "We launched without guardrails because the team was in a hurry.")]
    [InlineData("checks-srm", "I read the lift straight from the dashboard.")]
    [InlineData("monitoring-and-rollback", "We shipped it with no monitoring at all.")]
    [InlineData("states-uncertainty", "The lift is 2% and that is the answer.")]
    [InlineData("credible-attribution", "Revenue went up after the campaign, so the campaign worked.")]
    [InlineData("raises-standards", "I compared the standard deviation of both arms.")]
    [InlineData("falsifiable", "I knew the feature was good, so I pushed it.")]
    [InlineData("validates-data", "The null hypothesis is that the arms convert equally.")]
    // Weak signals: the missing piece is present, or the condition does not hold.
    [InlineData("roc-auc-only-on-imbalanced", "Fraud is about 0.2% of orders. ROC-AUC is 0.94, but I'd choose the threshold by precision at our review capacity.")]
    [InlineData("roc-auc-only-on-imbalanced", "The classes are balanced, and ROC-AUC reached 0.88.")]
    [InlineData("accuracy-on-imbalanced", "Fraud is rare, so accuracy is misleading; I'd report recall at a fixed precision.")]
    [InlineData("no-guardrail", "I'd run an A/B test on onboarding, with support tickets per user as a guardrail.")]
    [InlineData("no-power-or-duration", "I would randomize at the user level; with a 2% minimum detectable effect we need about 40,000 users per arm, so two weeks.")]
    [InlineData("no-baseline", "I'd train a model with gradient boosting and compare it with the current rules as a baseline.")]
    [InlineData("no-monitoring-plan", "I'd deploy the churn model nightly and alert when the score distribution drifts.")]
    [InlineData("no-number-in-impact", "I rebuilt the pipeline and it cut the report's runtime from 6 hours to 40 minutes.")]
    [InlineData("random-split-on-time-data", "I'd avoid a random split and use a time-based split so nothing leaks from the future.")]
    [InlineData("overclaims-certainty", "The test does not prove that the banner caused the whole increase.")]
    // Red flags: negated or described as something to avoid.
    [InlineData("stopped-when-significant", "I would not stop the test as soon as it turned significant; we fixed the duration up front.")]
    [InlineData("stopped-when-significant", "We used a sequential test, so we could stop once it was significant without inflating errors.")]
    [InlineData("metric-shopping", "We agreed the primary metric before the test and did not go looking for a segment where it worked.")]
    [InlineData("complex-model-credit", "The deep learning model beat the logistic regression baseline by 3 points in an A/B test.")]
    [InlineData("complex-model-credit", "My manager wanted a deep learning stack, and I doubted it.")]
    [InlineData("blames-others", "It wasn't their fault; the spec I wrote was ambiguous, so I fixed the process.")]
    [InlineData("blames-others", "We ran a blameless postmortem and added a schema test.")]
    [InlineData("not-my-problem", "Privacy is not just legal's problem; I minimise fields from the start.")]
    public void Detector_stays_quiet_on_an_answer_that_does_not_show_it(string id, string answer) =>
        Assert.Null(Detector(id).Match(answer));

    [Fact]
    public void Catalogue_has_at_least_twelve_detectors_with_unique_ids_and_every_kind()
    {
        var all = SignalDetectors.All;
        Assert.True(all.Count >= 12, $"only {all.Count} detectors");
        Assert.Equal(all.Count, all.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Enum.GetValues<SignalKind>(), kind => Assert.Contains(all, d => d.Kind == kind));
        Assert.All(all, d => Assert.NotEmpty(d.Rule.Triggers));
        Assert.All(all, d => Assert.All(d.Rule.Triggers.Concat(d.Rule.Unless).Concat(d.Rule.Absent).Concat(d.Rule.AlsoNeeds).Concat(d.Rule.Together),
            p => Assert.Equal(p.ToLowerInvariant(), p)));
    }

    [Fact]
    public void Every_detector_is_exercised_by_the_behaviour_tests()
    {
        var tested = typeof(SignalDetectorTests).GetMethod(nameof(Detector_fires_on_an_answer_that_shows_it))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]).ToHashSet();
        Assert.All(SignalDetectors.All, d => Assert.Contains(d.Id, tested));
    }

    [Fact]
    public void Phrases_match_at_word_starts_only()
    {
        // "srm" must not fire inside "firmware"; "randomi" runs on into "randomise".
        Assert.Null(Detector("checks-srm").Match("We updated the firmware."));
        Assert.NotNull(Detector("no-power-or-duration").Match("I'd randomise at the account level."));
    }

    [Fact]
    public void Applicability_follows_item_rounds_or_dimensions()
    {
        var noBaseline = Detector("no-baseline");
        Assert.True(noBaseline.AppliesTo([Round.ModelingMlDesign], []));
        Assert.True(noBaseline.AppliesTo([Round.Behavioral], [Dimension.ModelingEvaluation]));
        Assert.False(noBaseline.AppliesTo([Round.Behavioral], [Dimension.Communication]));
        Assert.True(noBaseline.AppliesTo(null, null));
        Assert.True(Detector("blames-others").AppliesTo([Round.SqlScreen], [Dimension.DataFluency]));

        const string answer = "I'd train a model with gradient boosting on last year's events.";
        Assert.Contains(SignalDetectors.Detect(answer, [Round.ModelingMlDesign], [Dimension.ModelingEvaluation]), f => f.Detector.Id == "no-baseline");
        Assert.DoesNotContain(SignalDetectors.Detect(answer, [Round.Behavioral], [Dimension.Communication]), f => f.Detector.Id == "no-baseline");
    }

    [Fact]
    public void Finding_carries_the_first_triggering_sentence_and_converts_to_a_scorecard_signal()
    {
        const string answer = "We launched on Monday. Then the engineers dropped the ball on logging. Later they dropped the ball again.";
        var finding = Detector("blames-others").Match(answer)!;
        Assert.Equal("Then the engineers dropped the ball on logging.", finding.Evidence);
        var signal = finding.ToScorecardSignal("item-1");
        Assert.Equal(("blames-others", SignalKind.RedFlag, Dimension.Communication, "item-1"), (signal.DetectorId, signal.Kind, signal.Dimension, signal.ItemId));
        Assert.Equal(finding.Evidence, signal.Evidence);
    }

    [Fact]
    public void Detection_is_deterministic()
    {
        const string answer = "I'd run an A/B test and stop the test once it was significant. I'd deploy the model to production.";
        var first = SignalDetectors.Detect(answer).Select(f => (f.Detector.Id, f.Evidence)).ToList();
        var second = SignalDetectors.Detect(answer).Select(f => (f.Detector.Id, f.Evidence)).ToList();
        Assert.Equal(first, second);
        Assert.NotEmpty(first);
    }

    [Fact]
    public void Shipped_model_answers_trip_no_red_flag_and_fewer_weak_signals_than_weak_answers()
    {
        var bank = ContentLoader.Load(RepoPaths.Content).Bank!;
        int Count(Func<QuestionItem, string> answer, SignalKind kind) =>
            bank.Items.Sum(i => SignalDetectors.Detect(answer(i), i).Count(f => f.Detector.Kind == kind));
        var modelRedFlags = bank.Items
            .SelectMany(i => SignalDetectors.Detect(i.ModelAnswer, i).Where(f => f.Detector.Kind == SignalKind.RedFlag).Select(f => $"{i.Id}: {f.Detector.Id}: {f.Evidence}"))
            .ToList();
        Assert.True(modelRedFlags.Count == 0, string.Join("\n", modelRedFlags));
        Assert.True(Count(i => i.ModelAnswer, SignalKind.Weak) < Count(i => i.WeakAnswer, SignalKind.Weak));
        Assert.True(Count(i => i.ModelAnswer, SignalKind.Strong) > Count(i => i.WeakAnswer, SignalKind.Strong));
    }

    [Fact]
    public void Scorecard_doc_lists_every_detector()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "SCORECARD.md"));
        Assert.All(SignalDetectors.All, d => Assert.Contains($"| `{d.Id}` |", doc, StringComparison.Ordinal));
    }
}

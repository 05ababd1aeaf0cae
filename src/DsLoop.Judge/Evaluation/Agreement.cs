using DsLoop.Content.Coaching;
using DsLoop.Stats;

namespace DsLoop.Judge.Evaluation;

/// <summary>How a scorer agrees with the labels on a set of answers.</summary>
/// <param name="Answers">Answers judged.</param>
/// <param name="Items">Items they answer.</param>
/// <param name="Precision">Of the steps credited, the share the labels say are covered.</param>
/// <param name="Recall">Of the steps the labels say are covered, the share credited.</param>
/// <param name="F1">Harmonic mean of the two.</param>
/// <param name="Spearman">Rank correlation of the scorer's score with the interviewer's 1–4 rating.</param>
/// <param name="StuffedAboveStrong">(Stuffed, strong) pairs of the same item and level where the stuffed answer scored higher.</param>
/// <param name="StuffedPairs">All such pairs.</param>
/// <param name="OffTopicCaught">Off-topic answers flagged as off-topic.</param>
/// <param name="OffTopic">Off-topic answers.</param>
/// <param name="WrongNumbersCaught">Wrong-number answers with a wrong number flagged.</param>
/// <param name="WrongNumbers">Wrong-number answers.</param>
/// <param name="FalseNumberAlarms">Answers of other kinds with a number flagged wrong.</param>
/// <param name="FalseOffTopic">Answers of other kinds flagged as off-topic.</param>
/// <param name="MistakePrecision">Of the content mistakes flagged (by a sentence, not a missing-step sign), the share labelled.</param>
/// <param name="MistakeRecall">Of the labelled mistakes, the share flagged.</param>
/// <param name="MistakeSeemsPrecision">Of the mistakes the report says the answer seems to make (by a sentence, or for an omission by the step or habit it lacks), the share labelled.</param>
/// <param name="MistakeSeemsRecall">Of the labelled mistakes, the share the report says the answer seems to make.</param>
/// <param name="FalseOffTopicHarm">
/// The false off-topic flags weighted by how good the answer was, (rating − 1) / 3 each: capping a strong answer does
/// harm, flagging an answer that earns nothing anyway does little.
/// </param>
public sealed record AgreementFigures(
    int Answers, int Items, double Precision, double Recall, double F1, double Spearman, int StuffedAboveStrong, int StuffedPairs,
    int OffTopicCaught, int OffTopic, int WrongNumbersCaught, int WrongNumbers, int FalseNumberAlarms, int FalseOffTopic,
    double MistakePrecision, double MistakeRecall, double FalseOffTopicHarm, double MistakeSeemsPrecision = 0, double MistakeSeemsRecall = 0);

/// <summary>Computes <see cref="AgreementFigures"/> for any scorer that produces a coach report.</summary>
public static class Agreement
{
    /// <summary>Judges every answer and compares with the labels.</summary>
    public static AgreementFigures Measure(IReadOnlyList<LabelledAnswer> answers, Func<LabelledAnswer, CoachReport> scorer)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(scorer);
        var reports = answers.Select(a => (Answer: a, Report: scorer(a))).ToList();
        int tp = 0, fp = 0, fn = 0, mtp = 0, mfp = 0, mfn = 0, stp = 0, sfp = 0, sfn = 0;
        foreach (var (answer, report) in reports)
        {
            var labelled = answer.Steps.ToHashSet(StringComparer.Ordinal);
            foreach (var step in report.Steps)
            {
                var truth = labelled.Contains(step.StepId);
                tp += step.Covered && truth ? 1 : 0;
                fp += step.Covered && !truth ? 1 : 0;
                fn += !step.Covered && truth ? 1 : 0;
            }
            for (var m = 0; m < report.Mistakes.Count; m++)
            {
                var flagged = report.Mistakes[m].Evidence.Any(e => e.StartsWith('"'));
                var truth = answer.Mistakes.Contains(m);
                mtp += flagged && truth ? 1 : 0;
                mfp += flagged && !truth ? 1 : 0;
                mfn += !flagged && truth ? 1 : 0;
                var seems = report.Mistakes[m].Seems;
                stp += seems && truth ? 1 : 0;
                sfp += seems && !truth ? 1 : 0;
                sfn += !seems && truth ? 1 : 0;
            }
        }
        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var spearman = Correlation.Spearman([.. reports.Select(r => Rating(r.Report))], [.. reports.Select(r => (double)r.Answer.Rating)]);

        var stuffedAbove = 0;
        var pairs = 0;
        foreach (var stuffed in reports.Where(r => r.Answer.Kind == AnswerKind.Stuffed))
        {
            foreach (var strong in reports.Where(r => r.Answer.Kind == AnswerKind.Strong && r.Answer.ItemId == stuffed.Answer.ItemId && r.Answer.Senior == stuffed.Answer.Senior))
            {
                pairs++;
                stuffedAbove += Rating(stuffed.Report) > Rating(strong.Report) ? 1 : 0;
            }
        }
        bool OffTopicFlag(CoachReport r) => r.Relevance?.OffTopic == true;
        bool NumberFlag(CoachReport r) => r.Numbers.Any(n => n.Wrong);
        return new AgreementFigures(
            reports.Count, reports.Select(r => r.Answer.ItemId).Distinct(StringComparer.Ordinal).Count(),
            precision, recall, f1, spearman, stuffedAbove, pairs,
            reports.Count(r => r.Answer.Kind == AnswerKind.OffTopic && OffTopicFlag(r.Report)), reports.Count(r => r.Answer.Kind == AnswerKind.OffTopic),
            reports.Count(r => r.Answer.Kind == AnswerKind.WrongNumber && NumberFlag(r.Report)), reports.Count(r => r.Answer.Kind == AnswerKind.WrongNumber),
            reports.Count(r => r.Answer.Kind != AnswerKind.WrongNumber && NumberFlag(r.Report)),
            reports.Count(r => r.Answer.Kind != AnswerKind.OffTopic && OffTopicFlag(r.Report)),
            Ratio(mtp, mtp + mfp), Ratio(mtp, mtp + mfn),
            reports.Where(r => r.Answer.Kind != AnswerKind.OffTopic && OffTopicFlag(r.Report)).Sum(r => (r.Answer.Rating - 1) / 3.0),
            Ratio(stp, stp + sfp), Ratio(stp, stp + sfn));
    }

    /// <summary>A report's 1–4 rating: the judge's own, or the cue coach's 0–1 score mapped linearly.</summary>
    public static double Rating(CoachReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.OnFourPointScale;
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Judge.Embedding;
using DsLoop.Judge.Judging;

namespace DsLoop.Judge.Evaluation;

/// <summary>One setting tried during calibration and the objective it reached.</summary>
/// <param name="Name">The setting.</param>
/// <param name="Value">Its value.</param>
/// <param name="Objective">The objective on the calibration half.</param>
public sealed record CalibrationStep(string Name, double Value, double Objective);

/// <summary>
/// Fits the judge's thresholds on the calibration half of the evaluation set by coordinate descent over a fixed grid
/// (each setting in turn, the others held, three passes). The objective rewards step F1 and rank agreement with the
/// interviewer's rating and charges every stuffed answer above a strong one, every missed off-topic answer and every
/// false alarm; the report half is never looked at.
/// </summary>
public static class Calibration
{
    private static readonly (string Name, double[] Grid, Func<JudgeSettings, double, JudgeSettings> Set)[] Knobs =
    [
        ("StepThreshold", Range(0.40, 0.66, 0.02), (s, v) => s with { StepThreshold = v }),
        ("CueBonus", [0, 0.03, 0.06, 0.09, 0.12], (s, v) => s with { CueBonus = v }),
        ("MinContentWords", [1, 2, 3, 4, 5], (s, v) => s with { MinContentWords = (int)v }),
        ("MaxStepsPerSentence", [1, 2, 3], (s, v) => s with { MaxStepsPerSentence = (int)v }),
        ("StepFocusMargin", [0, 0.02, 0.04, 0.06, 0.1, 0.15, double.PositiveInfinity], (s, v) => s with { StepFocusMargin = v }),
        ("RelevanceThreshold", Range(0.20, 0.56, 0.02), (s, v) => s with { RelevanceThreshold = v }),
        ("RelevanceMarginWeight", [0, 0.5, 1, 1.5, 2, 3, 4], (s, v) => s with { RelevanceMarginWeight = v }),
        ("RelevanceWordsWeight", [0, 0.5, 1, 1.5, 2, 3], (s, v) => s with { RelevanceWordsWeight = v }),
        ("OffTopicMaxStepShare", [0.25, 0.5, 0.75, 1], (s, v) => s with { OffTopicMaxStepShare = v }),
        ("StepShareRelief", [0, 0.1, 0.2, 0.3, 0.5, 1], (s, v) => s with { StepShareRelief = v }),
        ("MistakeThreshold", Range(0.45, 0.80, 0.025), (s, v) => s with { MistakeThreshold = v }),
        ("HabitThreshold", Range(0.40, 0.66, 0.02), (s, v) => s with { HabitThreshold = v }),
        ("StepWeight", [0.5, 0.6, 0.7, 0.8], (s, v) => s with { StepWeight = v, HabitWeight = Math.Round(0.9 - v, 2) }),
        ("MistakePenalty", [0, 0.25, 0.5, 0.75, 1], (s, v) => s with { MistakePenalty = v }),
        ("SeniorGap", [0, 0.25, 0.5, 0.75, 1], (s, v) => s with { SeniorGap = v }),
    ];

    /// <summary>The objective calibration maximises.</summary>
    public static double Objective(AgreementFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.F1 + f.Spearman
            - (0.05 * f.StuffedAboveStrong)
            - (0.05 * (f.OffTopic - f.OffTopicCaught))
            // A good answer wrongly capped as off-topic hurts a candidate more than a missed paste does; flagging an
            // answer that earns nothing anyway does little harm.
            - (0.05 * f.FalseOffTopic)
            - (0.3 * f.FalseOffTopicHarm)
            // Mistakes are shown to the candidate with the sentence: precision counts double (F0.5).
            + (0.5 * FHalf(f.MistakePrecision, f.MistakeRecall));
    }

    private static double FHalf(double precision, double recall) =>
        precision + recall == 0 ? 0 : 1.25 * precision * recall / ((0.25 * precision) + recall);

    /// <summary>Fits the settings on <paramref name="answers"/> (the calibration half) starting from <paramref name="start"/>.</summary>
    public static (JudgeSettings Settings, AgreementFigures Figures, IReadOnlyList<CalibrationStep> Trail) Fit(
        ContentBank content, VectorCache cache, IReadOnlyList<LabelledAnswer> answers, JudgeSettings start,
        Func<string, IReadOnlyList<NumberNote>>? checkNumbers = null, int passes = 3)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            throw new ArgumentException("there are no answers to calibrate on.", nameof(answers));
        }
        AgreementFigures Measure(JudgeSettings settings) => Agreement.Measure(answers, Scorer(content, cache, settings, checkNumbers));
        var best = start;
        var bestFigures = Measure(best);
        var bestObjective = Objective(bestFigures);
        var trail = new List<CalibrationStep>();
        for (var pass = 0; pass < passes; pass++)
        {
            var improved = false;
            foreach (var (name, grid, set) in Knobs)
            {
                foreach (var value in grid)
                {
                    var candidate = set(best, value);
                    if (candidate == best)
                    {
                        continue;
                    }
                    var figures = Measure(candidate);
                    var objective = Objective(figures);
                    if (objective > bestObjective + 1e-9)
                    {
                        (best, bestFigures, bestObjective, improved) = (candidate, figures, objective, true);
                        trail.Add(new CalibrationStep(name, value, Math.Round(objective, 4)));
                    }
                }
            }
            if (!improved)
            {
                break;
            }
        }
        return (best, bestFigures, trail);
    }

    /// <summary>A scorer for <see cref="Agreement.Measure"/>: the judge with these settings, answer vectors cached.</summary>
    public static Func<LabelledAnswer, CoachReport> Scorer(
        ContentBank content, VectorCache cache, JudgeSettings settings, Func<string, IReadOnlyList<NumberNote>>? checkNumbers = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var judge = new AnswerJudge(content, cache, settings, checkNumbers) { CacheAnswers = true };
        return a =>
        {
            var item = content.ItemsById[a.ItemId];
            return judge.Judge(item, content.Frameworks[item.FrameworkId], a.Text, a.Senior ? JudgeLevel.Senior : JudgeLevel.Ds);
        };
    }

    private static double[] Range(double from, double to, double step) =>
        [.. Enumerable.Range(0, (int)Math.Round((to - from) / step) + 1).Select(i => Math.Round(from + (i * step), 3))];
}

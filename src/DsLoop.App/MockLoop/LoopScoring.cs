using DsLoop.Content;
using DsLoop.Content.Loops;
using DsLoop.Content.Signals;
using DsLoop.Core;
using DsLoop.Core.Scorecard;
using DsLoop.Store;

namespace DsLoop.App.MockLoop;

/// <summary>
/// Turns a finished run into scorecard evidence by the rules in docs/SCORECARD.md ("Scoring a run"):
/// <list type="bullet">
/// <item>a SQL exercise is auto-graded: score 1 when the grader accepts the result on the exercise's dataset, 0 otherwise
/// (not answered in time included); it evidences Data fluency;</item>
/// <item>a statistics drill is auto-graded the same way: score 1 when the answer is within the drill's tolerance of the
/// exact answer, 0 otherwise (not answered included); it evidences Statistics &amp; experimentation;</item>
/// <item>an answered open question (stand-ins included) is judged: the judge's rating (or <c>1 + 3 × coach score</c>)
/// weighing 0.75 and the candidate's self-rating 0.25, counted in each dimension the question probes; the judge's
/// off-topic finding travels with it;</item>
/// <item>an open question left unanswered when its round closed rates 1, graded exactly;</item>
/// <item>exercises of a skipped optional round are left out;</item>
/// <item>the signal detectors run on each open answer and on each of its probe answers, and each finding names the
/// exercise whose answer fired it.</item>
/// </list>
/// </summary>
public static class LoopScoring
{
    /// <summary>The scorecard of a finished run.</summary>
    public static InterviewScorecard Build(LoopState state, ContentBank content)
    {
        var graded = new List<GradedResult>();
        var open = new List<OpenAnswerResult>();
        var signals = new List<ScorecardSignal>();
        foreach (var round in state.Rounds.Where(r => r.EndReason != RoundEnd.Skipped))
        {
            foreach (var item in round.Items)
            {
                var title = Title(item);
                if (item.IsGraded)
                {
                    graded.Add(new GradedResult(item.Id, item.Answered ? title : $"{title} (not answered)", item.IsSql ? EvidenceSource.Sql : EvidenceSource.Statistics,
                        item.Passed == true ? 1.0 : 0.0, item.Dimensions));
                }
                else if (item.Answered)
                {
                    open.Add(new OpenAnswerResult(item.Id, title, item.CoachScore ?? 0, item.SelfRating, item.Dimensions)
                    {
                        JudgeRating = item.JudgeRating,
                        OffTopic = item.OffTopic,
                    });
                    signals.AddRange(Signals(item, content));
                }
                else
                {
                    open.Add(new OpenAnswerResult(item.Id, $"{title} (not answered)", null, null, item.Dimensions) { Unanswered = true });
                }
            }
        }
        return ScorecardRules.Build(graded, open, signals);
    }

    /// <summary>The exercise's title, saying when an open question stands in for an exercise kind not built yet.</summary>
    public static string Title(ExerciseState item) => item.StandIn
        ? $"{item.Title} (open question standing in for a {(item.Kind == LoopSlotKind.CasePart ? "case part" : "statistics exercise")})"
        : item.Title;

    /// <summary>Signals in the answer and its probe answers, one per detector, each tied to the sentence that fired it.</summary>
    public static IEnumerable<ScorecardSignal> Signals(ExerciseState item, ContentBank content)
    {
        var question = content.ItemsById.GetValueOrDefault(item.Id);
        IEnumerable<string> texts = [item.Answer ?? "", .. item.Probes.Select(p => p.Answer)];
        // An answer to a different question shows no strength on this one, however good its habits.
        return texts
            .SelectMany(text => question is null ? SignalDetectors.Detect(text) : SignalDetectors.Detect(text, question))
            .DistinctBy(f => f.Detector.Id)
            .Select(f => f.ToScorecardSignal(item.Id))
            .Where(s => !(item.OffTopic && s.Kind == SignalKind.Strong));
    }
}

/// <summary>
/// How weak each dimension looks before a new loop, 0 (strong) to 1 (weak), so the planner favours weak ones:
/// the latest finished loop's <see cref="InterviewScorecard.WeaknessByDimension"/> for the dimensions it assessed, and
/// one minus the mean score of the user's scored practice probing the dimension (coach scores of open answers, and 1 or 0
/// for each answered statistics drill, which probes Statistics &amp; experimentation); when both exist they are averaged; a
/// dimension with neither gets 0.5.
/// </summary>
public static class LoopWeakness
{
    /// <summary>The weakness per dimension from practice attempts (open answers and drills) and the latest loop's scorecard.</summary>
    public static IReadOnlyDictionary<Dimension, double> From(
        IEnumerable<AttemptPoint> openAnswers, ContentBank content, InterviewScorecard? latest, IEnumerable<AttemptPoint>? drills = null)
    {
        var practice = openAnswers
            .Where(a => content.ItemsById.ContainsKey(a.ItemId))
            .SelectMany(a => content.ItemsById[a.ItemId].Dimensions.Select(d => (Dimension: d, Weakness: 1 - a.Score)))
            .Concat((drills ?? []).Select(a => (Dimension: Dimension.StatisticsExperimentation, Weakness: 1 - a.Score)))
            .GroupBy(x => x.Dimension)
            .ToDictionary(g => g.Key, g => g.Average(x => x.Weakness));
        var loop = latest?.Dimensions.Where(d => d.Assessed).ToDictionary(d => d.Dimension, d => (4 - (double)d.Rating!.Value) / 3.0) ?? [];
        return Dimensions.All.ToDictionary(d => d, d => (practice.TryGetValue(d, out var p), loop.TryGetValue(d, out var l)) switch
        {
            (true, true) => Math.Clamp((p + l) / 2, 0, 1),
            (true, false) => Math.Clamp(p, 0, 1),
            (false, true) => l,
            _ => InterviewScorecard.UnassessedWeakness,
        });
    }
}

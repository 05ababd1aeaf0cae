using DsLoop.Content.Signals;
using DsLoop.Judge.Embedding;

namespace DsLoop.Judge.Judging;

/// <summary>
/// Decides which targets an answer shows. A sentence shows a target when it is close in meaning to one of the
/// target's exemplars (cue phrases add a bonus), says something beyond the framework's vocabulary, does not wave the
/// target away, and has not already been spent on <see cref="JudgeSettings.MaxStepsPerSentence"/> closer targets.
/// </summary>
internal static class TargetMatcher
{
    public static IReadOnlyList<TargetMatch> Match(
        IReadOnlyList<JudgeTarget> targets, AnswerText answer, float[][] unitVectors, VectorCache cache,
        JudgeSettings settings, Vocabulary vocabulary, double threshold, int maxPerSentence, IReadOnlySet<int>? committing = null)
    {
        var units = answer.Units;
        var normalisedUnits = units.Select(u => Phrases.Normalise(u.Text)).ToArray();
        var substance = units.Select(u => Wording.ContentWords(u.Text).Count(w => !vocabulary.Contains(w))).ToArray();
        var dismissive = units.Select(u => Wording.Dismisses(u.Text)).ToArray();
        // A sentence that commits one of the item's mistakes ("stop once p is below 0.05") shows no step, however
        // close its words are to one.
        var commits = units.Select(u => committing?.Contains(u.Sentence) == true).ToArray();

        var scores = new (double Score, IReadOnlyList<string> Cues)[targets.Count, units.Count];
        var unitBest = new double[units.Count];
        Array.Fill(unitBest, double.NegativeInfinity);
        for (var t = 0; t < targets.Count; t++)
        {
            var exemplars = cache.Get(targets[t].Exemplars);
            var cues = targets[t].Cues.Select(Phrases.Normalise).ToArray();
            for (var u = 0; u < units.Count; u++)
            {
                var similarity = exemplars.Length == 0 ? 0 : exemplars.Max(e => SentenceModel.Similarity(unitVectors[u], e));
                IReadOnlyList<string> hits = [.. targets[t].Cues.Where((_, i) => Phrases.Contains(normalisedUnits[u], cues[i]))];
                scores[t, u] = (similarity + (hits.Count > 0 ? settings.CueBonus : 0), hits);
                unitBest[u] = Math.Max(unitBest[u], scores[t, u].Score);
            }
        }

        var candidates = new List<(int Target, int Unit, double Score, IReadOnlyList<string> Cues)>();
        var best = new (int Unit, double Score, IReadOnlyList<string> Cues)[targets.Count];
        // A sentence shows only the steps it is (nearly) most about: one that is mostly about another step does not
        // fall through to this one because its own step was already shown elsewhere.
        var offFocus = new bool[targets.Count, units.Count];
        for (var t = 0; t < targets.Count; t++)
        {
            best[t] = (-1, double.NegativeInfinity, []);
            for (var u = 0; u < units.Count; u++)
            {
                var (score, hits) = scores[t, u];
                if (score > best[t].Score)
                {
                    best[t] = (u, score, hits);
                }
                offFocus[t, u] = score < unitBest[u] - settings.StepFocusMargin;
                if (score >= threshold && !dismissive[u] && !commits[u] && !offFocus[t, u] && substance[u] >= settings.MinContentWords)
                {
                    candidates.Add((t, u, score, hits));
                }
            }
        }

        var covered = new (int Unit, double Score, IReadOnlyList<string> Cues)?[targets.Count];
        var spent = new int[answer.Sentences.Count];
        foreach (var (t, u, score, hits) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Target).ThenBy(c => c.Unit))
        {
            var sentence = units[u].Sentence;
            if (covered[t] is not null || spent[sentence] >= maxPerSentence)
            {
                continue;
            }
            covered[t] = (u, score, hits);
            spent[sentence]++;
        }

        return [.. targets.Select((target, t) =>
        {
            if (covered[t] is { } hit)
            {
                return new TargetMatch(target, true, hit.Score, units[hit.Unit].Text, hit.Cues,
                    $"\"{Short(units[hit.Unit].Text)}\" says it (similarity {hit.Score:0.00}).");
            }
            var (u, score, cues) = best[t];
            var why = u < 0 ? "The answer has no sentence to judge."
                : score < threshold ? $"No sentence comes close enough (best {score:0.00}, needs {threshold:0.00})."
                : dismissive[u] ? $"\"{Short(units[u].Text)}\" waves it away rather than doing it."
                : commits[u] ? $"\"{Short(units[u].Text)}\" commits one of the mistakes below, so it shows no step."
                : offFocus[t, u] ? $"\"{Short(units[u].Text)}\" is about another step more than this one."
                : substance[u] < settings.MinContentWords ? $"\"{Short(units[u].Text)}\" names it without saying anything specific."
                : "The sentences close to it already carry other steps; say it in its own words.";
            return new TargetMatch(target, false, u < 0 ? 0 : score, u < 0 ? null : units[u].Text, cues, why);
        })];
    }

    private static string Short(string text) => text.Length <= 90 ? text : string.Concat(text.AsSpan(0, 87), "…");
}

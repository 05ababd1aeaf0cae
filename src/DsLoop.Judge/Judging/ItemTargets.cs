using System.Collections.Concurrent;
using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Content.Signals;
using DsLoop.Judge.Embedding;
using DsLoop.Judge.Judging.Known;

namespace DsLoop.Judge.Judging;

/// <summary>
/// The targets of one item, built once: each framework step's exemplars are its name and description, the item's
/// model-answer sentences that carry the step's cues, and the same from the other model answers of the framework
/// (so a step is recognised in many phrasings, not one); plus the texts relevance is measured against.
/// </summary>
internal sealed class ItemTargets
{
    private const int ExemplarsPerStepFromOtherItems = 12;
    private static readonly string[] Buzzwords =
    [
        "metric", "metrics", "data", "analysis", "analyze", "analyse", "model", "models", "test", "testing", "experiment",
        "hypothesis", "stakeholder", "stakeholders", "impact", "insight", "insights", "robust", "significant", "significance",
        "statistical", "statistically", "framework", "approach", "strategy", "process", "leverage", "key", "important",
        "step", "steps", "result", "results", "situation", "task", "action", "actions", "first", "second", "third", "finally",
        "consider", "considering", "ensure", "various", "different", "proper", "properly", "good", "best", "great",
    ];

    private readonly ConcurrentDictionary<string, (IReadOnlyList<JudgeTarget> Steps, IReadOnlyList<string> Reference, Vocabulary Vocabulary)> byItem =
        new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Item, string Mistake), IReadOnlyList<string>> mistakeExemplars = new();
    private readonly ContentBank content;
    private readonly VectorCache cache;

    public ItemTargets(ContentBank content, VectorCache cache)
    {
        this.content = content;
        this.cache = cache;
    }

    /// <summary>
    /// What a mistake sounds like: its own description, the sentences of the item's weak answer that carry its phrases
    /// (weak answers are written to commit the listed mistakes, in a candidate's words), and the candidate sentences of
    /// the well-known mistakes it means (<see cref="KnownMistakes"/>).
    /// </summary>
    public IReadOnlyList<string> MistakeExemplars(QuestionItem item, CommonMistake mistake) =>
        mistakeExemplars.GetOrAdd((item.Id, mistake.Text), _ =>
        {
            var phrases = mistake.Phrases.Select(Phrases.Normalise).ToArray();
            return
            [
                mistake.Text,
                .. AnswerCoach.SplitSentences(item.WeakAnswer)
                    .Where(s => !Wording.Negates(s) && phrases.Any(p => Phrases.Contains(Phrases.Normalise(s), p))),
                .. LinkedKnownMistakes(mistake.Text).SelectMany(k => k.Says),
            ];
        });

    /// <summary>The known mistakes one of whose names is close in meaning to <paramref name="description"/>.</summary>
    public IReadOnlyList<KnownMistake> LinkedKnownMistakes(string description)
    {
        var own = cache.Get([description])[0];
        return [.. KnownMistakes.All.Where(k => cache.Get(k.Names).Max(n => SentenceModel.Similarity(own, n)) >= KnownMistakes.LinkThreshold)];
    }

    /// <summary>
    /// Model-answer sentences as exemplars of the steps whose cues they carry; a sentence with the cues of several steps
    /// goes only to the step whose description it is closest to in meaning, so no exemplar speaks for two steps.
    /// </summary>
    private List<string>[] Assign(IReadOnlyList<string> sentences, Framework framework, IReadOnlyList<string> descriptions)
    {
        var byStep = framework.Steps.Select(_ => new List<string>()).ToArray();
        var cues = framework.Steps.Select(step => step.Cues.Select(Phrases.Normalise).ToArray()).ToArray();
        var candidates = sentences
            .Select(sentence => (Sentence: sentence, Steps: Enumerable.Range(0, cues.Length)
                .Where(i => cues[i].Any(c => Phrases.Contains(Phrases.Normalise(sentence), c))).ToList()))
            .Where(c => c.Steps.Count > 0)
            .ToList();
        var ambiguous = candidates.Where(c => c.Steps.Count > 1).Select(c => c.Sentence).ToList();
        var ambiguousVectors = ambiguous.Count == 0 ? [] : cache.Get(ambiguous);
        var descriptionVectors = ambiguous.Count == 0 ? [] : cache.Get(descriptions);
        var next = 0;
        foreach (var (sentence, steps) in candidates)
        {
            if (steps.Count == 1)
            {
                byStep[steps[0]].Add(sentence);
                continue;
            }
            var vector = ambiguousVectors[next++];
            byStep[steps.MaxBy(i => SentenceModel.Similarity(vector, descriptionVectors[i]))].Add(sentence);
        }
        return byStep;
    }

    public (IReadOnlyList<JudgeTarget> Steps, IReadOnlyList<string> Reference, Vocabulary Vocabulary) For(QuestionItem item, Framework framework) =>
        byItem.GetOrAdd(item.Id + "|" + framework.Id, _ => Build(item, framework));

    private (IReadOnlyList<JudgeTarget>, IReadOnlyList<string>, Vocabulary) Build(QuestionItem item, Framework framework)
    {
        var own = AnswerCoach.SplitSentences(item.ModelAnswer);
        var others = content.Items
            .Where(i => i.FrameworkId == framework.Id && i.Id != item.Id)
            .OrderBy(i => i.Id, StringComparer.Ordinal)
            .SelectMany(i => AnswerCoach.SplitSentences(i.ModelAnswer))
            .ToList();
        var descriptions = framework.Steps.Select(step => $"{step.Name}: {step.Description}").ToList();
        var ownByStep = Assign(own, framework, descriptions);
        var othersByStep = Assign(others, framework, descriptions);
        var steps = framework.Steps.Select((step, index) =>
        {
            List<string> exemplars = [descriptions[index], .. AnswerCoach.SplitSentences(step.Description)];
            exemplars.AddRange(ownByStep[index]);
            exemplars.AddRange(othersByStep[index].Take(ExemplarsPerStepFromOtherItems));
            return new JudgeTarget(step.Id, step.Name, [.. exemplars.Distinct(StringComparer.Ordinal)], step.Cues);
        }).ToList();

        List<string> reference = [item.Prompt, .. own];
        var vocabulary = new HashSet<string>(Buzzwords, StringComparer.Ordinal);
        foreach (var step in framework.Steps)
        {
            vocabulary.UnionWith(Wording.ContentWords(step.Name));
            foreach (var cue in step.Cues)
            {
                vocabulary.UnionWith(Wording.ContentWords(cue));
            }
        }
        return (steps, reference, new Vocabulary(vocabulary));
    }
}

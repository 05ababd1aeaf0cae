using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Content.Signals;
using DsLoop.Judge.Embedding;

namespace DsLoop.Judge.Judging;

/// <summary>
/// The answer judge. It reads an open answer the way an interviewer does: which framework steps it really shows
/// (by meaning, with cue phrases as a second signal), whether it is about the question, whether it commits the item's
/// mistakes or a wrong number, the habits, and at senior level what a Senior would add; then a 1–4 rating. Every
/// finding quotes the sentence behind it. Same input, same report.
/// </summary>
public sealed class AnswerJudge
{
    /// <summary>Names the judge in reports.</summary>
    public const string Name = "semantic judge (all-MiniLM-L6-v2, cue phrases as a second signal)";

    private readonly VectorCache cache;
    private readonly ItemTargets targets;
    private readonly RelevanceIndex relevanceIndex;
    private readonly Dictionary<string, string> itemTitles;
    private readonly JudgeSettings settings;
    private readonly Func<string, IReadOnlyList<NumberNote>> checkNumbers;

    /// <summary>Creates a judge over a content bank with a loaded model.</summary>
    public AnswerJudge(ContentBank content, SentenceModel model, JudgeSettings? settings = null, Func<string, IReadOnlyList<NumberNote>>? checkNumbers = null)
        : this(content, new VectorCache(model ?? throw new ArgumentNullException(nameof(model))), settings, checkNumbers)
    {
    }

    /// <summary>Creates a judge that shares a vector cache with others (calibration builds one judge per setting).</summary>
    public AnswerJudge(ContentBank content, VectorCache cache, JudgeSettings? settings = null, Func<string, IReadOnlyList<NumberNote>>? checkNumbers = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(cache);
        this.cache = cache;
        this.settings = settings ?? JudgeSettings.Calibrated;
        targets = new ItemTargets(content, cache);
        relevanceIndex = new RelevanceIndex(content, cache);
        itemTitles = content.Items.ToDictionary(i => i.Id, i => i.Title, StringComparer.Ordinal);
        this.checkNumbers = checkNumbers ?? (_ => []);
    }

    /// <summary>Keeps answer vectors too, so a calibration run re-judges the same answers without re-embedding them.</summary>
    public bool CacheAnswers { get; init; }

    private float[][] Embed(AnswerText text) => EmbedTexts([.. text.Units.Select(u => u.Text)]);

    private float[][] EmbedTexts(IReadOnlyList<string> texts) => CacheAnswers ? cache.Get(texts) : cache.Model.Embed(texts);

    /// <summary>
    /// Embeds what every judgement needs from the bank (each question's vector for relevance) now, so the first
    /// answer does not wait for it; hosts call it in the background after the model loads.
    /// </summary>
    public void Warm()
    {
        if (settings.RelevanceMarginWeight > 0)
        {
            relevanceIndex.Warm();
        }
    }

    /// <summary>Judges an answer to an item against its framework at a level.</summary>
    public CoachReport Judge(QuestionItem item, Framework framework, string answer, JudgeLevel level = JudgeLevel.Ds)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(framework);
        var text = AnswerText.Of(answer);
        var (steps, reference, vocabulary) = targets.For(item, framework);
        // One call for sentences and list fragments, so the length-sorted batches fill up.
        var all = EmbedTexts([.. text.Units.Select(u => u.Text), .. text.Fragments.Select(f => f.Text)]);
        var vectors = all[..text.Units.Count];
        var fragmentVectors = all[text.Units.Count..];
        var committed = item.CommonMistakes.Select(m => CommittedIn(m, targets.MistakeExemplars(item, m), text, vectors, fragmentVectors)).ToList();
        var committing = committed.OfType<Unit>().Select(u => u.Sentence).ToHashSet();
        var stepMatches = TargetMatcher.Match(steps, text, vectors, cache, settings, vocabulary, settings.StepThreshold, settings.MaxStepsPerSentence, committing);
        var relevance = Relevance(text, vectors, reference, item, StepShare(stepMatches));
        var habits = HabitChecks(text, vectors, vocabulary);
        var numbers = checkNumbers(text.Text);
        var (min, max) = AnswerCoach.DefaultTarget;
        var length = text.Words < min ? LengthVerdict.TooShort : text.Words > max ? LengthVerdict.TooLong : LengthVerdict.WithinTarget;
        var coverage = stepMatches.Select(ToCoverage).ToList();
        if (relevance.OffTopic && settings.OffTopicShowsNoSteps)
        {
            // A step of this question said about another question is not this question's step.
            coverage = [.. coverage.Select(c => c.Covered
                ? c with { Covered = false, Sentences = [], Cues = [], Why = $"\"{c.Sentences.FirstOrDefault()}\" is said about another question: the answer reads as off-topic." }
                : c)];
        }
        var report = new CoachReport(coverage, habits, text.Words, length, min, max);
        var mistakes = item.CommonMistakes.Select((m, i) => Mistake(m, committed[i], report)).ToList();

        var senior = level == JudgeLevel.Senior
            ? TargetMatcher.Match(SeniorTargets(item), text, vectors, cache, Independent, vocabulary, settings.HabitThreshold, int.MaxValue)
                .Select(ToCoverage)
                .Select(c => c.StepId == "addendum" && !c.Covered ? c with { Why = $"Not heard. A Senior would add: {item.SeniorAddendum.Trim()}" } : c)
                .ToList()
            : [];
        var notes = Notes(text, stepMatches, relevance, numbers);
        var rating = Rating(report with { Mistakes = mistakes }, relevance, numbers, level, senior);
        return report with
        {
            Mistakes = mistakes,
            Rating = rating,
            JudgedBy = Name,
            Level = level == JudgeLevel.Senior ? "senior" : "ds",
            Relevance = relevance,
            Numbers = numbers,
            SeniorPoints = senior,
            Notes = notes,
        };
    }

    /// <summary>
    /// Judges the answer to a follow-up probe on the probe's expected points, each like a step.
    /// </summary>
    public CoachReport JudgeProbe(string probe, IReadOnlyList<string> expectedPoints, string answer, (int Min, int Max) target)
    {
        ArgumentNullException.ThrowIfNull(expectedPoints);
        var text = AnswerText.Of(answer);
        var points = expectedPoints.Select((p, i) => new JudgeTarget($"point-{i + 1}", p, [p], [])).ToList();
        var vectors = Embed(text);
        var vocabulary = new Vocabulary([]);
        var matches = TargetMatcher.Match(points, text, vectors, cache, settings, vocabulary, settings.StepThreshold, settings.MaxStepsPerSentence);
        var relevance = Relevance(text, vectors, [probe, .. expectedPoints], null, StepShare(matches));
        var habits = HabitChecks(text, vectors, vocabulary);
        var length = text.Words < target.Min ? LengthVerdict.TooShort : text.Words > target.Max ? LengthVerdict.TooLong : LengthVerdict.WithinTarget;
        var report = new CoachReport([.. matches.Select(ToCoverage)], habits, text.Words, length, target.Min, target.Max);
        var numbers = checkNumbers(text.Text);
        return report with
        {
            Rating = Rating(report, relevance, numbers, JudgeLevel.Ds, []),
            JudgedBy = Name,
            Level = "ds",
            Relevance = relevance,
            Numbers = numbers,
            Notes = Notes(text, matches, relevance, numbers),
        };
    }

    /// <summary>
    /// The settings for targets that do not compete for sentences (senior signals, habits): one sentence may show them
    /// all, so none is "more about" another and the step focus rule does not apply.
    /// </summary>
    private JudgeSettings Independent => settings with { StepFocusMargin = double.PositiveInfinity };

    private static StepCoverage ToCoverage(TargetMatch m) =>
        new(m.Target.Id, m.Target.Name, m.Covered, m.Covered && m.Evidence is { } e ? [e] : [], m.Covered ? m.Cues : [])
        {
            Similarity = Math.Round(m.Score, 3),
            Why = m.Why,
        };

    private static IReadOnlyList<JudgeTarget> SeniorTargets(QuestionItem item) =>
        string.IsNullOrWhiteSpace(item.SeniorAddendum)
            ? SeniorSignals.Generic
            : [.. SeniorSignals.Generic, new JudgeTarget("addendum", "What a Senior adds on this question", AnswerCoach.SplitSentences(item.SeniorAddendum), [])];

    private static double StepShare(IReadOnlyList<TargetMatch> matches) =>
        matches.Count == 0 ? 0 : (double)matches.Count(m => m.Covered) / matches.Count;

    private RelevanceCheck Relevance(AnswerText text, float[][] vectors, IReadOnlyList<string> reference, QuestionItem? item, double stepShare)
    {
        var referenceVectors = cache.Get(reference);
        var sentences = text.Units.Select((u, i) => (u, i)).Where(x => x.u.WholeSentence).Select(x => vectors[x.i]).ToList();
        var best = sentences
            .Select(v => referenceVectors.Max(r => SentenceModel.Similarity(v, r)))
            .OrderByDescending(s => s)
            .ToList();
        if (best.Count == 0)
        {
            return new RelevanceCheck(0, true, "There is no answer to judge.");
        }
        var own = best.Take((best.Count + 1) / 2).Average();
        var similarity = own;
        string? nearestTitle = null;
        if (item is not null)
        {
            var (ownCentroid, nearest, nearestId) = settings.RelevanceMarginWeight > 0 ? relevanceIndex.Compare(item, sentences) : (0, 0, null);
            var meaningMargin = ownCentroid - nearest;
            var (wordsMargin, nearestByWords) = relevanceIndex.Words(item, text.Text);
            similarity = own + (settings.RelevanceMarginWeight * Math.Min(0, meaningMargin)) + (settings.RelevanceWordsWeight * wordsMargin);
            var closest = meaningMargin < 0 ? nearestId : wordsMargin < 0 ? nearestByWords : null;
            nearestTitle = closest is not null && itemTitles.TryGetValue(closest, out var title) ? title : null;
        }
        similarity = Math.Round(similarity, 3);
        // An answer that does most of the question's steps is answering it, whatever its subject; for a behavioural
        // question, whose story can come from any domain and whose model answer is one story among many, that is
        // the only sure sign, so such a story is never off-topic.
        var doesTheWork = stepShare > settings.OffTopicMaxStepShare;
        var threshold = settings.RelevanceThreshold - (doesTheWork ? settings.StepShareRelief : 0);
        var offTopic = similarity < threshold && !(doesTheWork && item is not null && LexicalIndex.IsStory(item));
        var closer = nearestTitle is null ? "" : $" It is closer to another question, \"{nearestTitle}\".";
        return new RelevanceCheck(similarity, offTopic, offTopic
            ? $"This reads as an answer to a different question (relevance {similarity:0.00}, needs {threshold:0.00}); it cannot score above {settings.OffTopicCap:0.#}.{closer}"
            : $"On the question (relevance {similarity:0.00}).");
    }

    private List<HabitCheck> HabitChecks(AnswerText text, float[][] vectors, Vocabulary vocabulary)
    {
        var magnitudes = Habits.Magnitudes(text.Text);
        var firstPerson = Habits.FirstPersonWords(text.Text);
        var semantic = TargetMatcher.Match([Habits.AssumptionTarget, Habits.TradeOffTarget], text, vectors, cache,
            Independent with { MinContentWords = 0 }, vocabulary, settings.HabitThreshold, int.MaxValue);
        return
        [
            new(Habits.Quantifies, magnitudes.Count > 0, magnitudes,
                "Put a size on the result or the stakes: a rate, a count, a change in % or points (a duration alone is not one)."),
            new(Habits.Assumptions, semantic[0].Covered, semantic[0].Covered ? [semantic[0].Evidence!] : [],
                "Say out loud what you take as given (\"I'm assuming…\") so the interviewer can adjust it."),
            new(Habits.TradeOffs, semantic[1].Covered, semantic[1].Covered ? [semantic[1].Evidence!] : [],
                "Name what could get worse and how you'd watch it: a guardrail metric or the cost of the choice."),
            new(Habits.FirstPerson, firstPerson.Count > 0, firstPerson,
                "Use \"I\" for what you did or would do; \"we\" hides your part."),
        ];
    }

    /// <summary>The sentence or clause that commits <paramref name="mistake"/>, if any: close in meaning to what the mistake sounds like, or carrying one of its phrases, and not negated.</summary>
    private Unit? CommittedIn(CommonMistake mistake, IReadOnlyList<string> exemplars, AnswerText text, float[][] vectors, float[][] fragmentVectors)
    {
        // An omission ("No guardrail on opt-outs") is shown by what is absent; a sentence about its topic is the
        // opposite of the mistake, so only its phrases and signs can fire.
        var omission = Wording.NamesAnOmission(mistake.Text);
        var mistakeVectors = cache.Get(exemplars);
        foreach (var (unit, unitVector) in text.Units.Zip(vectors).Concat(text.Fragments.Zip(fragmentVectors)))
        {
            if (text.Negated(unit))
            {
                continue;
            }
            var normalised = Phrases.Normalise(unit.Text);
            var similarity = omission ? 0 : mistakeVectors.Max(m => SentenceModel.Similarity(unitVector, m));
            if (similarity >= settings.MistakeThreshold || mistake.Phrases.Any(p => Phrases.Contains(normalised, Phrases.Normalise(p))))
            {
                return unit;
            }
        }
        return null;
    }

    private static MistakeFinding Mistake(CommonMistake mistake, Unit? committedIn, CoachReport report)
    {
        var evidence = new List<string>();
        if (committedIn is not null)
        {
            evidence.Add($"\"{committedIn.Text}\"");
        }
        var habits = report.Habits.ToDictionary(h => h.Name, h => h.Present);
        foreach (var sign in mistake.Signs)
        {
            var fired = sign switch
            {
                MistakeSigns.NoNumber => !habits[Habits.Quantifies],
                MistakeSigns.NoAssumption => !habits[Habits.Assumptions],
                MistakeSigns.NoTradeOff => !habits[Habits.TradeOffs],
                MistakeSigns.NoFirstPerson => !habits[Habits.FirstPerson],
                MistakeSigns.TooShort => report.Length == LengthVerdict.TooShort,
                MistakeSigns.TooLong => report.Length == LengthVerdict.TooLong,
                _ when sign.StartsWith(MistakeSigns.MissedStepPrefix, StringComparison.Ordinal) =>
                    report.Steps.Any(s => s.StepId == sign[MistakeSigns.MissedStepPrefix.Length..] && !s.Covered),
                _ => false,
            };
            if (fired)
            {
                evidence.Add(sign);
            }
        }
        return new MistakeFinding(mistake.Text, evidence.Count > 0, evidence);
    }

    private double Rating(CoachReport report, RelevanceCheck relevance, IReadOnlyList<NumberNote> numbers, JudgeLevel level, IReadOnlyList<StepCoverage> senior)
    {
        var habitShare = report.Habits.Count == 0 ? 0 : (double)report.Habits.Count(h => h.Present) / report.Habits.Count;
        var lengthScore = report.Length switch
        {
            LengthVerdict.WithinTarget => 1.0,
            LengthVerdict.TooLong => 0.6,
            _ => Math.Clamp((double)report.Words / report.TargetMin, 0, 1),
        };
        // Habits and length decorate substance; they cannot carry an answer that shows few steps.
        var substance = Math.Min(1, 2 * report.StepScore);
        var quality = (settings.StepWeight * report.StepScore) + (substance * ((settings.HabitWeight * habitShare) + (settings.LengthWeight * lengthScore)));
        var rating = 1 + (3 * quality / (settings.StepWeight + settings.HabitWeight + settings.LengthWeight));
        var committed = report.Mistakes.Count(m => m.Evidence.Any(e => e.StartsWith('"')));
        rating -= settings.MistakePenalty * Math.Min(committed, 2);
        if (numbers.Any(n => n.Wrong))
        {
            rating -= settings.WrongNumberPenalty;
        }
        if (level == JudgeLevel.Senior && senior.Count > 0)
        {
            var shown = Math.Min(2, senior.Count(s => s.Covered));
            rating -= settings.SeniorGap * (1 - (shown / 2.0));
        }
        if (relevance.OffTopic)
        {
            rating = Math.Min(rating, settings.OffTopicCap);
        }
        return Math.Round(Math.Clamp(rating, 1, 4), 2);
    }

    private static List<string> Notes(AnswerText text, IReadOnlyList<TargetMatch> steps, RelevanceCheck relevance, IReadOnlyList<NumberNote> numbers)
    {
        var notes = new List<string>();
        if (relevance.OffTopic)
        {
            notes.Add(relevance.Explanation);
        }
        var named = steps.Count(s => s.Cues.Count > 0 || (s.Evidence is not null && !s.Covered && s.Why.Contains("names it", StringComparison.Ordinal)));
        if (text.Words < 100 && named >= 3 && steps.Count(s => s.Covered) * 2 < named)
        {
            notes.Add("Short and dense with the framework's words: a step counts when you say what you would do and why, not when you name it.");
        }
        notes.AddRange(numbers.Where(n => n.Wrong).Select(n => n.Explanation));
        return notes;
    }
}

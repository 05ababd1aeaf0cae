namespace DsLoop.Judge.Judging;

/// <summary>
/// The judge's thresholds and weights. <see cref="Calibrated"/> holds the values fitted on the calibration half of
/// the evaluation set (tests/DsLoop.Judge.Tests/Evaluation, docs/COACH.md); the other half reports the figures.
/// </summary>
public sealed record JudgeSettings
{
    /// <summary>Similarity (cosine plus cue bonus) a sentence needs to show a step.</summary>
    public double StepThreshold { get; init; } = 0.5;

    /// <summary>Added to a sentence's similarity when it also carries one of the step's cue phrases.</summary>
    public double CueBonus { get; init; } = 0.08;

    /// <summary>Content words, beyond the framework's own vocabulary, a sentence needs before it can show a step.</summary>
    public int MinContentWords { get; init; } = 3;

    /// <summary>Steps one sentence may show at most; more is vocabulary, not content.</summary>
    public int MaxStepsPerSentence { get; init; } = 2;

    /// <summary>
    /// How far below its best step a sentence's similarity to a step may be for it to show that step too; infinity lets a
    /// sentence show any step it clears the threshold for.
    /// </summary>
    public double StepFocusMargin { get; init; } = double.PositiveInfinity;

    /// <summary>Whether an answer judged off-topic shows none of the question's steps (its sentences are about another question).</summary>
    public bool OffTopicShowsNoSteps { get; init; }

    /// <summary>Relevance under which the answer is off-topic.</summary>
    public double RelevanceThreshold { get; init; } = 0.35;

    /// <summary>
    /// How much the margin counts in relevance: the answer's closeness to its own question minus its closeness to the
    /// nearest other question in the bank, so a fluent answer to a neighbouring question is caught.
    /// </summary>
    public double RelevanceMarginWeight { get; init; } = 2;

    /// <summary>
    /// How much the words margin counts in relevance: the answer's TF-IDF similarity to its own question minus that to
    /// the nearest other question (which question do its distinctive words belong to).
    /// </summary>
    public double RelevanceWordsWeight { get; init; } = 1.5;

    /// <summary>Share of the framework's steps above which an answer gets <see cref="StepShareRelief"/>: it is doing the question's work.</summary>
    public double OffTopicMaxStepShare { get; init; } = 0.5;

    /// <summary>How much lower the relevance bar is for an answer that shows most of the steps (a story can come from any domain).</summary>
    public double StepShareRelief { get; init; } = 0.15;

    /// <summary>Similarity to a common mistake at which a sentence without negation commits it.</summary>
    public double MistakeThreshold { get; init; } = 0.6;

    /// <summary>Similarity a sentence needs to show a habit (assumptions, trade-offs) or a senior signal.</summary>
    public double HabitThreshold { get; init; } = 0.5;

    /// <summary>Weight of step coverage in the 1–4 rating.</summary>
    public double StepWeight { get; init; } = 0.7;

    /// <summary>Weight of the habits.</summary>
    public double HabitWeight { get; init; } = 0.2;

    /// <summary>Weight of length within the target.</summary>
    public double LengthWeight { get; init; } = 0.1;

    /// <summary>Rating points taken off per committed mistake (at most two count).</summary>
    public double MistakePenalty { get; init; } = 0.5;

    /// <summary>Rating points taken off for a wrong number.</summary>
    public double WrongNumberPenalty { get; init; } = 1.0;

    /// <summary>Highest rating an off-topic answer can get.</summary>
    public double OffTopicCap { get; init; } = 1.5;

    /// <summary>Rating points a senior-level answer loses when it shows no senior signal at all.</summary>
    public double SeniorGap { get; init; } = 0.75;

    /// <summary>The calibrated values.</summary>
    public static JudgeSettings Calibrated { get; } = new()
    {
        StepThreshold = 0.4,
        CueBonus = 0.12,
        MinContentWords = 4,
        MaxStepsPerSentence = 1,
        StepFocusMargin = 0.1,
        OffTopicShowsNoSteps = true,
        RelevanceThreshold = 0.35,
        RelevanceMarginWeight = 0,
        RelevanceWordsWeight = 1,
        OffTopicMaxStepShare = 0.5,
        StepShareRelief = 0,
        MistakeThreshold = 0.7,
        HabitThreshold = 0.66,
        StepWeight = 0.5,
        HabitWeight = 0.4,
        LengthWeight = 0.1,
        MistakePenalty = 0.25,
        WrongNumberPenalty = 1,
        OffTopicCap = 1.5,
        SeniorGap = 0,
    };
}

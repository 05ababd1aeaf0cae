using System.Text.Json.Serialization;

namespace DsLoop.Core.Scorecard;

/// <summary>Where a piece of scorecard evidence came from.</summary>
public enum EvidenceSource
{
    /// <summary>An auto-graded SQL problem.</summary>
    Sql,
    /// <summary>An auto-graded statistics exercise.</summary>
    Statistics,
    /// <summary>An auto-graded part of a case.</summary>
    Case,
    /// <summary>An open answer: the judge's (or coach's) rating together with the candidate's own rating.</summary>
    OpenAnswer,
}

/// <summary>What a piece of evidence rests on, as shown beside it on the scorecard.</summary>
public enum EvidenceBasis
{
    /// <summary>Saved before evidence was labelled (a scorecard from an earlier rule); shown by its source.</summary>
    Unlabelled,
    /// <summary>Graded exactly: a SQL result checked against the reference, a statistics drill, a query never submitted.</summary>
    AutoGraded,
    /// <summary>An open answer rated by the judge (or the coach), blended with the self-rating when there is one.</summary>
    Judged,
    /// <summary>Only the candidate's own rating: no judge or coach could read the answer.</summary>
    SelfRated,
    /// <summary>An open question left blank when its round closed: rated 1 by rule, nothing was graded or judged.</summary>
    NotAnswered,
}

/// <summary>The final call of a scorecard.</summary>
public enum Recommendation
{
    /// <summary>Clearly below the bar.</summary>
    StrongNo,
    /// <summary>Below the bar.</summary>
    No,
    /// <summary>At the bar.</summary>
    Yes,
    /// <summary>Clearly above the bar.</summary>
    StrongYes,
}

/// <summary>What a signal says about the candidate.</summary>
public enum SignalKind
{
    /// <summary>A habit strong candidates show.</summary>
    Strong,
    /// <summary>A gap weak candidates show.</summary>
    Weak,
    /// <summary>A statement that on its own worries interviewers.</summary>
    RedFlag,
}

/// <summary>The result of an auto-grader (SQL, statistics or case) for one exercise.</summary>
/// <param name="ItemId">The exercise.</param>
/// <param name="Title">Its title, for the report.</param>
/// <param name="Source">Which grader scored it; not <see cref="EvidenceSource.OpenAnswer"/>.</param>
/// <param name="Score">The grader's score, 0–1.</param>
/// <param name="Dimensions">The dimensions it evidences; the rating counts once for each.</param>
public sealed record GradedResult(string ItemId, string Title, EvidenceSource Source, double Score, IReadOnlyList<Dimension> Dimensions);

/// <summary>An open answer with the judge's verdict and the candidate's own rating.</summary>
/// <param name="ItemId">The question.</param>
/// <param name="Title">Its title, for the report.</param>
/// <param name="CoachScore">The coach's 0–1 score; null when no coach or judge read the answer.</param>
/// <param name="SelfRating">The candidate's own rating, 1 (Again) to 4 (Easy); null when never given.</param>
/// <param name="Dimensions">The dimensions the question probes.</param>
public sealed record OpenAnswerResult(string ItemId, string Title, double? CoachScore, int? SelfRating, IReadOnlyList<Dimension> Dimensions)
{
    /// <summary>The judge's 1–4 rating when the judge read the answer; otherwise the rules use <c>1 + 3 × CoachScore</c>.</summary>
    public double? JudgeRating { get; init; }

    /// <summary>True when the judge found the answer off the question.</summary>
    public bool OffTopic { get; init; }

    /// <summary>True when the question was left unanswered when its round closed: it rates 1, graded exactly.</summary>
    public bool Unanswered { get; init; }
}

/// <summary>A strong or weak signal or red flag spotted in an answer; shown on the scorecard, never scored.</summary>
/// <param name="DetectorId">The detector that fired.</param>
/// <param name="Kind">Strong, weak or red flag.</param>
/// <param name="Dimension">The dimension it speaks to.</param>
/// <param name="Description">What the detector looks for.</param>
/// <param name="Evidence">The sentence that fired it.</param>
/// <param name="ItemId">The question answered, when known.</param>
public sealed record ScorecardSignal(string DetectorId, SignalKind Kind, Dimension Dimension, string Description, string Evidence, string? ItemId);

/// <summary>One piece of evidence as rated for one dimension.</summary>
/// <param name="ItemId">The exercise.</param>
/// <param name="Title">Its title.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Rating">1–4, to one decimal.</param>
/// <param name="Weight">How much it counts in the dimension's mean (see <see cref="ScorecardRules"/>).</param>
/// <param name="Basis">What the rating rests on: auto-graded, judged, self-rated or not answered.</param>
/// <param name="Detail">How the rating was reached, e.g. "judge 3.0, self-rating 3".</param>
public sealed record EvidenceItem(string ItemId, string Title, EvidenceSource Source, decimal Rating, int Weight, EvidenceBasis Basis, string Detail)
{
    /// <summary>True when the judge found the answer off the question.</summary>
    public bool OffTopic { get; init; }

    /// <summary>The basis to show: a card saved before evidence was labelled reads its source (open answers were self-assessed).</summary>
    [JsonIgnore]
    public EvidenceBasis ShownBasis => Basis != EvidenceBasis.Unlabelled ? Basis
        : Source == EvidenceSource.OpenAnswer ? EvidenceBasis.SelfRated : EvidenceBasis.AutoGraded;
}

/// <summary>One dimension of a scorecard.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="BaseWeight">Its weight from <see cref="Dimensions.Weight"/>.</param>
/// <param name="EffectiveWeight">Its weight after renormalising over the assessed dimensions; 0 when not assessed.</param>
/// <param name="Rating">1–4 to one decimal, or null when there is no evidence ("not assessed").</param>
/// <param name="Evidence">The evidence rated.</param>
/// <param name="Signals">Signals spotted for this dimension.</param>
public sealed record DimensionScore(
    Dimension Dimension,
    decimal BaseWeight,
    decimal EffectiveWeight,
    decimal? Rating,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<ScorecardSignal> Signals)
{
    /// <summary>True when at least one piece of evidence rated this dimension.</summary>
    public bool Assessed => Rating is not null;

    /// <summary>The kinds of evidence behind the rating, in the order auto-graded, judged, self-rated, not answered.</summary>
    [JsonIgnore]
    public IReadOnlyList<EvidenceBasis> Bases => [.. Evidence.Select(e => e.ShownBasis).Distinct().Order()];
}

/// <summary>A completed scorecard.</summary>
/// <param name="Dimensions">Every dimension, in scorecard order, assessed or not.</param>
/// <param name="Overall">The weighted 1–4 score over assessed dimensions, or null when none was assessed.</param>
/// <param name="Recommendation">The call, or null when nothing was assessed.</param>
/// <param name="Reason">Why the call is what it is.</param>
public sealed record InterviewScorecard(IReadOnlyList<DimensionScore> Dimensions, decimal? Overall, Recommendation? Recommendation, string Reason)
{
    /// <summary>The dimensions with no evidence.</summary>
    public IEnumerable<DimensionScore> NotAssessed => Dimensions.Where(d => !d.Assessed);

    /// <summary>Weakness a not-assessed dimension gets in <see cref="WeaknessByDimension"/>: unknown, so in the middle.</summary>
    public const double UnassessedWeakness = 0.5;

    /// <summary>
    /// How weak each dimension looks, 0 (rated 4) to 1 (rated 1), as <c>(4 − rating) / 3</c>; a dimension not assessed
    /// gets <see cref="UnassessedWeakness"/>. This is the input the loop planner uses to favour weak dimensions next time.
    /// </summary>
    public IReadOnlyDictionary<Dimension, double> WeaknessByDimension() =>
        Dimensions.ToDictionary(d => d.Dimension, d => d.Rating is { } rating ? (4 - (double)rating) / 3.0 : UnassessedWeakness);
}

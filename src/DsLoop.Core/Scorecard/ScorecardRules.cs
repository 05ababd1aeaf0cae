using System.Globalization;

namespace DsLoop.Core.Scorecard;

/// <summary>
/// The documented rules that turn exercise results into a scorecard (docs/SCORECARD.md). Ratings live on the 1–4
/// scale and keep one decimal (halves round up), so no step rounds a split record down:
/// <list type="number">
/// <item>Auto-graded: a score <c>s</c> (0–1) rates 1 below 0.40, 2 below 0.60, 3 below 0.85 and 4 from 0.85; an
/// exercise left unanswered rates 1. Graded exactly, labelled auto-graded (an open question left blank is labelled
/// not answered).</item>
/// <item>Judged: an open answer's judge rating <c>j</c> (1–4; without one, <c>1 + 3 × coach score</c>) blended with the
/// self-rating <c>r</c> as <c>0.75 j + 0.25 r</c> (just <c>j</c> when the candidate never rated it).</item>
/// <item>Self-rated: an open answer no judge or coach could read rates the self-rating alone.</item>
/// <item>A dimension's rating is the weighted mean of its evidence, auto-graded evidence weighing 2 and open answers 1,
/// to one decimal. A dimension without evidence is not assessed.</item>
/// <item>The overall score is the mean of the assessed dimensions' ratings weighted by <see cref="Dimensions.Weight"/>,
/// with the weights renormalised to add up to 1 over the assessed dimensions.</item>
/// <item>The recommendation: Strong no below 2.00, No below 2.60, Yes below 3.30, Strong yes from 3.30; a dimension
/// rated below 1.5 caps it at No, and an off-topic answer caps it at Yes.</item>
/// </list>
/// Signals are listed on the scorecard for the reader and never change a number.
/// </summary>
public static class ScorecardRules
{
    /// <summary>Lowest score (inclusive) that rates 2, 3 and 4.</summary>
    public static readonly IReadOnlyList<double> ScoreBands = [0.40, 0.60, 0.85];

    /// <summary>How much an auto-graded result counts in a dimension's mean.</summary>
    public const int GradedWeight = 2;

    /// <summary>How much an open answer counts in a dimension's mean.</summary>
    public const int OpenAnswerWeight = 1;

    /// <summary>The judge's share of a judged answer's rating.</summary>
    public const decimal JudgeShare = 0.75m;

    /// <summary>The self-rating's share of a judged answer's rating.</summary>
    public const decimal SelfShare = 0.25m;

    /// <summary>Lowest overall score (inclusive) for No.</summary>
    public const decimal NoFrom = 2.00m;

    /// <summary>Lowest overall score (inclusive) for Yes.</summary>
    public const decimal YesFrom = 2.60m;

    /// <summary>Lowest overall score (inclusive) for Strong yes.</summary>
    public const decimal StrongYesFrom = 3.30m;

    /// <summary>An assessed dimension rated below this (nearer 1 than 2) caps the call at No.</summary>
    public const decimal CapAtNoBelow = 1.5m;

    /// <summary>Rates a 0–1 grader score 1–4 by <see cref="ScoreBands"/>.</summary>
    public static int RateScore(double score)
    {
        if (double.IsNaN(score) || score < 0 || score > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "A score must be between 0 and 1.");
        }
        return 1 + ScoreBands.Count(band => score >= band);
    }

    /// <summary>Rounds a rating to one decimal, halves up (2.25 → 2.3, 2.35 → 2.4), so no split record is pushed down.</summary>
    public static decimal RoundRating(decimal rating) => Math.Round(rating, 1, MidpointRounding.AwayFromZero);

    /// <summary>The judge's 1–4 rating, or <c>1 + 3 × coach score</c> when the answer was only coached.</summary>
    public static decimal JudgeRating(double coachScore, double? judgeRating)
    {
        var rating = judgeRating ?? (1 + (3 * coachScore));
        if (double.IsNaN(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(judgeRating), judgeRating, "A rating must be a number.");
        }
        return (decimal)Math.Clamp(rating, 1, 4);
    }

    /// <summary>Rates a judged open answer: <c>0.75 × judge + 0.25 × self-rating</c> to one decimal, or the judge alone without a self-rating.</summary>
    public static decimal RateOpenAnswer(decimal judge, int? selfRating)
    {
        if (judge is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(judge), judge, "A judge rating is 1 to 4.");
        }
        CheckSelfRating(selfRating);
        return RoundRating(selfRating is { } self ? (JudgeShare * judge) + (SelfShare * self) : judge);
    }

    /// <summary>The weighted mean of evidence ratings to one decimal (halves up); null without evidence.</summary>
    public static decimal? RateDimension(IEnumerable<EvidenceItem> evidence)
    {
        var list = evidence.ToList();
        var totalWeight = list.Sum(e => e.Weight);
        if (totalWeight == 0)
        {
            return null;
        }
        return RoundRating(list.Sum(e => e.Rating * e.Weight) / totalWeight);
    }

    /// <summary>The call for an overall score: a dimension rated below <see cref="CapAtNoBelow"/> caps it at No, an off-topic answer at Yes.</summary>
    public static Recommendation Recommend(decimal overall, bool anyDimensionRatedOne, bool anyOffTopicAnswer = false)
    {
        var call = Uncapped(overall);
        if (anyDimensionRatedOne && call > Recommendation.No)
        {
            call = Recommendation.No;
        }
        return anyOffTopicAnswer && call > Recommendation.Yes ? Recommendation.Yes : call;
    }

    private static Recommendation Uncapped(decimal overall) =>
        overall < NoFrom ? Recommendation.StrongNo
        : overall < YesFrom ? Recommendation.No
        : overall < StrongYesFrom ? Recommendation.Yes
        : Recommendation.StrongYes;

    /// <summary>Rates one open answer as scorecard evidence, or null when nothing rates it (no judge, no coach, no self-rating).</summary>
    public static EvidenceItem? Evidence(OpenAnswerResult answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        CheckSelfRating(answer.SelfRating);
        if (answer.Unanswered)
        {
            return new EvidenceItem(answer.ItemId, answer.Title, EvidenceSource.OpenAnswer, 1m, OpenAnswerWeight, EvidenceBasis.NotAnswered,
                "not answered when the round closed");
        }
        if (answer.JudgeRating is null && answer.CoachScore is null)
        {
            return answer.SelfRating is { } self
                ? new EvidenceItem(answer.ItemId, answer.Title, EvidenceSource.OpenAnswer, self, OpenAnswerWeight, EvidenceBasis.SelfRated,
                    string.Create(CultureInfo.InvariantCulture, $"self-rating {self} only (no judge read the answer)"))
                : null;
        }
        var judge = JudgeRating(answer.CoachScore ?? 0, answer.JudgeRating);
        var rating = RateOpenAnswer(judge, answer.SelfRating);
        var source = answer.JudgeRating is null
            ? string.Create(CultureInfo.InvariantCulture, $"coach {answer.CoachScore:0.00} → {judge:0.00}")
            : string.Create(CultureInfo.InvariantCulture, $"judge {judge:0.0#}");
        var detail = answer.SelfRating is { } given
            ? string.Create(CultureInfo.InvariantCulture, $"{source} × 0.75 + self-rating {given} × 0.25")
            : $"{source}, not self-rated";
        return new EvidenceItem(answer.ItemId, answer.Title, EvidenceSource.OpenAnswer, rating, OpenAnswerWeight, EvidenceBasis.Judged,
            answer.OffTopic ? detail + "; off the question" : detail)
        { OffTopic = answer.OffTopic };
    }

    /// <summary>Builds a scorecard from graded results, open answers and signals.</summary>
    public static InterviewScorecard Build(
        IEnumerable<GradedResult> graded,
        IEnumerable<OpenAnswerResult> openAnswers,
        IEnumerable<ScorecardSignal>? signals = null)
    {
        ArgumentNullException.ThrowIfNull(graded);
        ArgumentNullException.ThrowIfNull(openAnswers);
        var evidence = new List<(Dimension Dimension, EvidenceItem Item)>();
        foreach (var result in graded)
        {
            if (result.Source == EvidenceSource.OpenAnswer)
            {
                throw new ArgumentException($"'{result.ItemId}' is an open answer; pass it as an {nameof(OpenAnswerResult)}.", nameof(graded));
            }
            var rating = RateScore(result.Score);
            var item = new EvidenceItem(result.ItemId, result.Title, result.Source, rating, GradedWeight, EvidenceBasis.AutoGraded,
                string.Create(CultureInfo.InvariantCulture, $"graded score {result.Score:0.00} → {rating}"));
            evidence.AddRange(result.Dimensions.Distinct().Select(d => (d, item)));
        }
        foreach (var answer in openAnswers)
        {
            if (Evidence(answer) is { } item)
            {
                evidence.AddRange(answer.Dimensions.Distinct().Select(d => (d, item)));
            }
        }
        var signalList = (signals ?? []).ToList();

        var rated = Dimensions.All.Select(d =>
        {
            var items = evidence.Where(e => e.Dimension == d).Select(e => e.Item).ToList();
            return (Dimension: d, Items: items, Rating: RateDimension(items));
        }).ToList();
        var assessedWeight = rated.Where(r => r.Rating is not null).Sum(r => Dimensions.Weight(r.Dimension));
        var scores = rated.Select(r => new DimensionScore(
            r.Dimension,
            Dimensions.Weight(r.Dimension),
            r.Rating is null ? 0m : Dimensions.Weight(r.Dimension) / assessedWeight,
            r.Rating,
            r.Items,
            [.. signalList.Where(s => s.Dimension == r.Dimension)])).ToList();

        if (assessedWeight == 0)
        {
            return new InterviewScorecard(scores, null, null, "No dimension was assessed, so there is no recommendation.");
        }
        var overall = scores.Where(s => s.Assessed).Sum(s => Dimensions.Weight(s.Dimension) * s.Rating!.Value) / assessedWeight;
        var low = scores.Where(s => s.Rating < CapAtNoBelow).ToList();
        var offTopic = scores.Where(s => s.Assessed).SelectMany(s => s.Evidence).Where(e => e.OffTopic).DistinctBy(e => e.ItemId).ToList();
        var recommendation = Recommend(overall, low.Count > 0, offTopic.Count > 0);
        var uncapped = Uncapped(overall);
        var reason = string.Create(CultureInfo.InvariantCulture, $"Rated over {scores.Count(s => s.Assessed)} assessed dimension(s)");
        if (low.Count > 0 && uncapped > Recommendation.No)
        {
            reason += string.Create(CultureInfo.InvariantCulture,
                $"; capped at No because {string.Join(" and ", low.Select(s => $"{Dimensions.DisplayName(s.Dimension)} is rated {s.Rating:0.0}"))}");
        }
        else if (offTopic.Count > 0 && uncapped > Recommendation.Yes)
        {
            reason += $"; capped at Yes because an answer was off the question ({string.Join(", ", offTopic.Select(e => e.Title))})";
        }
        return new InterviewScorecard(scores, overall, recommendation, reason + ".");
    }

    private static void CheckSelfRating(int? selfRating)
    {
        if (selfRating is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(selfRating), selfRating, "A self-rating must be 1 (Again) to 4 (Easy).");
        }
    }

    /// <summary>The display name of a recommendation.</summary>
    public static string DisplayName(Recommendation recommendation) => recommendation switch
    {
        Recommendation.StrongNo => "Strong no",
        Recommendation.No => "No",
        Recommendation.Yes => "Yes",
        Recommendation.StrongYes => "Strong yes",
        _ => throw new ArgumentOutOfRangeException(nameof(recommendation), recommendation, "Unknown recommendation."),
    };

    /// <summary>The display name of a 1–4 rating, e.g. "3.2 – meets the bar" (the words of the nearest whole rating).</summary>
    public static string RatingName(decimal rating) => string.Create(CultureInfo.InvariantCulture, $"{rating:0.0} – ") + (Math.Round(rating, MidpointRounding.AwayFromZero) switch
    {
        1 => "well below the bar",
        2 => "below the bar",
        3 => "meets the bar",
        4 => "above the bar",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 4."),
    });

    /// <summary>The display name of what a piece of evidence rests on.</summary>
    public static string DisplayName(EvidenceBasis basis) => basis switch
    {
        EvidenceBasis.AutoGraded => "auto-graded",
        EvidenceBasis.Judged => "judged",
        EvidenceBasis.SelfRated => "self-rated",
        EvidenceBasis.NotAnswered => "not answered",
        EvidenceBasis.Unlabelled => "unlabelled",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown evidence basis."),
    };

    /// <summary>The display name of a signal kind.</summary>
    public static string DisplayName(SignalKind kind) => kind switch
    {
        SignalKind.Strong => "strong signal",
        SignalKind.Weak => "weak signal",
        SignalKind.RedFlag => "red flag",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown signal kind."),
    };
}

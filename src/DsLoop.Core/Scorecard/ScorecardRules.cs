using System.Globalization;

namespace DsLoop.Core.Scorecard;

/// <summary>
/// The documented rules that turn exercise results into a scorecard (docs/SCORECARD.md):
/// <list type="number">
/// <item>An auto-graded score <c>s</c> (0–1) rates 1 below 0.40, 2 below 0.60, 3 below 0.85 and 4 from 0.85.</item>
/// <item>An open answer's coach score is banded the same way; the answer rates the mean of that band and the
/// candidate's self-rating (1–4), rounded down, and is marked self-assessed.</item>
/// <item>A dimension's rating is the weighted mean of its evidence ratings, auto-graded evidence weighing 2 and
/// open answers 1, rounded to the nearest whole number with halves rounding down. A dimension without evidence
/// is not assessed.</item>
/// <item>The overall score is the mean of the assessed dimensions' ratings weighted by <see cref="Dimensions.Weight"/>,
/// with the weights renormalised to add up to 1 over the assessed dimensions.</item>
/// <item>The recommendation: Strong no below 2.00, No below 2.60, Yes below 3.30, Strong yes from 3.30; but any
/// assessed dimension rated 1 caps it at No.</item>
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

    /// <summary>Lowest overall score (inclusive) for No.</summary>
    public const decimal NoFrom = 2.00m;

    /// <summary>Lowest overall score (inclusive) for Yes.</summary>
    public const decimal YesFrom = 2.60m;

    /// <summary>Lowest overall score (inclusive) for Strong yes.</summary>
    public const decimal StrongYesFrom = 3.30m;

    /// <summary>Rates a 0–1 grader score 1–4 by <see cref="ScoreBands"/>.</summary>
    public static int RateScore(double score)
    {
        if (double.IsNaN(score) || score < 0 || score > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "A score must be between 0 and 1.");
        }
        return 1 + ScoreBands.Count(band => score >= band);
    }

    /// <summary>Rates an open answer: the mean of the banded coach score and the self-rating, rounded down.</summary>
    public static int RateOpenAnswer(double coachScore, int selfRating)
    {
        if (selfRating is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(selfRating), selfRating, "A self-rating must be 1 (Again) to 4 (Easy).");
        }
        return (RateScore(coachScore) + selfRating) / 2;
    }

    /// <summary>The weighted mean of evidence ratings, rounded to nearest with halves down; null without evidence.</summary>
    public static int? RateDimension(IEnumerable<EvidenceItem> evidence)
    {
        var list = evidence.ToList();
        var totalWeight = list.Sum(e => e.Weight);
        if (totalWeight == 0)
        {
            return null;
        }
        var mean = (decimal)list.Sum(e => e.Rating * e.Weight) / totalWeight;
        return (int)Math.Ceiling(mean - 0.5m);
    }

    /// <summary>The call for an overall score; a dimension rated 1 caps the call at No.</summary>
    public static Recommendation Recommend(decimal overall, bool anyDimensionRatedOne)
    {
        var call = overall < NoFrom ? Recommendation.StrongNo
            : overall < YesFrom ? Recommendation.No
            : overall < StrongYesFrom ? Recommendation.Yes
            : Recommendation.StrongYes;
        return anyDimensionRatedOne && call > Recommendation.No ? Recommendation.No : call;
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
            var item = new EvidenceItem(result.ItemId, result.Title, result.Source, RateScore(result.Score), GradedWeight, false,
                string.Create(CultureInfo.InvariantCulture, $"graded score {result.Score:0.00}"));
            evidence.AddRange(result.Dimensions.Distinct().Select(d => (d, item)));
        }
        foreach (var answer in openAnswers)
        {
            var item = new EvidenceItem(answer.ItemId, answer.Title, EvidenceSource.OpenAnswer, RateOpenAnswer(answer.CoachScore, answer.SelfRating),
                OpenAnswerWeight, true, string.Create(CultureInfo.InvariantCulture, $"coach score {answer.CoachScore:0.00}, self-rating {answer.SelfRating}"));
            evidence.AddRange(answer.Dimensions.Distinct().Select(d => (d, item)));
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
        var anyOne = scores.Any(s => s.Rating == 1);
        var recommendation = Recommend(overall, anyOne);
        var reason = string.Create(CultureInfo.InvariantCulture, $"Weighted score {overall:0.00} over {scores.Count(s => s.Assessed)} assessed dimension(s)");
        reason += anyOne && Recommend(overall, false) > Recommendation.No
            ? "; capped at No because a dimension is rated 1."
            : ".";
        return new InterviewScorecard(scores, overall, recommendation, reason);
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

    /// <summary>The display name of a 1–4 rating.</summary>
    public static string RatingName(int rating) => rating switch
    {
        1 => "1 – well below the bar",
        2 => "2 – below the bar",
        3 => "3 – meets the bar",
        4 => "4 – above the bar",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 4."),
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

namespace DsLoop.Core.Scheduling;

/// <summary>
/// The FSRS-6 spaced-repetition scheduler (Free Spaced Repetition Scheduler, open-spaced-repetition),
/// written from its published formulas. It reproduces the reference implementation's test trajectories;
/// see tests/DsLoop.Core.Tests/Scheduling and docs/SCHEDULING.md.
/// </summary>
public sealed class FsrsScheduler
{
    private const double MinStability = 0.001;
    private const double MinDifficulty = 1.0;
    private const double MaxDifficulty = 10.0;

    private readonly FsrsSettings _settings;
    private readonly double[] _w;
    private readonly double _decay;
    private readonly double _factor;

    /// <summary>Creates a scheduler.</summary>
    /// <exception cref="ArgumentException">The settings are out of range.</exception>
    public FsrsScheduler(FsrsSettings? settings = null)
    {
        _settings = settings ?? new FsrsSettings();
        if (_settings.Weights.Count != 21)
        {
            throw new ArgumentException($"FSRS-6 needs 21 weights, got {_settings.Weights.Count}.", nameof(settings));
        }
        if (_settings.DesiredRetention is <= 0 or >= 1)
        {
            throw new ArgumentException($"Desired retention must be between 0 and 1, got {_settings.DesiredRetention}.", nameof(settings));
        }
        if (_settings.Weights[20] is < 0.1 or > 0.8)
        {
            throw new ArgumentException($"Weight w20 (decay) must be in [0.1, 0.8], got {_settings.Weights[20]}.", nameof(settings));
        }
        _w = [.. _settings.Weights];
        _decay = -_w[20];
        _factor = Math.Pow(0.9, 1 / _decay) - 1;
    }

    /// <summary>The probability of recalling the card at <paramref name="at"/> (0 for a card never reviewed).</summary>
    public double Retrievability(FsrsCard card, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.LastReview is not { } last || card.Stability is not { } stability)
        {
            return 0;
        }
        var elapsedDays = Math.Max(0, WholeDays(at - last));
        return Math.Pow(1 + (_factor * elapsedDays / stability), _decay);
    }

    /// <summary>
    /// Applies one review. <paramref name="random"/> draws the fuzz when fuzzing is on; pass a seeded one for
    /// reproducible schedules.
    /// </summary>
    public FsrsCard Review(FsrsCard card, ReviewRating rating, DateTimeOffset at, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (!Enum.IsDefined(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "Rating must be Again, Hard, Good or Easy.");
        }
        var daysSinceLast = card.LastReview is { } last ? WholeDays(at - last) : (int?)null;
        var sameDay = daysSinceLast is < 1;

        double stability, difficulty;
        if (card.Stability is not { } s || card.Difficulty is not { } d)
        {
            stability = InitialStability(rating);
            difficulty = Math.Clamp(InitialDifficulty(rating), MinDifficulty, MaxDifficulty);
        }
        else
        {
            stability = sameDay ? ShortTermStability(s, rating) : NextStability(d, s, Retrievability(card, at), rating);
            difficulty = NextDifficulty(d, rating);
        }

        var (state, step, interval) = card.State switch
        {
            CardState.Review => rating == ReviewRating.Again && _settings.RelearningSteps.Count > 0
                ? (CardState.Relearning, (int?)0, _settings.RelearningSteps[0])
                : (CardState.Review, null, Days(stability)),
            CardState.Learning => NextStep(_settings.LearningSteps, card.Step ?? 0, rating, stability, CardState.Learning),
            _ => NextStep(_settings.RelearningSteps, card.Step ?? 0, rating, stability, CardState.Relearning),
        };

        if (_settings.EnableFuzzing && state == CardState.Review)
        {
            interval = Fuzz(interval, random ?? Random.Shared);
        }
        return new FsrsCard(state, step, stability, difficulty, at + interval, at);
    }

    private (CardState, int?, TimeSpan) NextStep(IReadOnlyList<TimeSpan> steps, int step, ReviewRating rating, double stability, CardState stepping)
    {
        // A card that is past the last step (the steps were shortened since) graduates on any pass.
        if (steps.Count == 0 || (step >= steps.Count && rating != ReviewRating.Again))
        {
            return (CardState.Review, null, Days(stability));
        }
        return rating switch
        {
            ReviewRating.Again => (stepping, 0, steps[0]),
            ReviewRating.Hard => (stepping, step, step == 0
                ? (steps.Count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2)
                : steps[step]),
            ReviewRating.Good when step + 1 < steps.Count => (stepping, step + 1, steps[step + 1]),
            _ => (CardState.Review, null, Days(stability)),
        };
    }

    private TimeSpan Days(double stability) => TimeSpan.FromDays(NextIntervalDays(stability));

    /// <summary>Whole days until recall probability falls to the desired retention (at least 1).</summary>
    public int NextIntervalDays(double stability)
    {
        var days = stability / _factor * (Math.Pow(_settings.DesiredRetention, 1 / _decay) - 1);
        // Round half to even, as the reference does.
        return (int)Math.Clamp(Math.Round(days, MidpointRounding.ToEven), 1, _settings.MaximumInterval);
    }

    private double InitialStability(ReviewRating rating) => Math.Max(_w[(int)rating - 1], MinStability);

    private double InitialDifficulty(ReviewRating rating) => _w[4] - Math.Exp(_w[5] * ((int)rating - 1)) + 1;

    private double ShortTermStability(double stability, ReviewRating rating)
    {
        var increase = Math.Exp(_w[17] * ((int)rating - 3 + _w[18])) * Math.Pow(stability, -_w[19]);
        if (rating is ReviewRating.Good or ReviewRating.Easy)
        {
            increase = Math.Max(increase, 1.0);
        }
        return Math.Max(stability * increase, MinStability);
    }

    private double NextDifficulty(double difficulty, ReviewRating rating)
    {
        var delta = -(_w[6] * ((int)rating - 3));
        // Linear damping: the closer to 10, the smaller the step up.
        var damped = difficulty + ((10.0 - difficulty) * delta / 9.0);
        var reverted = (_w[7] * InitialDifficulty(ReviewRating.Easy)) + ((1 - _w[7]) * damped);
        return Math.Clamp(reverted, MinDifficulty, MaxDifficulty);
    }

    private double NextStability(double difficulty, double stability, double retrievability, ReviewRating rating)
    {
        var next = rating == ReviewRating.Again
            ? Math.Min(
                _w[11] * Math.Pow(difficulty, -_w[12]) * (Math.Pow(stability + 1, _w[13]) - 1) * Math.Exp((1 - retrievability) * _w[14]),
                stability / Math.Exp(_w[17] * _w[18]))
            : stability * (1 + (Math.Exp(_w[8]) * (11 - difficulty) * Math.Pow(stability, -_w[9])
                * (Math.Exp((1 - retrievability) * _w[10]) - 1)
                * (rating == ReviewRating.Hard ? _w[15] : 1)
                * (rating == ReviewRating.Easy ? _w[16] : 1)));
        return Math.Max(next, MinStability);
    }

    private static readonly (double Start, double End, double Factor)[] FuzzRanges =
        [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, double.PositiveInfinity, 0.05)];

    private TimeSpan Fuzz(TimeSpan interval, Random random)
    {
        var days = WholeDays(interval);
        if (days < 2.5)
        {
            return interval;
        }
        var delta = 1.0 + FuzzRanges.Sum(r => r.Factor * Math.Max(Math.Min(days, r.End) - r.Start, 0.0));
        var max = Math.Min((int)Math.Round(days + delta, MidpointRounding.ToEven), _settings.MaximumInterval);
        var min = Math.Min(Math.Max(2, (int)Math.Round(days - delta, MidpointRounding.ToEven)), max);
        var fuzzed = (random.NextDouble() * (max - min + 1)) + min;
        return TimeSpan.FromDays(Math.Min((int)Math.Round(fuzzed, MidpointRounding.ToEven), _settings.MaximumInterval));
    }

    // Whole days elapsed, rounded down, as a calendar-free day count.
    private static int WholeDays(TimeSpan span) => (int)Math.Floor(span.TotalDays);
}

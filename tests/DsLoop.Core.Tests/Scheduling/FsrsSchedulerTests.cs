using DsLoop.Core.Scheduling;
using Xunit;

namespace DsLoop.Core.Tests.Scheduling;

/// <summary>
/// FSRS-6 against the reference implementation's published behaviour (py-fsrs 6 test-suite values:
/// the Good×6, Again×2, Good×5 interval trajectory; the memory state after a fixed review history;
/// difficulty bottoming out after repeated Easy), reproduced here as our own tests.
/// </summary>
public sealed class FsrsSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2022, 11, 29, 12, 30, 0, TimeSpan.Zero);
    private static readonly FsrsScheduler NoFuzz = new(new FsrsSettings { EnableFuzzing = false });

    [Fact]
    public void Reference_trajectory_good_six_again_two_good_five_gives_published_intervals()
    {
        ReviewRating[] ratings =
        [
            ReviewRating.Good, ReviewRating.Good, ReviewRating.Good, ReviewRating.Good, ReviewRating.Good, ReviewRating.Good,
            ReviewRating.Again, ReviewRating.Again,
            ReviewRating.Good, ReviewRating.Good, ReviewRating.Good, ReviewRating.Good, ReviewRating.Good,
        ];
        var card = FsrsCard.New(Start);
        var at = Start;
        var intervals = new List<int>();
        foreach (var rating in ratings)
        {
            card = NoFuzz.Review(card, rating, at);
            intervals.Add((int)Math.Floor((card.Due - card.LastReview!.Value).TotalDays));
            at = card.Due;
        }
        Assert.Equal([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21], intervals);
    }

    [Fact]
    public void Memory_state_after_again_then_five_goods_matches_reference()
    {
        ReviewRating[] ratings = [ReviewRating.Again, ReviewRating.Good, ReviewRating.Good, ReviewRating.Good, ReviewRating.Good, ReviewRating.Good];
        int[] dayOffsets = [0, 0, 1, 3, 8, 21];
        var scheduler = new FsrsScheduler();
        var card = FsrsCard.New(Start);
        var at = Start;
        for (var i = 0; i < ratings.Length; i++)
        {
            at = at.AddDays(dayOffsets[i]);
            card = scheduler.Review(card, ratings[i], at, new Random(i));
        }
        Assert.Equal(53.62691, card.Stability!.Value, 4);
        Assert.Equal(6.3574867, card.Difficulty!.Value, 5);
    }

    [Fact]
    public void Repeated_easy_reviews_drive_difficulty_to_its_floor()
    {
        var card = FsrsCard.New(Start);
        for (var i = 0; i < 10; i++)
        {
            card = NoFuzz.Review(card, ReviewRating.Easy, Start.AddTicks(i * 10));
        }
        Assert.Equal(1.0, card.Difficulty);
    }

    [Fact]
    public void First_review_sets_initial_difficulty_stability_and_state_per_rating()
    {
        var outcomes = Enum.GetValues<ReviewRating>().Select(r => NoFuzz.Review(FsrsCard.New(Start), r, Start)).ToList();
        Assert.Equal([6.4133, 5.11217071, 2.11810397, 1.0], outcomes.Select(c => Math.Round(c.Difficulty!.Value, 8)));
        Assert.Equal([0.212, 1.2931, 2.3065, 8.2956], outcomes.Select(c => c.Stability!.Value));
        Assert.Equal([CardState.Learning, CardState.Learning, CardState.Learning, CardState.Review], outcomes.Select(c => c.State));
        // Again → first step (1 min); Hard → between the two steps (5.5 min); Good → second step (10 min); Easy → 8 days.
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5.5), TimeSpan.FromMinutes(10), TimeSpan.FromDays(8)],
            outcomes.Select(c => c.Due - Start));
    }

    [Fact]
    public void Retrievability_is_ninety_percent_after_one_stability_of_days()
    {
        var card = new FsrsCard(CardState.Review, null, 12, 5, Start.AddDays(12), Start);
        Assert.Equal(0.9, NoFuzz.Retrievability(card, Start.AddDays(12)), 12);
        Assert.True(NoFuzz.Retrievability(card, Start.AddDays(30)) < 0.9);
        Assert.Equal(1.0, NoFuzz.Retrievability(card, Start), 12);
        Assert.Equal(0, NoFuzz.Retrievability(FsrsCard.New(Start), Start));
        Assert.Equal(12, NoFuzz.NextIntervalDays(12));
    }

    [Fact]
    public void Lapse_in_review_goes_to_relearning_with_lower_stability()
    {
        var review = new FsrsCard(CardState.Review, null, 30, 5, Start.AddDays(30), Start);
        var lapsed = NoFuzz.Review(review, ReviewRating.Again, Start.AddDays(30));
        Assert.Equal(CardState.Relearning, lapsed.State);
        Assert.Equal(TimeSpan.FromMinutes(10), lapsed.Due - lapsed.LastReview!.Value);
        Assert.True(lapsed.Stability < 30);
        Assert.True(lapsed.Difficulty > 5);
    }

    [Fact]
    public void Fuzz_stays_within_its_range_and_is_reproducible_with_a_seed()
    {
        var fuzzy = new FsrsScheduler();
        var review = new FsrsCard(CardState.Review, null, 40, 5, Start.AddDays(40), Start);
        var plain = NoFuzz.Review(review, ReviewRating.Good, Start.AddDays(40));
        var plainDays = (plain.Due - plain.LastReview!.Value).TotalDays;
        var seen = new HashSet<double>();
        for (var seed = 0; seed < 200; seed++)
        {
            var fuzzed = fuzzy.Review(review, ReviewRating.Good, Start.AddDays(40), new Random(seed));
            var days = (fuzzed.Due - fuzzed.LastReview!.Value).TotalDays;
            var delta = 1 + (0.15 * 4.5) + (0.1 * 13) + (0.05 * (plainDays - 20));
            // As in the reference, the draw spans (max - min + 1) days before rounding, so the top can land one day past max.
            Assert.InRange(days, Math.Round(plainDays - delta), Math.Round(plainDays + delta) + 1);
            seen.Add(days);
            Assert.Equal(fuzzed, fuzzy.Review(review, ReviewRating.Good, Start.AddDays(40), new Random(seed)));
        }
        Assert.True(seen.Count > 3, "fuzz should spread intervals");
    }

    [Fact]
    public void Invalid_settings_are_refused_with_the_reason()
    {
        var wrongCount = Assert.Throws<ArgumentException>(() => new FsrsScheduler(new FsrsSettings { Weights = [1, 2, 3] }));
        Assert.Contains("21 weights, got 3", wrongCount.Message, StringComparison.Ordinal);
        var retention = Assert.Throws<ArgumentException>(() => new FsrsScheduler(new FsrsSettings { DesiredRetention = 1.2 }));
        Assert.Contains("between 0 and 1", retention.Message, StringComparison.Ordinal);
    }
}

using DsLoop.App.Practice;
using Xunit;

namespace DsLoop.App.Tests.Practice;

public sealed class ReviewSchedulingTests
{
    [Fact]
    public void Fuzz_seed_is_the_same_in_every_process_for_the_same_user_item_and_moment()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000);
        // Pinned: HashCode.Combine would give another value in every process, so this number could not be written down.
        Assert.Equal(ReviewScheduling.FuzzSeed("user-1", "onboarding-test-sample-size", at), ReviewScheduling.FuzzSeed("user-1", "onboarding-test-sample-size", at));
        Assert.Equal(Pinned, ReviewScheduling.FuzzSeed("user-1", "onboarding-test-sample-size", at));
        Assert.NotEqual(ReviewScheduling.FuzzSeed("user-2", "onboarding-test-sample-size", at), ReviewScheduling.FuzzSeed("user-1", "onboarding-test-sample-size", at));
        Assert.NotEqual(ReviewScheduling.FuzzSeed("user-1", "onboarding-test-sample-size", at.AddMilliseconds(1)), ReviewScheduling.FuzzSeed("user-1", "onboarding-test-sample-size", at));
    }

    private const int Pinned = 598_685_142;
}

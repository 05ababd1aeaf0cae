using DsLoop.App.Planners;
using Xunit;

namespace DsLoop.App.Tests.Planners;

public sealed class CompensationPlannerTests
{
    [Fact]
    public void Compensation_target_sits_up_the_median_band_and_moves_with_each_leverage_point()
    {
        var ranges = new[] { new ResearchedRange("site A", 160, 200), new ResearchedRange("posting", 170, 210), new ResearchedRange("survey", 150, 190) };
        var none = CompensationPlanner.Plan(ranges, "senior", "Seattle", [])!;
        Assert.Equal((160m, 200m), (none.MarketLow, none.MarketHigh));
        Assert.Equal((180m, 200m), (none.TargetLow, none.TargetHigh));
        Assert.Contains("Senior Data Scientist roles in Seattle", none.Statement, StringComparison.Ordinal);
        Assert.Contains("$180k and $200k", none.Statement, StringComparison.Ordinal);
        Assert.Empty(none.Warnings);

        var two = CompensationPlanner.Plan(ranges, "senior", "Seattle", ["mlops-ownership", "proven-impact", "unknown"])!;
        // Floor at 0.7 of the band: 160 + 28 = 188 → 190; ceiling 200 × 1.05 = 210.
        Assert.Equal((190m, 210m), (two.TargetLow, two.TargetHigh));
        Assert.Equal(["mlops-ownership", "proven-impact"], two.Leverage.Select(l => l.Id));
    }

    [Fact]
    public void Compensation_planner_needs_one_valid_range_and_warns_about_thin_or_conflicting_research()
    {
        Assert.Null(CompensationPlanner.Plan([new ResearchedRange("x", 0, 0)], "ds", "", []));
        Assert.Null(CompensationPlanner.Plan([new ResearchedRange("x", 200, 100)], "ds", "", []));
        var thin = CompensationPlanner.Plan([new ResearchedRange("x", 100, 130), new ResearchedRange("y", 200, 100)], "ds", "", [])!;
        Assert.Contains(thin.Warnings, w => w.Contains("left out", StringComparison.Ordinal));
        Assert.Contains(thin.Warnings, w => w.Contains("One source", StringComparison.Ordinal));
        var conflicting = CompensationPlanner.Plan([new ResearchedRange("x", 100, 120), new ResearchedRange("y", 150, 200)], "ds", "", [])!;
        Assert.Contains(conflicting.Warnings, w => w.Contains("disagree", StringComparison.Ordinal));
    }
}

using DsLoop.App.Planners;
using Xunit;

namespace DsLoop.App.Tests.Planners;

public sealed class CompensationPlannerTests
{
    private static readonly ResearchedRange[] ThreeSources = [new("site A", 160, 200), new("posting", 170, 210), new("survey", 150, 190)];

    private static Dictionary<string, string> Claims(params (string Id, string Evidence)[] claims) => claims.ToDictionary(c => c.Id, c => c.Evidence);

    [Fact]
    public void Compensation_target_sits_up_the_median_band_and_moves_with_each_leverage_point_backed_by_evidence()
    {
        var none = CompensationPlanner.Plan(ThreeSources, "senior", "Seattle", Claims())!;
        Assert.Equal((160m, 200m), (none.MarketLow, none.MarketHigh));
        Assert.Equal((180m, 200m), (none.TargetLow, none.TargetHigh));
        Assert.Contains("Senior Data Scientist roles in Seattle", none.Statement, StringComparison.Ordinal);
        Assert.Contains("$180k and $200k", none.Statement, StringComparison.Ordinal);
        Assert.Null(none.TotalLow);
        Assert.Empty(none.Warnings);

        var two = CompensationPlanner.Plan(ThreeSources, "senior", "Seattle",
            Claims(("mlops-ownership", "I ran our fraud model's retraining for two years"), ("proven-impact", "Search ranking: +3% bookings in a holdout."), ("unknown", "x")))!;
        // Floor at 0.7 of the band: 160 + 28 = 188 → 190; ceiling 200 × 1.05 = 210.
        Assert.Equal((190m, 210m), (two.TargetLow, two.TargetHigh));
        Assert.Equal(["mlops-ownership", "proven-impact"], two.Leverage.Select(l => l.Point.Id));
        Assert.EndsWith("I ran our fraud model's retraining for two years.", two.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recruiter_sentence_says_only_what_the_candidate_wrote()
    {
        var ticked = CompensationPlanner.Plan(ThreeSources, "ds", "Austin", Claims(("experimentation-depth", "  ")))!;
        Assert.Equal((180m, 200m), (ticked.TargetLow, ticked.TargetHigh));
        Assert.Empty(ticked.Leverage);
        Assert.Contains(ticked.Warnings, w => w.Contains("without evidence", StringComparison.Ordinal));
        foreach (var point in CompensationPlanner.LeveragePoints)
        {
            Assert.DoesNotContain(point.Example, ticked.Statement, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("standards", ticked.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Bonus_and_equity_give_a_whole_package_range_in_the_sentence()
    {
        var plan = CompensationPlanner.Plan(ThreeSources, "senior", "Seattle", Claims(), new PackageResearch(10, 40, 80))!;
        // 180 × 1.10 + 40 = 238 → 240; 200 × 1.10 + 80 = 300.
        Assert.Equal((240m, 300m), (plan.TotalLow, plan.TotalHigh));
        Assert.Contains("With a 10% target bonus and equity of $40k to $80k a year that I found for this level, that is about $240k to $300k a year in total.", plan.Statement, StringComparison.Ordinal);

        var equityOnly = CompensationPlanner.Plan(ThreeSources, "senior", "Seattle", Claims(), new PackageResearch(null, 50, 50))!;
        Assert.Equal((230m, 250m), (equityOnly.TotalLow, equityOnly.TotalHigh));
        Assert.Contains("equity of about $50k a year", equityOnly.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Compensation_planner_needs_one_valid_range_and_warns_about_thin_or_conflicting_research()
    {
        Assert.Null(CompensationPlanner.Plan([new ResearchedRange("x", 0, 0)], "ds", "", Claims()));
        Assert.Null(CompensationPlanner.Plan([new ResearchedRange("x", 200, 100)], "ds", "", Claims()));
        var thin = CompensationPlanner.Plan([new ResearchedRange("x", 100, 130), new ResearchedRange("y", 200, 100)], "ds", "", Claims())!;
        Assert.Contains(thin.Warnings, w => w.Contains("left out", StringComparison.Ordinal));
        Assert.Contains(thin.Warnings, w => w.Contains("One source", StringComparison.Ordinal));
        var conflicting = CompensationPlanner.Plan([new ResearchedRange("x", 100, 120), new ResearchedRange("y", 150, 200)], "ds", "", Claims())!;
        Assert.Contains(conflicting.Warnings, w => w.Contains("disagree", StringComparison.Ordinal));
    }
}

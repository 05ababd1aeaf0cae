using System.Globalization;

namespace DsLoop.App.Planners;

/// <summary>A base-salary range the candidate found, with where it came from (in thousands of US dollars a year).</summary>
public sealed record ResearchedRange(string Source, decimal Low, decimal High);

/// <summary>Something that justifies asking for the upper part of a band, and how to say it.</summary>
public sealed record LeveragePoint(string Id, string Name, string When, string Say);

/// <summary>The planner's result.</summary>
public sealed record CompensationPlan(
    decimal MarketLow, decimal MarketHigh, decimal TargetLow, decimal TargetHigh, string Statement,
    IReadOnlyList<LeveragePoint> Leverage, IReadOnlyList<ResearchedRange> Used, IReadOnlyList<string> Warnings);

/// <summary>
/// The compensation planner: no live data, only the ranges the candidate researched. The rules (docs/SCORECARD.md,
/// "Planners"): the market band runs from the median of the researched lows to the median of the highs; the target's
/// floor sits at <c>0.5 + 0.1 × k</c> of the way up the band and its ceiling at the band's top raised by
/// <c>2.5% × k</c>, where <c>k</c> is the number of leverage points that apply (0–4); both are rounded to the
/// nearest 5 (thousand).
/// </summary>
public static class CompensationPlanner
{
    /// <summary>The leverage points a candidate can claim.</summary>
    public static IReadOnlyList<LeveragePoint> LeveragePoints { get; } =
    [
        new("rare-domain", "Rare domain knowledge",
            "you have shipped work in a field few candidates know, such as payments risk, clinical data or ads auctions",
            "I've spent several years on problems specific to this domain, so I can be useful from the first month."),
        new("mlops-ownership", "Owning models in production",
            "you have run models end to end: deployment, monitoring, retraining and on-call",
            "I've owned models after launch, not just built them: monitoring, retraining and the pager."),
        new("experimentation-depth", "Depth in experimentation",
            "you have designed tests beyond simple A/B splits: variance reduction, sequential designs, interference",
            "I've set experimentation standards for several teams, including variance reduction and sequential testing."),
        new("proven-impact", "Measured impact",
            "you can name a result with a number that a holdout or experiment confirmed",
            "My last project moved a company metric by a measured amount, confirmed with a holdout."),
    ];

    /// <summary>The plan from the researched ranges, or null when none is valid.</summary>
    public static CompensationPlan? Plan(IEnumerable<ResearchedRange> ranges, string level, string location, IEnumerable<string> leverageIds)
    {
        var warnings = new List<string>();
        var all = ranges.Where(r => r.Low != 0 || r.High != 0).ToList();
        var used = all.Where(r => r.Low > 0 && r.High >= r.Low).ToList();
        if (used.Count < all.Count)
        {
            warnings.Add("Ranges with a missing amount or a top below the bottom were left out.");
        }
        if (used.Count == 0)
        {
            return null;
        }
        if (used.Count < 2)
        {
            warnings.Add("One source is thin evidence: add a second (a salary site, a public filing or pay-transparency range, a government wage survey).");
        }
        var low = Median(used.Select(r => r.Low));
        var high = Median(used.Select(r => r.High));
        if (used.Max(r => r.High) > 1.5m * used.Min(r => r.High))
        {
            warnings.Add("Your sources disagree by more than half: check that they are for the same level, location and base pay (not total pay).");
        }
        var leverage = LeveragePoints.Where(p => leverageIds.Contains(p.Id, StringComparer.Ordinal)).ToList();
        var k = leverage.Count;
        var targetLow = Round5(low + ((0.5m + (0.1m * k)) * (high - low)));
        var targetHigh = Math.Max(Round5(high * (1 + (0.025m * k))), targetLow + 5);
        var levelName = level == "senior" ? "Senior Data Scientist" : "Data Scientist";
        var place = string.IsNullOrWhiteSpace(location) ? "this market" : location.Trim();
        var statement = string.Create(CultureInfo.InvariantCulture,
            $"From my research on {levelName} roles in {place}, I'm looking for a base salary between ${targetLow:0}k and ${targetHigh:0}k, depending on the level and the rest of the package. Could you share the band for this role, so we can check early that we're aligned?");
        if (k > 0)
        {
            statement += " " + leverage[0].Say;
        }
        return new CompensationPlan(low, high, targetLow, targetHigh, statement, leverage, used, warnings);
    }

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static decimal Round5(decimal value) => Math.Round(value / 5, MidpointRounding.AwayFromZero) * 5;
}

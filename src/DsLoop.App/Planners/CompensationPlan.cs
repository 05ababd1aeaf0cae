using System.Globalization;

namespace DsLoop.App.Planners;

/// <summary>A base-salary range the candidate found, with where it came from (in thousands of US dollars a year).</summary>
public sealed record ResearchedRange(string Source, decimal Low, decimal High);

/// <summary>Something that justifies asking for the upper part of a band, and an example of how one might say it.</summary>
public sealed record LeveragePoint(string Id, string Name, string When, string Example);

/// <summary>A leverage point the candidate claimed, with the evidence they wrote for it in their own words.</summary>
public sealed record ClaimedLeverage(LeveragePoint Point, string Evidence);

/// <summary>What the candidate found about the rest of the package: a target bonus and yearly equity, each optional.</summary>
public sealed record PackageResearch(decimal? BonusPercent, decimal? EquityLow, decimal? EquityHigh);

/// <summary>The planner's result. Totals are set when the candidate entered a bonus or equity.</summary>
public sealed record CompensationPlan(
    decimal MarketLow, decimal MarketHigh, decimal TargetLow, decimal TargetHigh, decimal? TotalLow, decimal? TotalHigh,
    string Statement, IReadOnlyList<ClaimedLeverage> Leverage, IReadOnlyList<ResearchedRange> Used, IReadOnlyList<string> Warnings)
{
    /// <summary>The package research the totals came from, if any.</summary>
    public PackageResearch? Package { get; init; }
}

/// <summary>
/// The compensation planner: no live data, only the ranges the candidate researched. The rules (docs/SCORECARD.md,
/// "Planners"): the market band runs from the median of the researched lows to the median of the highs; the target's
/// floor sits at <c>0.5 + 0.1 × k</c> of the way up the band and its ceiling at the band's top raised by
/// <c>2.5% × k</c>, where <c>k</c> is the number of leverage points the candidate claimed with a line of evidence
/// (0–4); both are rounded to the nearest 5 (thousand). The recruiter sentence says only what the candidate entered:
/// their range, the bonus and equity they found, and their own evidence, never a claim written for them.
/// </summary>
public static class CompensationPlanner
{
    /// <summary>The leverage points a candidate can claim.</summary>
    public static IReadOnlyList<LeveragePoint> LeveragePoints { get; } =
    [
        new("rare-domain", "Rare domain knowledge",
            "you have shipped work in a field few candidates know, such as payments risk, clinical data or ads auctions",
            "Four years on card-fraud models means I know the chargeback data and its traps already."),
        new("mlops-ownership", "Owning models in production",
            "you have run models end to end: deployment, monitoring, retraining and on-call",
            "I kept our churn model healthy for two years after launch: drift alerts, monthly retrains, on-call."),
        new("experimentation-depth", "Depth in experimentation",
            "you have designed tests beyond simple A/B splits: variance reduction, sequential designs, interference",
            "I introduced CUPED on our checkout tests, which cut the typical test length from four weeks to three."),
        new("proven-impact", "Measured impact",
            "you can name a result with a number that a holdout or experiment confirmed",
            "My pricing-page work raised paid conversion 6%, measured against a 10% holdout."),
    ];

    /// <summary>
    /// The plan from the researched ranges, or null when none is valid. <paramref name="evidence"/> maps each ticked
    /// leverage point's id to the line the candidate wrote for it (empty when they wrote none).
    /// </summary>
    public static CompensationPlan? Plan(IEnumerable<ResearchedRange> ranges, string level, string location, IReadOnlyDictionary<string, string> evidence, PackageResearch? package = null)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentNullException.ThrowIfNull(evidence);
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
        var leverage = new List<ClaimedLeverage>();
        foreach (var point in LeveragePoints.Where(p => evidence.ContainsKey(p.Id)))
        {
            var line = evidence[point.Id].Trim();
            if (line.Length == 0)
            {
                warnings.Add($"“{point.Name}” is ticked without evidence, so it does not count: write the one line you would say, with a number.");
                continue;
            }
            leverage.Add(new ClaimedLeverage(point, line));
        }
        var k = leverage.Count;
        var targetLow = Round5(low + ((0.5m + (0.1m * k)) * (high - low)));
        var targetHigh = Math.Max(Round5(high * (1 + (0.025m * k))), targetLow + 5);
        var levelName = level == "senior" ? "Senior Data Scientist" : "Data Scientist";
        var place = string.IsNullOrWhiteSpace(location) ? "this market" : location.Trim();
        var statement = string.Create(CultureInfo.InvariantCulture,
            $"From my research on {levelName} roles in {place}, I'm looking for a base salary between ${targetLow:0}k and ${targetHigh:0}k, depending on the level and the rest of the package.");
        var (totalLow, totalHigh) = Totals(targetLow, targetHigh, package);
        if (totalLow is { } tl && totalHigh is { } th)
        {
            statement += string.Create(CultureInfo.InvariantCulture, $" With {PackageWords(package!)} that I found for this level, that is about ${tl:0}k to ${th:0}k a year in total.");
        }
        statement += " Could you share the band for this role, so we can check early that we're aligned?";
        if (k > 0)
        {
            var said = leverage[0].Evidence;
            statement += " " + (said.EndsWith('.') || said.EndsWith('!') || said.EndsWith('?') ? said : said + ".");
        }
        return new CompensationPlan(low, high, targetLow, targetHigh, totalLow, totalHigh, statement, leverage, used, warnings) { Package = package };
    }

    /// <summary>Base plus the bonus on it plus yearly equity, at both ends; nulls when the candidate entered neither.</summary>
    private static (decimal? Low, decimal? High) Totals(decimal baseLow, decimal baseHigh, PackageResearch? package)
    {
        if (package is null || (package.BonusPercent is null && package.EquityLow is null))
        {
            return (null, null);
        }
        var bonus = (package.BonusPercent ?? 0) / 100;
        return (Round5((baseLow * (1 + bonus)) + (package.EquityLow ?? 0)), Round5((baseHigh * (1 + bonus)) + (package.EquityHigh ?? 0)));
    }

    private static string PackageWords(PackageResearch package)
    {
        var parts = new List<string>();
        if (package.BonusPercent is { } bonus)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"a {bonus:0.#}% target bonus"));
        }
        if (package.EquityLow is { } el && package.EquityHigh is { } eh)
        {
            parts.Add(el == eh
                ? string.Create(CultureInfo.InvariantCulture, $"equity of about ${el:0}k a year")
                : string.Create(CultureInfo.InvariantCulture, $"equity of ${el:0}k to ${eh:0}k a year"));
        }
        return string.Join(" and ", parts);
    }

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static decimal Round5(decimal value) => Math.Round(value / 5, MidpointRounding.AwayFromZero) * 5;
}

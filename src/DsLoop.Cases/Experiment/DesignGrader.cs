using System.Globalization;
using DsLoop.Stats;


namespace DsLoop.Cases.Experiment;

/// <summary>
/// Grades the design half. The sample size is accepted anywhere between the smallest and largest of the four
/// standard conventions (Cohen's h, pooled null, unpooled, Evan Miller) with 2% slack; answers that match a
/// known mistake instead (a total for both arms, a one-sided test, the MDE read as relative when it is
/// absolute or the other way round) are named.
/// </summary>
public static class DesignGrader
{
    private const double Slack = 0.02;

    /// <summary>The accepted per-arm range.</summary>
    public static (long Low, long High) AcceptedRange(DesignScenario s) => Range(s, s.MdeIsRelative, Alternative.TwoSided);

    /// <summary>The accepted range of days for the accepted sample sizes.</summary>
    public static (int Low, int High) AcceptedDays(DesignScenario s)
    {
        var (lo, hi) = Exact(s, s.MdeIsRelative, Alternative.TwoSided);
        return (Days(s, lo), Days(s, hi));
    }

    /// <summary>Grades the design parts.</summary>
    public static IReadOnlyList<GradedPart> Grade(DesignScenario s, DesignAnswer? answer) =>
    [
        SampleSizePart(s, answer?.SamplePerArm),
        Duration(s, answer?.DurationDays, answer?.SamplePerArm),
        Guardrails(s, answer?.Guardrails),
        Unit(answer?.RandomizationUnit),
    ];

    private static (double Low, double High) Exact(DesignScenario s, bool relative, Alternative alternative)
    {
        var values = Enum.GetValues<DsLoop.Stats.Design.ProportionSizing>()
            .Select(sizing => (double)DsLoop.Stats.Design.SampleSize.ForProportions(s.Baseline, s.Mde, relative, s.Alpha, s.Power, alternative: alternative, sizing: sizing).ControlPerArm)
            .ToList();
        return (values.Min(), values.Max());
    }

    private static (long Low, long High) Range(DesignScenario s, bool relative, Alternative alternative)
    {
        var (lo, hi) = Exact(s, relative, alternative);
        return ((long)Math.Floor(lo * (1 - Slack)), (long)Math.Ceiling(hi * (1 + Slack)));
    }

    private static int Days(DesignScenario s, double perArm) => (int)Math.Ceiling(2 * perArm / (s.DailyEligible * s.TrafficShare));

    private static bool In(double value, (long Low, long High) range) => value >= range.Low && value <= range.High;

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static GradedPart SampleSizePart(DesignScenario s, long? n)
    {
        const string part = "Sample size per arm";
        var ok = AcceptedRange(s);
        var accepted = $"accepted: {N(ok.Low)} to {N(ok.High)} per arm (the standard two-sided conventions)";
        if (n is not { } value)
        {
            return new GradedPart(part, 0, 1, $"Missing. {accepted}.");
        }
        if (In(value, ok))
        {
            return new GradedPart(part, 1, 1, $"Right: {N(value)} per arm ({accepted}).");
        }
        if (In(value, (2 * ok.Low, 2 * ok.High)))
        {
            return new GradedPart(part, 0, 1, $"That is the total for both arms, not per arm; {accepted}.");
        }
        if (In(value, Range(s, s.MdeIsRelative, Alternative.Larger)))
        {
            return new GradedPart(part, 0, 1, $"That sizes a one-sided test; the brief asks for a two-sided test at α = {s.Alpha}, which needs more users; {accepted}.");
        }
        try
        {
            if (In(value, Range(s, !s.MdeIsRelative, Alternative.TwoSided)))
            {
                var how = s.MdeIsRelative
                    ? $"read the relative MDE of {Fmt.Pct(s.Mde)} as {s.Mde * 100:0.##} percentage points (absolute)"
                    : $"read the absolute MDE of {s.Mde * 100:0.###} percentage points as a relative change";
                return new GradedPart(part, 0, 1, $"You {how}; {accepted}.");
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // The swapped reading is not a valid rate; no such mistake to name.
        }
        var (lo, hi) = Exact(s, s.MdeIsRelative, Alternative.TwoSided);
        var off = (value / ((lo + hi) / 2)) - 1;
        return new GradedPart(part, 0, 1, $"{N(value)} is {Fmt.Pct(Math.Abs(off))} {(off > 0 ? "above" : "below")} the standard answer; {accepted}. Check α, power, and that the MDE is applied to the baseline as the brief states it.");
    }

    private static GradedPart Duration(DesignScenario s, int? days, long? candidateN)
    {
        const string part = "Duration in days";
        var (lo, hi) = AcceptedDays(s);
        var weeks = (int)Math.Ceiling(lo / 7.0) * 7;
        var accepted = lo == hi ? $"{lo} days" : $"{lo} to {hi} days";
        if (days is not { } d)
        {
            return new GradedPart(part, 0, 1, $"Missing. Accepted: {accepted} (both arms ÷ daily users in the test), or {weeks} to cover whole weeks.");
        }
        if ((d >= lo && d <= hi) || d == weeks)
        {
            return new GradedPart(part, 1, 1, $"Right: {d} days (accepted {accepted}{(weeks > hi ? $", or {weeks} for whole weeks" : "")}).");
        }
        var (exactLo, exactHi) = Exact(s, s.MdeIsRelative, Alternative.TwoSided);
        int OneArm(double n) => (int)Math.Ceiling(n / (s.DailyEligible * s.TrafficShare));
        int NoShare(double n) => (int)Math.Ceiling(2 * n / s.DailyEligible);
        if (d >= OneArm(exactLo) && d <= OneArm(exactHi))
        {
            return new GradedPart(part, 0, 1, $"That only enrols one arm: both arms need users, so divide twice the per-arm size by the daily users in the test. Accepted: {accepted}.");
        }
        if (s.TrafficShare < 1 && d >= NoShare(exactLo) && d <= NoShare(exactHi))
        {
            return new GradedPart(part, 0, 1, $"Only {Fmt.Pct(s.TrafficShare)} of eligible users enter the test, so it takes longer. Accepted: {accepted}.");
        }
        if (candidateN is { } n && Math.Abs(d - Days(s, n)) <= 1)
        {
            return new GradedPart(part, 0.5, 1, $"Consistent with your sample size, but that sample size is off. Accepted: {accepted}.");
        }
        return new GradedPart(part, 0, 1, $"Accepted: {accepted}: 2 × per-arm size ÷ ({N(s.DailyEligible)} eligible a day × {Fmt.Pct(s.TrafficShare)} in the test), rounded up.");
    }

    private static GradedPart Guardrails(DesignScenario s, IReadOnlyList<string>? chosen)
    {
        const string part = "Guardrails";
        var picked = (chosen ?? []).Select(c => c.Trim().ToLowerInvariant()).Distinct().ToList();
        var options = s.Guardrails.ToDictionary(g => g.Id);
        var notes = new List<string>();
        var wrong = picked.Where(id => options.TryGetValue(id, out var g) && !g.IsGuardrail).ToList();
        foreach (var id in wrong)
        {
            notes.Add($"{options[id].Label} is not a guardrail: {options[id].Why}.");
        }
        foreach (var id in picked.Where(id => !options.ContainsKey(id)))
        {
            notes.Add($"'{id}' is not one of the candidate metrics.");
        }
        var good = picked.Where(id => options.TryGetValue(id, out var g) && g.IsGuardrail).ToList();
        foreach (var g in s.Guardrails.Where(g => g.IsGuardrail && !good.Contains(g.Id)))
        {
            notes.Add($"Consider {g.Label}: {g.Why}.");
        }
        var points = wrong.Count == 0 && good.Count >= 2 ? 1 : good.Count >= 2 ? 0.5 : 0;
        var head = points == 1 ? "Good choice." : good.Count < 2 ? "Pick at least two metrics that protect against harm the primary metric can't see." : "Mostly right.";
        return new GradedPart(part, points, 1, string.Join(" ", [head, .. notes]));
    }

    private static GradedPart Unit(string? unit)
    {
        const string part = "Randomisation unit";
        var u = unit?.Trim().ToLowerInvariant();
        return u switch
        {
            DesignScenario.ExpectedUnit => new GradedPart(part, 1, 1, "Right: randomise users, so a person sees one checkout across sessions and the conversion unit matches the randomisation unit."),
            null or "" => new GradedPart(part, 0, 1, "Missing. Randomise by user."),
            "session" or "page view" or "pageview" => new GradedPart(part, 0, 1, $"Randomising by {u} shows one person both checkouts, and their {u}s are not independent, so the variance is understated. Randomise by user."),
            "day" => new GradedPart(part, 0, 1, "Randomising by day confounds the change with the calendar and leaves only a handful of units. Randomise by user."),
            _ => new GradedPart(part, 0, 1, $"'{unit}' is not one of the offered units. Randomise by user."),
        };
    }
}

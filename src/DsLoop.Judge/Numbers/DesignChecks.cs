using DsLoop.Stats.Design;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Checks of an experiment plan: units per arm for a baseline and an effect, the effect a stated sample detects, and
/// the days a sample takes at a stated traffic. Sizes use Cohen's h with statsmodels' <c>NormalIndPower</c>
/// (<see cref="SampleSize.ForProportions"/>); the tolerances absorb the few percent other conventions differ by.
/// </summary>
internal static class DesignChecks
{
    /// <summary>A stated n per arm below this share of the requirement is wrong.</summary>
    public const double TooFew = 0.7;

    /// <summary>A stated n per arm above this multiple of the requirement is wrong.</summary>
    public const double TooMany = 3;

    /// <summary>A claimed detectable effect is wrong when the true MDE is larger than this multiple of it.</summary>
    public const double Overclaim = 1.4;

    /// <summary>A stated MDE ("the MDE is 3 points") is wrong when larger than this multiple of the true one (√3: n off by 3×).</summary>
    public const double Underclaim = 1.75;

    /// <summary>A stated duration is wrong when shorter than the arithmetic divided by this, or longer than this times it rounded up to whole weeks.</summary>
    public const double DurationFactor = 2;

    /// <summary>Units per arm (fractional, before rounding up) to detect an absolute change <paramref name="delta"/> from <paramref name="baseline"/>.</summary>
    public static double RequiredPerArm(double baseline, double delta, DesignInputs design)
    {
        var effect = SampleSize.CohensH(baseline + delta, baseline);
        return PowerAnalysis.SolveNobs1(Math.Abs(effect), design.Alpha, design.Power, 1, design.Alternative);
    }

    /// <summary>The smallest absolute increase from <paramref name="baseline"/> that <paramref name="perArm"/> per arm detects, or NaN.</summary>
    public static double DetectableDelta(double baseline, double perArm, DesignInputs design) =>
        DetectableEffects.ForProportions(baseline, (long)Math.Round(perArm), design.Alpha, design.Power, 1, design.Alternative).Absolute;

    /// <summary>The readings of a stated effect as absolute changes, the words' own reading first.</summary>
    public static IReadOnlyList<(double Delta, string Words)> Readings(double baseline, StatedEffect effect)
    {
        var points = (Math.Abs(effect.Value), Figures.Points(Math.Abs(effect.Value)));
        var relative = (Math.Abs(effect.Value) * baseline, $"{Figures.Rate(Math.Abs(effect.Value))} relative");
        IReadOnlyList<(double Delta, string Words)> all = effect.Scale switch
        {
            EffectScale.Points => [points],
            EffectScale.Relative => [relative],
            _ => [points, relative],
        };
        return [.. all.Where(r => r.Delta > 0 && baseline + r.Delta < 1)];
    }

    /// <summary>The readings of a stated sample as units per arm: "per arm" as said, a total split over the arms, an unqualified size either way.</summary>
    public static IReadOnlyList<(double PerArm, string Words)> SampleReadings(SentenceFacts facts, int arms)
    {
        if (facts.PerArm is { } perArm)
        {
            return [(perArm.Value, $"{Figures.Exact(perArm.Value)} per arm")];
        }
        if (facts.Total is { } total)
        {
            return [(total.Value / arms, $"{Figures.Exact(total.Value)} in total")];
        }
        return facts.Unqualified is { } n
            ? [(n.Value, $"{Figures.Exact(n.Value)} per arm"), (n.Value / arms, $"{Figures.Exact(n.Value)} in total")]
            : [];
    }

    /// <summary>
    /// A stated sample against the requirement for a baseline and an effect. When <paramref name="requirement"/> (the size
    /// is said as what the test needs, <see cref="SampleRequirement"/>), above <see cref="SampleRequirement.Overstated"/>
    /// times the need is wrong too.
    /// </summary>
    public static CheckedClaim? SampleSizeCheck(SentenceFacts facts, double baseline, StatedEffect effect, int arms, DesignInputs design, bool requirement = false)
    {
        var effects = Readings(baseline, effect);
        var samples = SampleReadings(facts, arms);
        if (effects.Count == 0 || samples.Count == 0)
        {
            return null;
        }
        var required = effects.Select(e => RequiredPerArm(baseline, e.Delta, design)).ToList();
        var upper = effects.Select((e, k) => requirement ? SampleRequirement.Overstated * required[k] : TooMany * required[k]).ToList();
        var fits = samples.Any(s => required.Select((r, k) => s.PerArm >= TooFew * r && s.PerArm <= upper[k]).Any(f => f));
        var (stated, statedWords) = samples[0];
        var need = required[0];
        var at = $"{effects[0].Words} at a {Figures.Rate(baseline)} baseline";
        var alternatives = effects.Count > 1 ? $", or about {Figures.Count(Math.Ceiling(required[1]))} if you meant {effects[1].Words}" : "";
        var claim = $"{statedWords} to detect {at}";
        string explanation;
        if (fits)
        {
            explanation = $"Detecting {at} with {Figures.Power(design)} needs about {Figures.Count(Math.Ceiling(need))} per arm, so {statedWords} holds up {Figures.Assumptions(design)}.";
        }
        else if (stated < TooFew * need)
        {
            explanation = $"{Cap(statedWords)} cannot detect {at} with {Figures.Power(design)}; that needs about {Figures.Count(Math.Ceiling(need))} per arm{alternatives} {Figures.Assumptions(design)}.";
        }
        else if (requirement && stated <= TooMany * need)
        {
            var likely = Math.Abs((stated / arms) - need) <= 0.25 * need ? $"; {Figures.Exact(stated)} is about the total over {arms} arms" : "";
            explanation = $"Detecting {at} with {Figures.Power(design)} needs about {Figures.Count(Math.Ceiling(need))} per arm, not {statedWords}{likely}{alternatives} {Figures.Assumptions(design)}.";
        }
        else
        {
            explanation = $"{Cap(statedWords)} is about {Math.Round(stated / need):0}× what {at} needs with {Figures.Power(design)}; about {Figures.Count(Math.Ceiling(need))} per arm is enough{alternatives} {Figures.Assumptions(design)}.";
        }
        return CheckedClaim.Of(ClaimKind.SampleSize, facts.Sentence.Original, claim, !fits, explanation, [.. required.Select(Math.Ceiling)]);
    }

    public static CheckedClaim? DetectableEffectCheck(SentenceFacts facts, double baseline, StatedEffect effect, int arms, DesignInputs design)
    {
        var effects = Readings(baseline, effect);
        var samples = SampleReadings(facts, arms).Where(s => s.PerArm >= 2).ToList();
        if (effects.Count == 0 || samples.Count == 0)
        {
            return null;
        }
        var mdes = samples.Select(s => DetectableDelta(baseline, s.PerArm, design)).ToList();
        var reachable = samples.Select((s, i) => effects.Any(e => !double.IsNaN(mdes[i]) && mdes[i] <= Overclaim * e.Delta
            && (!facts.StatesMde || e.Delta <= Underclaim * mdes[i]))).ToList();
        var fits = reachable.Any(r => r);
        var mde = mdes[0];
        var (_, statedWords) = samples[0];
        var claim = $"{statedWords} detects {effects[0].Words} at a {Figures.Rate(baseline)} baseline";
        var smallest = double.IsNaN(mde)
            ? $"no change in the rate is detectable with {statedWords}"
            : $"the smallest change {statedWords} detects at a {Figures.Rate(baseline)} baseline is about {Figures.Points(mde)} ({Figures.Rate(mde / baseline)} relative)";
        var explanation = fits
            ? $"{Cap(smallest)}, so {effects[0].Words} is in line {Figures.Assumptions(design)}."
            : $"{Cap(smallest)}, not {effects[0].Words} {Figures.Assumptions(design)}.";
        return CheckedClaim.Of(ClaimKind.DetectableEffect, facts.Sentence.Original, claim, !fits, explanation, mde);
    }

    public static CheckedClaim? DurationCheck(SentenceFacts facts, IReadOnlyList<(double Total, string Words)> totals, double daily, double share)
    {
        if (facts.Duration is not { } duration || totals.Count == 0 || daily <= 0 || share <= 0)
        {
            return null;
        }
        var needs = totals.Select(t => t.Total / (daily * share)).ToList();
        bool Fits(double need) => duration.Days >= need / DurationFactor && duration.Days <= DurationFactor * Math.Max(7, Math.Ceiling(need / 7) * 7);
        var fits = needs.Any(Fits);
        var need = needs[0];
        var traffic = share < 1 ? $"{Figures.Rate(share)} of {Figures.Exact(daily)} eligible a day" : $"{Figures.Exact(daily)} eligible a day";
        var claim = $"{totals[0].Words} at {traffic} in {duration.Words}";
        var explanation = fits
            ? $"{Cap(totals[0].Words)} at {traffic} takes about {Figures.Days(need)}, so {duration.Words} is in line."
            : $"{Cap(totals[0].Words)} at {traffic} takes about {Figures.Days(need)}, not {duration.Words}.";
        return CheckedClaim.Of(ClaimKind.Duration, facts.Sentence.Original, claim, !fits, explanation, need);
    }

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

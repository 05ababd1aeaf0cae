using DsLoop.Stats;
using DsLoop.Stats.Readout;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Checks of a readout from stated counts: a p-value or significance call (two-proportion z-test, pooled and
/// unpooled), a confidence interval (Wald, and Wilson for one rate), and a sample-ratio-mismatch call (Pearson χ²).
/// Where conventions differ, the answer is wrong only when it disagrees with every one of them.
/// </summary>
internal static class ReadoutChecks
{
    /// <summary>A stated p-value is wrong when it is more than this factor away from the computed one.</summary>
    public const double PFactor = 2;

    /// <summary>Both below this, a stated and a computed p-value agree whatever their ratio.</summary>
    public const double TinyP = 0.001;

    /// <summary>An interval bound is wrong when it is off by more than this share of the half-width.</summary>
    public const double BoundTolerance = 0.25;

    /// <summary>"Fine" with p below this is wrong.</summary>
    public const double SrmMismatchP = 0.001;

    /// <summary>"A mismatch" with p above this is wrong.</summary>
    public const double SrmFineP = 0.05;

    public static CheckedClaim? SignificanceCheck(SentenceFacts facts, IReadOnlyList<StatedCounts> counts, DesignInputs design)
    {
        if (counts.Count < 2 || (facts.PValue is null && facts.CallsSignificant is null))
        {
            return null;
        }
        var control = new Proportion(counts[0].Successes, counts[0].Total);
        var treatment = new Proportion(counts[1].Successes, counts[1].Total);
        var alternative = !design.OneSided ? Alternative.TwoSided : treatment.Rate >= control.Rate ? Alternative.Larger : Alternative.Smaller;
        var pooled = ProportionTest.Pooled(control, treatment, alternative);
        var unpooled = ProportionTest.Unpooled(control, treatment, alternative);
        if (!pooled.IsValid)
        {
            return null;
        }
        double[] ps = unpooled.IsValid ? [pooled.PValue, unpooled.PValue] : [pooled.PValue];
        var alpha = design.Alpha;
        var wrongP = facts.PValue is { } stated && !ps.Any(p => Agrees(stated, p, alpha));
        var wrongCall = facts.CallsSignificant is { } call && !ps.Any(p => call == p < alpha);
        var significant = pooled.PValue < alpha;
        var arms = $"{Figures.Exact(control.Successes)} of {Figures.Exact(control.Total)} ({Figures.Rate(control.Rate)}) against {Figures.Exact(treatment.Successes)} of {Figures.Exact(treatment.Total)} ({Figures.Rate(treatment.Rate)})";
        var claimParts = new List<string>();
        if (facts.PValue is { } p0)
        {
            claimParts.Add($"p {RelationWord(p0.Relation)} {p0.Token.Text}");
        }
        if (facts.CallsSignificant is { } c0)
        {
            claimParts.Add(c0 ? "significant" : "not significant");
        }
        var verdict = $"{arms} gives |z| = {Math.Abs(pooled.Statistic):0.00} and p {Figures.P(pooled.PValue)} ({(design.OneSided ? "one" : "two")}-sided pooled z-test), {(significant ? "significant" : "not significant")} at α = {alpha:0.###}";
        var explanation = wrongP || wrongCall ? $"{verdict}; the answer says {string.Join(" and ", claimParts)}." : $"{verdict}, as the answer says.";
        return CheckedClaim.Of(ClaimKind.Significance, facts.Sentence.Original, $"{arms}: {string.Join(", ", claimParts)}", wrongP || wrongCall, explanation, pooled.PValue);
    }

    /// <summary>True when a stated p (with its relation) fits a computed p: within <see cref="PFactor"/>, on the same side of α.</summary>
    public static bool Agrees(StatedPValue stated, double computed, double alpha)
    {
        var value = stated.Value;
        var rounding = stated.Token.Step / 2;
        return stated.Relation switch
        {
            Relation.Below => computed < PFactor * value && (value > alpha || computed < alpha),
            Relation.Above => computed > value / PFactor && (value < alpha || computed >= alpha),
            _ => (value <= TinyP && computed <= TinyP)
                || (computed <= PFactor * (value + rounding) && value - rounding <= PFactor * computed
                    && ((value < alpha) == (computed < alpha) || Math.Abs(value - alpha) <= rounding)),
        };
    }

    public static CheckedClaim? IntervalCheck(SentenceFacts facts, IReadOnlyList<StatedCounts> counts)
    {
        if (facts.Interval is not { } stated || counts.Count == 0 || counts.Any(c => c.Total == 0))
        {
            return null;
        }
        var z = StandardNormal.Isf((1 - stated.Confidence) / 2);
        var level = $"{Figures.Rate(stated.Confidence)}";
        List<(double Low, double High, string Method)> intervals;
        string what;
        double estimate;
        if (counts.Count >= 2)
        {
            var control = new Proportion(counts[0].Successes, counts[0].Total);
            var treatment = new Proportion(counts[1].Successes, counts[1].Total);
            var wald = ProportionTest.DifferenceInterval(control, treatment, stated.Confidence);
            if (!wald.IsValid)
            {
                return null;
            }
            estimate = treatment.Rate - control.Rate;
            intervals = [(wald.Low, wald.High, "Wald")];
            what = $"the {level} interval of the difference ({Figures.Exact(treatment.Successes)}/{Figures.Exact(treatment.Total)} against {Figures.Exact(control.Successes)}/{Figures.Exact(control.Total)})";
        }
        else
        {
            var (n, p) = (counts[0].Total, (double)counts[0].Successes / counts[0].Total);
            estimate = p;
            var half = z * Math.Sqrt(p * (1 - p) / n);
            intervals = [(p - half, p + half, "Wald"), Wilson(p, n, z)];
            what = $"the {level} interval of {Figures.Exact(counts[0].Successes)} of {Figures.Exact(n)}";
        }
        var factor = Factor(stated.Low, stated.High, estimate);
        var (low, high) = (Math.Min(stated.Low.Value, stated.High.Value) * factor, Math.Max(stated.Low.Value, stated.High.Value) * factor);
        var rounding = Math.Max(stated.Low.Step, stated.High.Step) * factor / 2;
        bool Fits((double Low, double High, string Method) i)
        {
            var allowed = Math.Max(BoundTolerance * (i.High - i.Low) / 2, rounding);
            return Math.Abs(low - i.Low) <= allowed && Math.Abs(high - i.High) <= allowed;
        }
        var fits = intervals.Any(Fits);
        var right = intervals[0];
        var show = counts.Count >= 2 ? (Func<double, string>)Figures.FinePoints : Figures.FineRate;
        var claim = $"{what}: {stated.Low.Text} to {stated.High.Text}";
        var explanation = fits
            ? $"{Cap(what)} is about {show(right.Low)} to {show(right.High)} ({right.Method}), as the answer says."
            : $"{Cap(what)} is about {show(right.Low)} to {show(right.High)} ({right.Method}), not {stated.Low.Text} to {stated.High.Text}.";
        return CheckedClaim.Of(ClaimKind.Interval, facts.Sentence.Original, claim, !fits, explanation, right.Low, right.High);
    }

    /// <summary>
    /// An SRM call against the arm counts of its sentence, or, when the sentence has none, the two counts of the sentence
    /// before ("we see 502,000 versus 494,000. That split is fine.") if they are near the planned split.
    /// </summary>
    public static CheckedClaim? SampleRatioCheck(SentenceFacts facts, SentenceFacts? before = null)
    {
        if (facts.CallsMismatch is not { } callsMismatch)
        {
            return null;
        }
        var planned = facts.Split ?? before?.Split;
        IReadOnlyList<double>? weights = planned is { } split ? [split.First, split.Second] : null;
        IReadOnlyList<long> armCounts = facts.ArmCounts.Count == 0 && before is { FreeCounts.Count: 2 } && NearSplit(before.FreeCounts, weights) ? before.FreeCounts : facts.ArmCounts;
        if ((facts.ArmShare ?? before?.ArmShare) is { } share && armCounts.Count == 1 && armCounts[0] >= 100)
        {
            // "Treatment has 49.6% of users instead of 50% … with 996,000 users": the arms are the share of the total.
            var arm = (long)Math.Round(share.Observed * armCounts[0]);
            armCounts = [arm, armCounts[0] - arm];
            weights = [share.Planned * 100, (1 - share.Planned) * 100];
        }
        if (armCounts.Count < 2 || armCounts.Count > 6)
        {
            return null;
        }
        IReadOnlyList<long> counts = weights is not null ? [.. armCounts.Take(2)] : armCounts;
        var result = SampleRatioMismatch.Check(counts, weights);
        if (result.Reason is not null || double.IsNaN(result.PValue))
        {
            return null;
        }
        var plan = weights is null ? (counts.Count == 2 ? "a 50/50 split" : "an equal split") : $"a {Weight(weights[0])}/{Weight(weights[1])} split";
        var wrong = callsMismatch ? result.PValue > SrmFineP : result.PValue < SrmMismatchP;
        var observed = string.Join(" against ", counts.Select(c => Figures.Exact(c)));
        var reading = result.PValue < SrmMismatchP ? "a sample ratio mismatch" : result.PValue > SrmFineP ? "within chance" : "borderline";
        var explanation = $"{observed} on {plan} gives χ² = {result.ChiSquare:0.0} and p {Figures.P(result.PValue)}: {reading}"
            + (wrong ? $", not {(callsMismatch ? "a mismatch" : "fine")}." : ", as the answer says.");
        return CheckedClaim.Of(ClaimKind.SampleRatio, facts.Sentence.Original, $"{observed} on {plan} is {(callsMismatch ? "a mismatch" : "fine")}", wrong, explanation, result.PValue);
    }

    /// <summary>Two counts whose ratio is within a factor of two of the planned one: plausibly the arms, not a count and a subset.</summary>
    private static bool NearSplit(IReadOnlyList<long> counts, IReadOnlyList<double>? weights)
    {
        var observed = (double)counts[0] / counts[1];
        var planned = weights is null ? 1 : weights[0] / weights[1];
        return counts[1] > 0 && observed / planned is > 0.5 and < 2;
    }

    private static (double Low, double High, string Method) Wilson(double p, long n, double z)
    {
        var z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (centre - half, centre + half, "Wilson");
    }

    /// <summary>The factor to the 0–1 scale: percent and points divide by 100; bare numbers take the scale that puts them around the estimate.</summary>
    private static double Factor(NumberToken low, NumberToken high, double estimate)
    {
        if (low.Unit != NumberUnit.Plain || high.Unit != NumberUnit.Plain)
        {
            return 0.01;
        }
        var asShares = Math.Abs(((low.Value + high.Value) / 2) - estimate);
        var asPercent = Math.Abs(((low.Value + high.Value) / 200) - estimate);
        return asPercent < asShares ? 0.01 : 1;
    }

    private static string Weight(double w) => w.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static string RelationWord(Relation relation) => relation switch
    {
        Relation.Below => "<",
        Relation.Above => ">",
        _ => "=",
    };

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

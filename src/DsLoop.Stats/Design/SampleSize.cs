namespace DsLoop.Stats.Design;

/// <summary>A sample-size plan: how many units each arm needs, and how long that takes.</summary>
/// <param name="ControlPerArm">Units in control (rounded up).</param>
/// <param name="TreatmentPerArm">Units in each treatment arm (rounded up).</param>
/// <param name="Arms">Number of arms, control included.</param>
/// <param name="EffectSize">The standardised effect the plan is sized for.</param>
/// <param name="AlphaPerComparison">Alpha used for each treatment-versus-control comparison (after any Bonferroni split).</param>
public sealed record SampleSizePlan(long ControlPerArm, long TreatmentPerArm, int Arms, double EffectSize, double AlphaPerComparison)
{
    /// <summary>Units across all arms.</summary>
    public long Total => ControlPerArm + (TreatmentPerArm * (Arms - 1));

    /// <summary>Whole days to enrol <see cref="Total"/> units when <paramref name="dailyEligible"/> are eligible
    /// each day and <paramref name="trafficShare"/> of them enter the test.</summary>
    public int DurationDays(double dailyEligible, double trafficShare = 1)
    {
        if (dailyEligible <= 0 || trafficShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dailyEligible), $"Need positive daily traffic and a share in (0, 1]; got {dailyEligible} and {trafficShare}.");
        }
        return (int)Math.Ceiling(Total / (dailyEligible * trafficShare));
    }
}

/// <summary>Which normal approximation sizes a two-proportion test. They differ by a few percent; graders accept each.</summary>
public enum ProportionSizing
{
    /// <summary>Cohen's h (arcsine transform) with statsmodels <c>NormalIndPower</c>, counting both tails.</summary>
    CohensH,

    /// <summary>Pooled variance under the null and unpooled under the alternative, one tail (statsmodels
    /// <c>samplesize_proportions_2indep_onetail</c>; the textbook formula most power calculators use).</summary>
    PooledNull,

    /// <summary>The unpooled (Wald) variance under both the null and the alternative, one tail.</summary>
    Unpooled,

    /// <summary>Evan Miller's calculator: the null variance at the baseline rate in both arms, the unpooled
    /// variance under the alternative, one tail. His page rounds to the nearest unit; DsLoop rounds up.</summary>
    EvanMiller,
}

/// <summary>Sample sizes for conversion-rate and mean metrics.</summary>
public static class SampleSize
{
    /// <summary>
    /// Units per arm to detect a change from <paramref name="baseline"/> by <paramref name="mde"/> (absolute, or
    /// relative to the baseline when <paramref name="relative"/>), using Cohen's h as statsmodels does
    /// (<c>proportion_effectsize</c> with <c>NormalIndPower</c>). With more than two arms, each treatment is
    /// compared with control, and <paramref name="bonferroni"/> splits alpha across those comparisons.
    /// </summary>
    public static SampleSizePlan ForProportions(
        double baseline, double mde, bool relative = false, double alpha = 0.05, double power = 0.8, double ratio = 1,
        Alternative alternative = Alternative.TwoSided, int arms = 2, bool bonferroni = false,
        ProportionSizing sizing = ProportionSizing.CohensH)
    {
        if (baseline is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "The baseline rate must be strictly between 0 and 1.");
        }
        var treatment = baseline + (relative ? baseline * mde : mde);
        if (treatment is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(mde), mde, $"The treatment rate would be {treatment}, outside (0, 1).");
        }
        if (sizing == ProportionSizing.CohensH)
        {
            return Plan(CohensH(treatment, baseline), alpha, power, ratio, alternative, arms, bonferroni);
        }
        return ClosedFormPlan(baseline, treatment, sizing, alpha, power, ratio, alternative, arms, bonferroni);
    }

    /// <summary>
    /// n_control = ((z₁₋ₐ·σ₀ + z_power·σ₁) / δ)², with a = α/2 for a two-sided test (the far tail is ignored),
    /// σ₁ = √(p_c·q_c + p_t·q_t / ratio) and σ₀ as the <paramref name="sizing"/> convention says.
    /// </summary>
    private static SampleSizePlan ClosedFormPlan(
        double control, double treatment, ProportionSizing sizing, double alpha, double power, double ratio,
        Alternative alternative, int arms, bool bonferroni)
    {
        CheckPlanInputs(alpha, power, ratio, arms);
        var delta = treatment - control;
        if ((alternative == Alternative.Larger && delta < 0) || (alternative == Alternative.Smaller && delta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(alternative), alternative,
                $"A change of {delta} can never reach power {power} under the '{alternative}' alternative.");
        }
        var perComparison = bonferroni ? alpha / (arms - 1) : alpha;
        var tail = alternative == Alternative.TwoSided ? perComparison / 2 : perComparison;
        var alternativeSd = Math.Sqrt((control * (1 - control)) + (treatment * (1 - treatment) / ratio));
        var nullSd = sizing switch
        {
            ProportionSizing.PooledNull => PooledSd(control, treatment, ratio),
            ProportionSizing.Unpooled => alternativeSd,
            ProportionSizing.EvanMiller => Math.Sqrt(control * (1 - control) * (1 + (1 / ratio))),
            _ => throw new ArgumentOutOfRangeException(nameof(sizing), sizing, "Unknown sizing convention."),
        };
        var n = Math.Pow(((StandardNormal.Isf(tail) * nullSd) + (StandardNormal.Ppf(power) * alternativeSd)) / delta, 2);
        return new SampleSizePlan((long)Math.Ceiling(n), (long)Math.Ceiling(n * ratio), arms, Math.Abs(delta) / alternativeSd, perComparison);
    }

    private static double PooledSd(double control, double treatment, double ratio)
    {
        var pooled = (control + (treatment * ratio)) / (1 + ratio);
        return Math.Sqrt(pooled * (1 - pooled) * (1 + (1 / ratio)));
    }

    private static void CheckPlanInputs(double alpha, double power, double ratio, int arms)
    {
        if (arms < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(arms), arms, "A test needs at least two arms.");
        }
        if (alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be between 0 and 1.");
        }
        if (power <= alpha || power >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, $"Power must be between alpha ({alpha}) and 1.");
        }
        if (ratio <= 0 || double.IsNaN(ratio))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The allocation ratio must be positive.");
        }
    }

    /// <summary>Units per arm to detect a change of <paramref name="mde"/> in a mean with standard deviation <paramref name="sd"/>.</summary>
    public static SampleSizePlan ForMeans(
        double sd, double mde, double alpha = 0.05, double power = 0.8, double ratio = 1,
        Alternative alternative = Alternative.TwoSided, int arms = 2, bool bonferroni = false)
    {
        if (sd <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sd), sd, "The standard deviation must be positive.");
        }
        return Plan(mde / sd, alpha, power, ratio, alternative, arms, bonferroni);
    }

    /// <summary>Cohen's h between two proportions: 2·asin(√p2) − 2·asin(√p1).</summary>
    public static double CohensH(double p2, double p1) => (2 * Math.Asin(Math.Sqrt(p2))) - (2 * Math.Asin(Math.Sqrt(p1)));

    private static SampleSizePlan Plan(double effect, double alpha, double power, double ratio, Alternative alternative, int arms, bool bonferroni)
    {
        if (arms < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(arms), arms, "A test needs at least two arms.");
        }
        var perComparison = bonferroni ? alpha / (arms - 1) : alpha;
        var n1 = PowerAnalysis.SolveNobs1(effect, perComparison, power, ratio, alternative);
        return new SampleSizePlan((long)Math.Ceiling(n1), (long)Math.Ceiling(n1 * ratio), arms, effect, perComparison);
    }
}

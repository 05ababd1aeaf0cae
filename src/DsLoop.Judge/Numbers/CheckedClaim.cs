using DsLoop.Content.Coaching;

namespace DsLoop.Judge.Numbers;

/// <summary>What kind of claim a note checks.</summary>
internal enum ClaimKind
{
    /// <summary>Units per arm for a baseline and an effect.</summary>
    SampleSize,

    /// <summary>The effect a stated sample can detect.</summary>
    DetectableEffect,

    /// <summary>Days to enrol a sample at a daily traffic.</summary>
    Duration,

    /// <summary>A p-value or significance call from counts.</summary>
    Significance,

    /// <summary>A confidence interval from counts.</summary>
    Interval,

    /// <summary>A sample-ratio-mismatch call from arm counts.</summary>
    SampleRatio,

    /// <summary>Points against relative lift.</summary>
    Lift,

    /// <summary>A p-value against the interval stated for the same estimate.</summary>
    IntervalPValue,

    /// <summary>The share of variance a covariate with a stated correlation removes or leaves.</summary>
    VarianceReduction,

    /// <summary>An interval's width or a standard error for a multiple of the sample.</summary>
    WidthScaling,

    /// <summary>Plain arithmetic: a share of an amount, a ratio, a sum, an annual figure, a segment's contribution.</summary>
    Arithmetic,

    /// <summary>A classifier's precision or recall against the prevalence, recall, false positive rate or caught count behind it.</summary>
    ClassifierRates,

    /// <summary>The overall false-positive rate of a test read at several looks.</summary>
    Peeking,

    /// <summary>A design effect, or the standard error, variance or z it changes, against the cluster size and within-cluster correlation.</summary>
    DesignEffect,

    /// <summary>A Bonferroni cut-off, a chance of at least one false positive, or the false positives expected over m comparisons.</summary>
    MultipleTesting,

    /// <summary>The share of the two-sided sample a one-sided test needs at the same α and power.</summary>
    OneSidedSample,
}

/// <summary>A checked number with the figures the check computed (for tests and the fixture comparison).</summary>
/// <param name="Kind">Which check.</param>
/// <param name="Note">What the candidate sees.</param>
/// <param name="Right">The computed figures: the required n, the MDE (0–1 scale), the days, the p-value, the bounds, the lift.</param>
internal sealed record CheckedClaim(ClaimKind Kind, NumberNote Note, IReadOnlyList<double> Right)
{
    public const string Consistent = "consistent";
    public const string Wrong = "wrong";
    public const string Unchecked = "unchecked";

    public static CheckedClaim Of(ClaimKind kind, string sentence, string claim, bool wrong, string explanation, params double[] right) =>
        new(kind, new NumberNote(sentence, claim, wrong ? Wrong : Consistent, explanation), right);
}

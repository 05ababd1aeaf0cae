namespace DsLoop.Stats.Readout;

/// <summary>Conversions out of units in one arm.</summary>
/// <param name="Successes">Units that converted.</param>
/// <param name="Total">Units in the arm.</param>
public readonly record struct Proportion(long Successes, long Total)
{
    /// <summary>The conversion rate; NaN for an empty arm.</summary>
    public double Rate => Total == 0 ? double.NaN : (double)Successes / Total;

    /// <summary>Checks the counts.</summary>
    /// <exception cref="ArgumentException">A negative count, or more successes than units; the message names the arm.</exception>
    public void Validate(string arm)
    {
        if (Total < 0 || Successes < 0)
        {
            throw new ArgumentException($"{arm}: counts can't be negative ({Successes}/{Total}).", arm);
        }
        if (Successes > Total)
        {
            throw new ArgumentException($"{arm}: {Successes} successes is more than its {Total} units.", arm);
        }
    }
}

/// <summary>Two-proportion z-tests and the confidence interval of the difference (treatment − control).</summary>
public static class ProportionTest
{
    /// <summary>
    /// z-test with the variance pooled under the null hypothesis of equal rates (statsmodels
    /// <c>proportions_ztest</c>).
    /// </summary>
    public static TestResult Pooled(Proportion control, Proportion treatment, Alternative alternative = Alternative.TwoSided)
    {
        control.Validate("control");
        treatment.Validate("treatment");
        if (control.Total == 0 || treatment.Total == 0)
        {
            return TestResult.Degenerate("an arm has no units");
        }
        var pooled = (double)(control.Successes + treatment.Successes) / (control.Total + treatment.Total);
        var variance = pooled * (1 - pooled) * ((1.0 / control.Total) + (1.0 / treatment.Total));
        if (variance <= 0)
        {
            return TestResult.Degenerate(pooled == 0 ? "no unit converted in either arm" : "every unit converted in both arms");
        }
        var z = (treatment.Rate - control.Rate) / Math.Sqrt(variance);
        return new TestResult(z, StandardNormal.PValue(z, alternative), null);
    }

    /// <summary>
    /// Wald z-test with each arm's own variance (statsmodels <c>test_proportions_2indep</c>, method "wald",
    /// compare "diff").
    /// </summary>
    public static TestResult Unpooled(Proportion control, Proportion treatment, Alternative alternative = Alternative.TwoSided)
    {
        control.Validate("control");
        treatment.Validate("treatment");
        if (control.Total == 0 || treatment.Total == 0)
        {
            return TestResult.Degenerate("an arm has no units");
        }
        var se = UnpooledStandardError(control, treatment);
        if (se <= 0)
        {
            return TestResult.Degenerate("both rates are 0 or 1, so the unpooled variance is zero");
        }
        var z = (treatment.Rate - control.Rate) / se;
        return new TestResult(z, StandardNormal.PValue(z, alternative), null);
    }

    /// <summary>
    /// Wald interval of the absolute difference (statsmodels <c>confint_proportions_2indep</c>, method "wald").
    /// </summary>
    public static Interval DifferenceInterval(Proportion control, Proportion treatment, double confidence = 0.95)
    {
        control.Validate("control");
        treatment.Validate("treatment");
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be between 0 and 1.");
        }
        if (control.Total == 0 || treatment.Total == 0)
        {
            return Interval.Degenerate("an arm has no units");
        }
        var diff = treatment.Rate - control.Rate;
        var half = StandardNormal.Isf((1 - confidence) / 2) * UnpooledStandardError(control, treatment);
        return new Interval(diff - half, diff + half);
    }

    private static double UnpooledStandardError(Proportion control, Proportion treatment) =>
        Math.Sqrt((control.Rate * (1 - control.Rate) / control.Total) + (treatment.Rate * (1 - treatment.Rate) / treatment.Total));
}

using MathNet.Numerics.Distributions;

namespace DsLoop.Stats.Readout;

/// <summary>A Welch t-test readout of treatment − control.</summary>
/// <param name="Test">t and its p-value.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom.</param>
/// <param name="Difference">Treatment mean minus control mean.</param>
/// <param name="Interval">Confidence interval of the difference.</param>
public sealed record WelchResult(TestResult Test, double DegreesOfFreedom, double Difference, Interval Interval);

/// <summary>
/// Welch's unequal-variance t-test (scipy <c>ttest_ind(..., equal_var=False)</c> /
/// <c>ttest_ind_from_stats</c>) from sufficient statistics.
/// </summary>
public static class WelchTest
{
    /// <summary>Runs the test from each arm's mean, sample standard deviation and size.</summary>
    public static WelchResult FromStats(
        double controlMean, double controlSd, long controlN, double treatmentMean, double treatmentSd, long treatmentN,
        Alternative alternative = Alternative.TwoSided, double confidence = 0.95)
    {
        if (controlSd < 0 || treatmentSd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(controlSd), "Standard deviations can't be negative.");
        }
        var difference = treatmentMean - controlMean;
        if (controlN < 2 || treatmentN < 2)
        {
            const string reason = "each arm needs at least two values for a variance";
            return new WelchResult(TestResult.Degenerate(reason), double.NaN, difference, Interval.Degenerate(reason));
        }
        var vc = controlSd * controlSd / controlN;
        var vt = treatmentSd * treatmentSd / treatmentN;
        if (vc + vt == 0)
        {
            const string reason = "both arms have zero variance";
            return new WelchResult(TestResult.Degenerate(reason), double.NaN, difference, Interval.Degenerate(reason));
        }
        var se = Math.Sqrt(vc + vt);
        var df = (vc + vt) * (vc + vt) / ((vc * vc / (controlN - 1)) + (vt * vt / (treatmentN - 1)));
        var t = difference / se;
        var p = alternative switch
        {
            Alternative.TwoSided => 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)),
            Alternative.Larger => StudentT.CDF(0, 1, df, -t),
            _ => StudentT.CDF(0, 1, df, t),
        };
        var half = StudentT.InvCDF(0, 1, df, 1 - ((1 - confidence) / 2)) * se;
        return new WelchResult(new TestResult(t, p, null), df, difference, new Interval(difference - half, difference + half));
    }

    /// <summary>Runs the test from two streams summarised with <see cref="SummaryStats"/>.</summary>
    public static WelchResult From(SummaryStats control, SummaryStats treatment, Alternative alternative = Alternative.TwoSided, double confidence = 0.95) =>
        FromStats(control.Mean, control.Count < 2 ? 0 : control.StandardDeviation, control.Count,
            treatment.Mean, treatment.Count < 2 ? 0 : treatment.StandardDeviation, treatment.Count, alternative, confidence);
}

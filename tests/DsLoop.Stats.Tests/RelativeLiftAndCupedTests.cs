using DsLoop.Stats.Readout;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class RelativeLiftAndCupedTests
{
    [Fact]
    public void Relative_lift_intervals_match_the_reference_formulas()
    {
        foreach (var c in Fixtures.Cases("relative.json"))
        {
            var (mt, vt, mc, vc) = (c.D("treatmentMean"), c.D("treatmentVar"), c.D("controlMean"), c.D("controlVar"));
            var delta = RelativeLift.Delta(mt, vt, mc, vc);
            Fixtures.Near(c.D("deltaLow"), delta.Low, 1e-9, 1e-15, "delta low " + c);
            Fixtures.Near(c.D("deltaHigh"), delta.High, 1e-9, 1e-15, "delta high " + c);
            var fieller = RelativeLift.Fieller(mt, vt, mc, vc);
            if (c.Has("fiellerUnbounded"))
            {
                Assert.False(fieller.IsValid);
                Assert.StartsWith("unbounded", fieller.Reason, StringComparison.Ordinal);
                Assert.True(double.IsInfinity(fieller.Low) && double.IsInfinity(fieller.High));
            }
            else
            {
                Fixtures.Near(c.D("fiellerLow"), fieller.Low, 1e-9, 1e-15, "fieller low " + c);
                Fixtures.Near(c.D("fiellerHigh"), fieller.High, 1e-9, 1e-15, "fieller high " + c);
            }
        }
    }

    [Fact]
    public void Zero_control_mean_has_no_relative_lift()
    {
        Assert.Contains("control mean is 0", RelativeLift.Delta(1, 0.1, 0, 0.1).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuped_matches_the_reference_and_falls_back_for_a_constant_covariate()
    {
        foreach (var c in Fixtures.Cases("cuped.json"))
        {
            var control = new PairedSummary();
            var treatment = new PairedSummary();
            foreach (var (x, y) in c.GetProperty("controlX").EnumerateArray().Zip(c.GetProperty("controlY").EnumerateArray()))
            {
                control.Add(x.GetDouble(), y.GetDouble());
            }
            foreach (var (x, y) in c.GetProperty("treatmentX").EnumerateArray().Zip(c.GetProperty("treatmentY").EnumerateArray()))
            {
                treatment.Add(x.GetDouble(), y.GetDouble());
            }
            var result = Cuped.Analyse(control, treatment);
            var name = c.GetProperty("name").GetString();
            Fixtures.Near(c.D("theta"), result.Theta, 1e-9, 1e-15, $"{name} theta");
            Fixtures.Near(c.D("difference"), result.Welch.Difference, 1e-9, 1e-15, $"{name} difference");
            Fixtures.Near(c.D("t"), result.Welch.Test.Statistic, 1e-9, 1e-15, $"{name} t");
            Fixtures.Near(c.D("p"), result.Welch.Test.PValue, 1e-8, 1e-15, $"{name} p");
            Fixtures.Near(c.D("varianceReduction"), result.VarianceReduction, 1e-9, 1e-12, $"{name} variance reduction");
            Assert.Equal(name == "constant-covariate", result.Note is not null);
        }
    }
}

using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class DistributionTests
{
    [Fact]
    public void Standard_normal_cdf_and_upper_tail_match_scipy_norm_far_into_both_tails()
    {
        foreach (var c in Fixtures.Cases("distributions.json", "normal"))
        {
            var x = c.D("x");
            Fixtures.Near(c.D("cdf"), StandardNormal.Cdf(x), 1e-12, 1e-300, $"cdf({x})");
            Fixtures.Near(c.D("sf"), StandardNormal.Sf(x), 1e-12, 1e-300, $"sf({x})");
        }
    }

    [Fact]
    public void Standard_normal_quantiles_match_scipy_norm_ppf_and_isf()
    {
        foreach (var c in Fixtures.Cases("distributions.json", "normal-quantile"))
        {
            var p = c.D("p");
            Fixtures.Near(c.D("ppf"), StandardNormal.Ppf(p), 1e-12, 1e-15, $"ppf({p})");
            Fixtures.Near(c.D("isf"), StandardNormal.Isf(p), 1e-12, 1e-15, $"isf({p})");
        }
    }

    [Fact]
    public void Chi_square_upper_tail_matches_scipy_chi2_sf_where_one_minus_the_cdf_would_round_to_zero()
    {
        var cases = Fixtures.Cases("distributions.json", "chi-square");
        Assert.Contains(cases, c => c.D("sf") is > 0 and < 1e-100);
        foreach (var c in cases)
        {
            var (x, df) = (c.D("x"), (int)c.D("df"));
            Fixtures.Near(c.D("sf"), ChiSquareDistribution.Sf(x, df), 1e-10, 1e-300, $"chi2.sf({x}, {df})");
        }
    }

    [Fact]
    public void Chi_square_upper_tail_needs_a_positive_degree_of_freedom_and_passes_nan_through()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquareDistribution.Sf(1, 0));
        Assert.True(double.IsNaN(ChiSquareDistribution.Sf(double.NaN, 2)));
    }
}

using Xunit;

namespace DsLoop.Sql.Tests;

/// <summary>The sentence a task shows about numeric precision follows from the grading spec.</summary>
public sealed class GradingSpecTests
{
    [Theory]
    [InlineData(0.0001, "Do not round: a number is accepted when it is within 0.0001 of the reference value (an absolute tolerance); rounding to 4 decimals also passes, but rounding to 3 decimals may fail.")]
    [InlineData(0.001, "Do not round: a number is accepted when it is within 0.001 of the reference value (an absolute tolerance); rounding to 3 decimals also passes, but rounding to 2 decimals may fail.")]
    [InlineData(0.01, "Do not round: a number is accepted when it is within 0.01 of the reference value (an absolute tolerance); rounding to 2 decimals also passes, but rounding to 1 decimal may fail.")]
    [InlineData(0.05, "Do not round: a number is accepted when it is within 0.05 of the reference value (an absolute tolerance); rounding to 1 decimal also passes, but rounding to whole numbers may fail.")]
    [InlineData(0.5, "Do not round: a number is accepted when it is within 0.5 of the reference value (an absolute tolerance); rounding to whole numbers also passes.")]
    public void An_absolute_tolerance_states_the_margin_and_the_coarsest_rounding_that_passes(double tolerance, string expected) =>
        Assert.Equal(expected, new GradingSpec { Tolerance = ToleranceKind.Absolute, ToleranceValue = tolerance }.ToleranceStatement());

    [Fact]
    public void A_relative_tolerance_is_stated_as_a_percentage() =>
        Assert.Equal("Do not round: a number is accepted when it is within 0.1% of the reference value (a relative tolerance).",
            new GradingSpec { Tolerance = ToleranceKind.Relative, ToleranceValue = 0.001 }.ToleranceStatement());

    [Fact]
    public void Without_a_tolerance_there_is_nothing_to_state()
    {
        Assert.Null(new GradingSpec().ToleranceStatement());
        Assert.Null(new GradingSpec { Tolerance = ToleranceKind.Absolute, ToleranceValue = 0 }.ToleranceStatement());
    }

    [Theory]
    [InlineData(0.0001, 4, true)]
    [InlineData(0.0001, 3, false)]
    [InlineData(0.01, 2, true)]
    [InlineData(0.01, 1, false)]
    public void The_rounding_the_statement_promises_is_what_the_grader_accepts(double tolerance, int decimals, bool passes)
    {
        // A value that rounding to that many decimals moves by almost the most it can: half a unit in the last place kept.
        var exact = 0.5 + (0.49999 * Math.Pow(10, -decimals));
        var rounded = Math.Round(exact, decimals);
        SqlColumn[] columns = [new("x", "real")];
        var result = new ResultGrader().Compare(columns, [[exact]], columns, [[rounded]], new GradingSpec { Tolerance = ToleranceKind.Absolute, ToleranceValue = tolerance });
        Assert.Equal(passes, result.Passed);
    }
}

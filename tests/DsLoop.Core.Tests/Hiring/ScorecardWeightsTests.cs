using DsLoop.Core.Hiring;
using Xunit;

namespace DsLoop.Core.Tests.Hiring;

public sealed class ScorecardWeightsTests
{
    private static Dictionary<Dimension, string?> Blueprint() =>
        Dimensions.All.ToDictionary(d => d, d => (string?)((int)(Dimensions.Weight(d) * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Default_is_the_blueprints_20_20_20_15_10_10_5()
    {
        Assert.Equal([20, 20, 20, 15, 10, 10, 5], Dimensions.All.Select(ScorecardWeights.Default.Percent));
    }

    [Fact]
    public void Weights_adding_up_to_100_are_accepted_and_round_trip_through_the_stored_form()
    {
        var given = Blueprint();
        given[Dimension.ProblemFraming] = "25";
        given[Dimension.SeniorLeadership] = "0";
        var weights = ScorecardWeights.TryCreate(given, out var problem);
        Assert.Null(problem);
        Assert.Equal(25, weights!.Percent(Dimension.ProblemFraming));
        Assert.Equal(weights, ScorecardWeights.Parse(weights.ToString()));
    }

    [Fact]
    public void A_total_other_than_100_is_refused_with_the_total()
    {
        var given = Blueprint();
        given[Dimension.Communication] = "11";
        Assert.Null(ScorecardWeights.TryCreate(given, out var problem));
        Assert.Equal("Weights: the weights add up to 101%, not 100%.", problem);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("12.5")]
    [InlineData("101")]
    [InlineData("ten")]
    [InlineData("")]
    public void A_weight_that_is_not_a_whole_percent_names_its_field(string value)
    {
        var given = Blueprint();
        given[Dimension.DataFluency] = value;
        Assert.Null(ScorecardWeights.TryCreate(given, out var problem));
        Assert.StartsWith("Weights.data-fluency: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_dimension_names_its_field()
    {
        var given = Blueprint();
        given.Remove(Dimension.ProductionMindset);
        Assert.Null(ScorecardWeights.TryCreate(given, out var problem));
        Assert.StartsWith("Weights.production-mindset: ", problem, StringComparison.Ordinal);
    }
}

using DsLoop.App.Planners;
using Xunit;

namespace DsLoop.App.Tests.Planners;

public sealed class SalaryAmountsTests
{
    [Theory]
    [InlineData("180", 180, false)]
    [InlineData("180k", 180, false)]
    [InlineData(" 180 K ", 180, false)]
    [InlineData("$180,000", 180, true)]
    [InlineData("180000", 180, true)]
    [InlineData("182.5", 182.5, false)]
    public void Amounts_are_read_as_thousands_or_dollars(string typed, double thousands, bool asDollars)
    {
        Assert.True(SalaryAmounts.TryRead(typed, out var value, out var readAsDollars));
        Assert.Equal((decimal)thousands, value);
        Assert.Equal(asDollars, readAsDollars);
    }

    [Fact]
    public void Dollars_typed_in_full_plan_the_same_range_as_thousands_and_say_how_they_were_read()
    {
        var (ranges, problems, notes) = SalaryAmounts.ReadBase([new TypedRange("posting", "180000", "220000"), new TypedRange(null, null, null)]);
        Assert.Empty(problems);
        var range = Assert.Single(ranges);
        Assert.Equal((180m, 220m), (range.Low, range.High));
        Assert.Contains("Row 1, bottom: 180000 was read as dollars, $180k.", notes);
        var plan = CompensationPlanner.Plan(ranges, "senior", "", new Dictionary<string, string>())!;
        Assert.Equal((200m, 220m), (plan.TargetLow, plan.TargetHigh));
        Assert.Contains("$200k and $220k", plan.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_amounts_are_refused_naming_the_row_and_field()
    {
        var (ranges, problems, _) = SalaryAmounts.ReadBase([
            new TypedRange("a", "abc", "200"),
            new TypedRange("b", "5", "200"),
            new TypedRange("c", "210", "150"),
            new TypedRange("d", "150", ""),
            new TypedRange("e", "9000000", "9500000"),
        ]);
        Assert.Empty(ranges);
        Assert.Equal(
        [
            "Row 1, bottom: 'abc' is not an amount; write thousands (180 or 180k) or dollars (180,000).",
            "Row 2, bottom: $5k is not a plausible yearly base salary (between $20k and $2,000k a year).",
            "Row 3: the top ($150k) is below the bottom ($210k).",
            "Row 4, top is missing.",
            "Row 5, bottom: $9,000k is not a plausible yearly base salary (between $20k and $2,000k a year).",
            "Row 5, top: $9,500k is not a plausible yearly base salary (between $20k and $2,000k a year).",
        ], problems);
    }

    [Fact]
    public void Bonus_and_equity_are_checked_too()
    {
        var problems = new List<string>();
        var notes = new List<string>();
        Assert.Equal(12.5m, SalaryAmounts.ReadBonus("12.5%", problems));
        Assert.Null(SalaryAmounts.ReadBonus("", problems));
        Assert.Null(SalaryAmounts.ReadBonus("150", problems));
        Assert.Equal((40m, 80m), SalaryAmounts.ReadEquity("40k", "80,000", problems, notes));
        Assert.Null(SalaryAmounts.ReadEquity("", "", problems, notes));
        Assert.Null(SalaryAmounts.ReadEquity("90", "30", problems, notes));
        Assert.Equal(["Bonus: '150' is not a percentage of base between 0 and 100.", "Equity: the top ($30k) is below the bottom ($90k)."], problems);
        Assert.Contains("Equity, top: 80,000 was read as dollars, $80k.", notes);
    }
}

using DsLoop.Drills.Answers;
using Xunit;

namespace DsLoop.Drills.Tests;

public sealed class AnswerParserTests
{
    private static readonly AnswerFormat Probability = AnswerFormat.Probability(Tolerance.ThreeSignificantFigures);
    private static readonly AnswerFormat Count = AnswerFormat.Count("users per arm", Tolerance.Within(0.03));
    private static readonly AnswerFormat Money = AnswerFormat.Number("dollars", Tolerance.ThreeSignificantFigures);

    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData(" 1/4 ", 0.25)]
    [InlineData("25%", 0.25)]
    [InlineData("12.5 %", 0.125)]
    [InlineData(".5", 0.5)]
    [InlineData("2.5e-1", 0.25)]
    [InlineData("3 / 8", 0.375)]
    public void A_probability_is_read_as_decimal_fraction_or_percentage(string text, double expected)
    {
        var parsed = AnswerParser.Parse(text, Probability);
        Assert.Null(parsed.Error);
        Assert.Equal(expected, parsed.Value!.Value, 12);
    }

    [Theory]
    [InlineData("1234", 1234)]
    [InlineData("1,234", 1234)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("1.2e3", 1200)]
    [InlineData("12k", 12000)]
    [InlineData("1.5M", 1500000)]
    [InlineData("3,100.5", 3100.5)]
    public void A_count_is_read_with_commas_scientific_notation_or_a_suffix(string text, double expected)
    {
        var parsed = AnswerParser.Parse(text, Count);
        Assert.Null(parsed.Error);
        Assert.Equal(expected, parsed.Value!.Value, 9);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("abc", "'abc' is not a number")]
    [InlineData("1.2.3", "'1.2.3' is not a number")]
    [InlineData("1,23", "misplaced commas")]
    [InlineData("12,34,567", "misplaced commas")]
    [InlineData("1/4", "is a fraction, which this drill does not take")]
    [InlineData("25%", "is a percentage, which this drill does not take")]
    [InlineData("-5", "negative")]
    [InlineData("NaN", "is not a number")]
    [InlineData("Infinity", "is not a number")]
    [InlineData("1e999", "is not a number")]
    public void A_count_refuses_other_text_and_says_what_is_wrong(string text, string message)
    {
        var parsed = AnswerParser.Parse(text, Count);
        Assert.Null(parsed.Value);
        Assert.Contains(message, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25", "add the % sign")]
    [InlineData("150%", "must lie between 0 and 1")]
    [InlineData("-0.1", "must lie between 0 and 1")]
    [InlineData("12k", "'k' suffix, which this drill does not take")]
    [InlineData("1/0", "divides by zero")]
    [InlineData("1/2/3", "not a fraction of two numbers")]
    [InlineData("1,000", "has commas")]
    [InlineData("x%", "the part before % is not a number")]
    public void A_probability_refuses_other_text_and_says_what_is_wrong(string text, string message)
    {
        var parsed = AnswerParser.Parse(text, Probability);
        Assert.Null(parsed.Value);
        Assert.Contains(message, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dollar_amount_takes_fractions_and_negatives_but_not_percentages()
    {
        Assert.Equal(-2.5, AnswerParser.Parse("-5/2", Money).Value);
        Assert.Equal(-1.25, AnswerParser.Parse("-1.25", Money).Value);
        Assert.Contains("percentage", AnswerParser.Parse("5%", Money).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_is_its_label_in_any_case_and_nothing_else()
    {
        var choice = AnswerFormat.Choice("A", "B");
        Assert.Equal(1, AnswerParser.Parse(" b ", choice).Value);
        Assert.Equal(0, AnswerParser.Parse("A", choice).Value);
        Assert.Contains("answer A or B", AnswerParser.Parse("C", choice).Error, StringComparison.Ordinal);
        Assert.Contains("answer A or B", AnswerParser.Parse("0", choice).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_answer_is_refused_before_parsing()
    {
        Assert.Contains("longer than 64", AnswerParser.Parse(new string('1', 65), Count).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_probability_format_line_does_not_offer_scientific_notation_but_still_reads_it()
    {
        Assert.Equal("a probability written as a decimal (0.25), a fraction (1/4), a percentage (25%), to 3 significant figures", Probability.Describe());
        Assert.Equal(0.25, AnswerParser.Parse("2.5e-1", Probability).Value);
        Assert.Contains("scientific notation (1.2e3)", Count.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_answer_is_a_refused_verdict_not_a_wrong_one()
    {
        var drill = DrillCatalog.Generate("sample-size", 1);
        var verdict = DrillGrader.Grade(drill, "about a thousand");
        Assert.Equal(VerdictKind.Refused, verdict.Kind);
        Assert.Null(verdict.Given);
    }

    [Theory]
    [InlineData(100, 100.59, true)]
    [InlineData(100, 100.61, false)]
    [InlineData(0.5, 0.503, true)]
    [InlineData(0.5, 0.504, false)]
    public void Three_significant_figures_allows_rounding_and_no_more(double exact, double given, bool accepted) =>
        Assert.Equal(accepted, Tolerance.ThreeSignificantFigures.Accepts(exact, given));

    [Fact]
    public void An_absolute_tolerance_is_absolute()
    {
        var t = Tolerance.Plus(0.005);
        Assert.True(t.Accepts(0.01, 0.0149));
        Assert.False(t.Accepts(0.01, 0.0151));
        Assert.True(Tolerance.Exact.Accepts(7, 7));
        Assert.False(Tolerance.Exact.Accepts(7, 8));
    }
}

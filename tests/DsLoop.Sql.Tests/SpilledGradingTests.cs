using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DsLoop.Sql.Spill;
using Xunit;

namespace DsLoop.Sql.Tests;

/// <summary>The spilled (hashed, on-disk) path of the grader: it must agree with the in-memory path and give the same feedback.</summary>
public sealed partial class SpilledGradingTests
{
    private static readonly SqlColumn[] TwoColumns = [new("id", "integer"), new("v", "text")];

    // The expression the grader used before it parsed dates by hand: the oracle for IsoDateText.
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?)?(Z|[+-]00(?::?00)?)?$")]
    private static partial Regex IsoDateTime();

    private static ResultGrader Spilling() => new() { InMemoryRowLimit = 10, Partitions = 8 };

    private static object?[][] Rows(int count, Func<int, object?[]> row) => Enumerable.Range(1, count).Select(row).ToArray();

    [Theory]
    [InlineData("2025-03-02")]
    [InlineData("2025-03-02 00:00:00")]
    [InlineData("2025-03-02T00:00")]
    [InlineData("2025-03-02 10:15")]
    [InlineData("2025-03-02T10:15:30.500Z")]
    [InlineData("2025-03-02 10:15:30.000")]
    [InlineData("2025-03-02 00:00:00.000+00:00")]
    [InlineData("2025-03-02 10:15:30+0000")]
    [InlineData("2025-03-02 10:15:30-00")]
    [InlineData("2025-03-02 10:15.25")]
    [InlineData("2025-03-02Z")]
    [InlineData("2025-03-02\n")]
    [InlineData("2025-03-02 10:15:30+01:00")]
    [InlineData("2025-03-02 10:1")]
    [InlineData("2025-03-02 10:15:3")]
    [InlineData("2025-03-02 10:15:30.")]
    [InlineData("2025-03-02T")]
    [InlineData("2025-3-02")]
    [InlineData("20250302")]
    [InlineData("2025-03-02 10:15:30 UTC")]
    [InlineData("2025-03-02 10:15:30.1234567890123456789012345")]
    public void Iso_dates_are_recognised_and_canonicalised_like_the_regular_expression(string text)
    {
        var match = text.Length is >= 10 and <= 40 ? IsoDateTime().Match(text) : Match.Empty;
        Span<char> buffer = stackalloc char[IsoDateText.MaxLength];
        var recognised = IsoDateText.TryCanonical(text, buffer, out var written);
        Assert.Equal(match.Success, recognised);
        if (match.Success)
        {
            Assert.Equal(Expected(match), new string(buffer[..written]));
        }
    }

    private static string Expected(Match m)
    {
        var canonical = new StringBuilder(m.Groups[1].Value);
        var time = m.Groups[2].Value;
        var fraction = m.Groups[3].Value.TrimEnd('0');
        time = time.Length == 5 ? time + ":00" : time;
        if (time.Length > 0 && (time != "00:00:00" || fraction.Length > 1))
        {
            canonical.Append(' ').Append(time).Append(fraction.Length > 1 ? fraction : "");
        }
        return canonical.ToString();
    }

    public static TheoryData<string> Specs() =>
    [
        new GradingSpec().ToJson(),
        new GradingSpec { CoerceIntegerDecimal = false, CoerceBoolInteger = false, CoerceDateText = false }.ToJson(),
        new GradingSpec { Tolerance = ToleranceKind.Absolute, ToleranceValue = 0.01 }.ToJson(),
        new GradingSpec { Tolerance = ToleranceKind.Relative, ToleranceValue = 1e-4 }.ToJson(),
    ];

    [Theory]
    [MemberData(nameof(Specs))]
    public void Hashing_a_driver_value_equals_hashing_its_normalised_cell(string specJson)
    {
        var comparer = new CellComparer(GradingSpec.FromJson(specJson));
        object?[] values =
        [
            null, DBNull.Value, 0L, -0.0, 42L, 42, 42.0, 42.5, -1e-300, 1e300, 123456789012345L, 0.1 + 0.2, double.NaN,
            double.PositiveInfinity, 1204.50m, 7m, true, false, "", "text", "2025-03-02", "2025-03-02 10:00:00.500",
            "2025-03-02T00:00:00Z", (short)3, new DateOnly(2025, 3, 2), new DateTime(2025, 3, 2, 10, 0, 0), new byte[] { 1, 2 }, 5UL,
        ];
        foreach (var value in values)
        {
            var raw = new RowHasher(comparer, 1, []);
            raw.Begin();
            raw.Add(value);
            var cell = new RowHasher(comparer, 1, []);
            cell.Begin();
            cell.Add(comparer.Normalize(value));
            Assert.True(raw.RowHash() == cell.RowHash(), $"{value} ({value?.GetType().Name}) hashes differently from its cell");
        }
    }

    [Fact]
    public void The_number_grid_keeps_ten_significant_digits_and_snaps_to_an_absolute_tolerance()
    {
        var exact = new GradingSpec();
        Assert.Equal(NumberGrid.Quantize(exact, 0.3), NumberGrid.Quantize(exact, 0.1 + 0.2));
        Assert.Equal(NumberGrid.Quantize(exact, 1204.5), NumberGrid.Quantize(exact, (double)1204.50m));
        Assert.NotEqual(NumberGrid.Quantize(exact, 1204.5), NumberGrid.Quantize(exact, 1204.500001));
        Assert.Equal((1_000_000_000L, -9), NumberGrid.Quantize(exact, 1));
        Assert.Equal((-9_999_999_999L, -9), NumberGrid.Quantize(exact, -9.999999999));
        Assert.Equal((1_000_000_000L, -8), NumberGrid.Quantize(exact, 9.9999999999));
        var cents = new GradingSpec { Tolerance = ToleranceKind.Absolute, ToleranceValue = 0.01 };
        Assert.Equal(NumberGrid.Quantize(cents, 10.001), NumberGrid.Quantize(cents, 9.999));
        Assert.NotEqual(NumberGrid.Quantize(cents, 10.00), NumberGrid.Quantize(cents, 10.02));
    }

    [Fact]
    public void A_spilled_comparison_passes_equal_results_in_any_order_across_value_types()
    {
        // The same answer as SQLite (double, long, text date) and PostgreSQL (decimal, int, DateOnly) hand it over.
        SqlColumn[] columns = [new("day", "date"), new("n", "integer"), new("revenue", "numeric")];
        var sqlite = Rows(200, i => [new DateOnly(2025, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (long)i, i * 1.1]);
        var postgres = Rows(200, i => [new DateOnly(2025, 1, 1).AddDays(i), i, (decimal)(i * 1.1)]).Reverse();
        var result = Spilling().Compare(columns, sqlite, columns, postgres, new GradingSpec());
        Assert.True(result.Passed, string.Join(" | ", result.Feedback));
        Assert.True(result.PeakRowsInMemory < 200, $"held {result.PeakRowsInMemory} rows");
    }

    [Fact]
    public void Spilled_samples_are_the_earliest_differing_rows_in_result_order()
    {
        var expected = Rows(100, i => [(long)i, $"row {i}"]);
        var actual = expected.Where(r => (long)r[0]! % 10 != 3).Append([7L, "extra"]).Append([1000L, "new"]);
        var result = Spilling().Compare(TwoColumns, expected, TwoColumns, actual, new GradingSpec());
        Assert.Equal(["10 rows missing, e.g. (3, row 3); (13, row 13); (23, row 23)", "2 unexpected rows, e.g. (7, extra); (1000, new)"], result.Feedback);
    }

    [Fact]
    public void Spilled_extra_copies_are_reported_as_duplicates_and_ignored_under_set_semantics()
    {
        var expected = Rows(50, i => [(long)i, "x"]);
        var actual = expected.Concat(expected.Take(4));
        var bag = Spilling().Compare(TwoColumns, expected, TwoColumns, actual, new GradingSpec());
        Assert.Equal(["4 unexpected rows (duplicates of expected rows), e.g. (1, x); (2, x); (3, x)"], bag.Feedback);
        Assert.True(Spilling().Compare(TwoColumns, expected, TwoColumns, actual, new GradingSpec { Duplicates = DuplicateRows.Ignore }).Passed);
        var missingCopy = Spilling().Compare(TwoColumns, actual, TwoColumns, expected, new GradingSpec());
        Assert.Equal(["4 rows missing, e.g. (1, x); (2, x); (3, x)"], missingCopy.Feedback);
    }

    [Fact]
    public void Spilled_order_is_checked_by_keys_with_ties_in_any_order()
    {
        var spec = new GradingSpec { Order = RowOrder.ByKeys, OrderKeys = ["ID"] };
        var expected = Rows(60, i => [(long)((i - 1) / 3), $"tie {i}"]);
        var tiesShuffled = expected.Chunk(3).SelectMany(c => c.Reverse());
        Assert.True(Spilling().Compare(TwoColumns, expected, TwoColumns, tiesShuffled, spec).Passed);
        Assert.Equal(["correct rows, wrong order: rows must be sorted by (id)"],
            Spilling().Compare(TwoColumns, expected, TwoColumns, expected.Reverse(), spec).Feedback);
        Assert.Equal(["correct rows, wrong order"],
            Spilling().Compare(TwoColumns, expected, TwoColumns, tiesShuffled, spec with { Order = RowOrder.Full }).Feedback);
    }

    [Fact]
    public void Spilled_nulls_match_only_when_the_spec_says_null_equals_null()
    {
        var rows = Rows(30, i => [(long)i, i % 2 == 0 ? null : "x"]);
        Assert.True(Spilling().Compare(TwoColumns, rows, TwoColumns, rows, new GradingSpec()).Passed);
        Assert.Equal(["15 rows missing, e.g. (2, NULL); (4, NULL); (6, NULL)", "15 unexpected rows, e.g. (2, NULL); (4, NULL); (6, NULL)"],
            Spilling().Compare(TwoColumns, rows, TwoColumns, rows, new GradingSpec { NullEqualsNull = false }).Feedback);
    }
}

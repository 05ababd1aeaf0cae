using Xunit;

namespace DsLoop.Sql.Tests;

/// <summary>Every grading-spec option on both engines: right answers pass, realistic wrong answers fail with precise feedback.</summary>
[Collection(SandboxCollection.Name)]
public sealed class GraderTests(SandboxFixture fixture)
{
    private const string UsersByCountry = "select country, count(*) as users from users group by country order by country";
    private const string Revenue =
        "select u.country, round(sum(p.amount), 2) as revenue from payments p join users u on u.id = p.user_id group by u.country order by u.country";

    private static readonly SandboxLimits Limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(10) };

    private async Task<GradeResult> Grade(string engine, string reference, string candidate, GradingSpec? spec = null)
    {
        fixture.NeedEngine(engine);
        return await new ResultGrader().GradeAsync(fixture.Engine(engine), reference, candidate, spec ?? new GradingSpec(), Limits);
    }

    private static void Fails(GradeResult result, params string[] feedbackPrefixes)
    {
        Assert.Equal(GradeVerdict.Incorrect, result.Verdict);
        Assert.True(feedbackPrefixes.Length == result.Feedback.Count, "feedback: " + string.Join(" | ", result.Feedback));
        for (var i = 0; i < feedbackPrefixes.Length; i++)
        {
            Assert.StartsWith(feedbackPrefixes[i], result.Feedback[i], StringComparison.Ordinal);
        }
    }

    private static void Passes(GradeResult result) => Assert.True(result.Passed, string.Join(" | ", result.Feedback));

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Order_none_accepts_any_order(string engine) =>
        Passes(await Grade(engine, UsersByCountry, "select country, count(*) as users from users group by country order by users desc"));

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Order_full_reports_correct_rows_wrong_order(string engine)
    {
        var spec = new GradingSpec { Order = RowOrder.Full };
        Passes(await Grade(engine, UsersByCountry, "select country, count(*) as users from users group by 1 order by 1", spec));
        Fails(await Grade(engine, UsersByCountry, "select country, count(*) as users from users group by country order by country desc", spec),
            "correct rows, wrong order: first difference at row 1: expected (DE, ");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Order_by_keys_allows_ties_in_any_order(string engine)
    {
        var spec = new GradingSpec { Order = RowOrder.ByKeys, OrderKeys = ["country"] };
        const string reference = "select country, plan, count(*) as n from users group by country, plan order by country, plan";
        Passes(await Grade(engine, reference, "select country, plan, count(*) as n from users group by country, plan order by country, plan desc", spec));
        Fails(await Grade(engine, reference, "select country, plan, count(*) as n from users group by country, plan order by plan, country", spec),
            "correct rows, wrong order: rows must be sorted by (country); row 2 should have country DE but has country FR");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Column_names_must_match_unless_the_spec_says_otherwise(string engine)
    {
        const string renamed = "select country, count(*) as n from users group by country";
        Fails(await Grade(engine, UsersByCountry, renamed), "expected columns (country, users), got (country, n)");
        Passes(await Grade(engine, UsersByCountry, renamed, new GradingSpec { ColumnNamesMustMatch = false }));
        Fails(await Grade(engine, UsersByCountry, "select country, count(distinct plan) as plans, count(*) as users from users group by country"),
            "expected columns (country, users), got (country, plans, users)");
        Fails(await Grade(engine, UsersByCountry, "select country, 1 as plans, count(*) as users from users group by country", new GradingSpec { ColumnNamesMustMatch = false }),
            "expected 2 columns, got 3: expected (country, users), got (country, plans, users)");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Column_order_matters_only_when_asked(string engine)
    {
        const string swapped = "select count(*) as users, country from users group by country";
        Passes(await Grade(engine, UsersByCountry, swapped));
        Fails(await Grade(engine, UsersByCountry, swapped, new GradingSpec { ColumnOrderMatters = true }),
            "right columns in the wrong order: expected (country, users), got (users, country)");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Missing_and_unexpected_rows_are_counted_with_samples(string engine)
    {
        var us = TestData.UserRows().Count(u => u.Country == "US");
        Fails(await Grade(engine, UsersByCountry, "select country, count(*) as users from users where country <> 'US' group by country"),
            $"1 row missing, e.g. (US, {us})");
        Fails(await Grade(engine, UsersByCountry, "select country, count(*) as users from users group by country union all select 'XX', 1 union all select 'YY', 2"),
            "2 unexpected rows, e.g. (XX, 1); (YY, 2)");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_wrong_column_is_named_with_the_first_differing_row(string engine)
    {
        var result = await Grade(engine, Revenue,
            "select u.country, round(sum(p.amount), 2) as revenue from payments p join users u on u.id = p.user_id where p.paid_on >= '2025-01-15' group by u.country");
        Fails(result, "column `revenue` differs in 5 rows, first at country DE: expected ");
        var de = TestData.PaymentRows().Join(TestData.UserRows(), p => p.UserId, u => u.Id, (p, u) => (u.Country, p.Amount)).Where(x => x.Country == "DE").Sum(x => x.Amount);
        Assert.Contains($"expected {de.ToString(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.')}", result.Feedback[0], StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Numeric_tolerance_absolute_and_relative(string engine)
    {
        const string rounded = "select u.country, round(sum(p.amount), 0) as revenue from payments p join users u on u.id = p.user_id group by u.country";
        Fails(await Grade(engine, Revenue, rounded), "column `revenue` differs in ");
        Passes(await Grade(engine, Revenue, rounded, new GradingSpec { Tolerance = ToleranceKind.Absolute, ToleranceValue = 0.5 }));
        Passes(await Grade(engine, Revenue, rounded, new GradingSpec { Tolerance = ToleranceKind.Relative, ToleranceValue = 1e-3 }));
        const string inflated = "select u.country, round(sum(p.amount) * 1.01, 2) as revenue from payments p join users u on u.id = p.user_id group by u.country";
        Fails(await Grade(engine, Revenue, inflated, new GradingSpec { Tolerance = ToleranceKind.Relative, ToleranceValue = 1e-3 }),
            "column `revenue` differs in 5 rows, first at country DE: expected ");
        Fails(await Grade(engine, Revenue, inflated, new GradingSpec { Tolerance = ToleranceKind.Absolute, ToleranceValue = 0.5 }),
            "column `revenue` differs in 5 rows, first at country DE: expected ");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Duplicates_count_in_bag_mode_and_not_in_set_mode(string engine)
    {
        const string reference = "select distinct country from users";
        const string candidate = "select country from users";
        Fails(await Grade(engine, reference, candidate), "495 unexpected rows (duplicates of expected rows), e.g. (DE); (DE); (DE)");
        Passes(await Grade(engine, reference, candidate, new GradingSpec { Duplicates = DuplicateRows.Ignore }));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Null_semantics(string engine)
    {
        const string query = "select country, case when country = 'US' then null else 1 end as flag from users group by country";
        Passes(await Grade(engine, query, query));
        Fails(await Grade(engine, query, query, new GradingSpec { NullEqualsNull = false }),
            "column `flag` differs in 1 row, first at country US: expected NULL, got NULL");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Integer_versus_decimal_coercion(string engine)
    {
        const string candidate = "select country, count(*) * 1.0 as users from users group by country";
        Passes(await Grade(engine, UsersByCountry, candidate));
        var de = TestData.UserRows().Count(u => u.Country == "DE");
        Fails(await Grade(engine, UsersByCountry, candidate, new GradingSpec { CoerceIntegerDecimal = false }),
            $"column `users` differs in 5 rows, first at country DE: expected integer {de}, got decimal {de}.0");
    }

    [SkippableTheory]
    [InlineData("sqlite", "datetime(min(signup_date))")]
    [InlineData("postgres", "min(signup_date)::timestamp")]
    public async Task Date_versus_timestamp_text_coercion(string engine, string asTimestamp)
    {
        const string reference = "select min(signup_date) as first_signup from users";
        var candidate = $"select {asTimestamp} as first_signup from users";
        Passes(await Grade(engine, reference, candidate));
        Fails(await Grade(engine, reference, candidate, new GradingSpec { CoerceDateText = false }),
            "1 row missing, e.g. (2025-01-01)", "1 unexpected row, e.g. (2025-01-01 00:00:00)");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Boolean_versus_integer_coercion(string engine)
    {
        const string reference = "select id, active from users where id <= 3 order by id";
        const string candidate = "select id, case when active then 1 else 0 end as active from users where id <= 3";
        Passes(await Grade(engine, reference, candidate));
        var strict = await Grade(engine, reference, candidate, new GradingSpec { CoerceBoolInteger = false });
        if (engine == "postgres")
        {
            // SQLite has no boolean type, so only PostgreSQL can tell true from 1.
            Fails(strict, "column `active` differs in 3 rows, first at id 1: expected ");
        }
        else
        {
            Passes(strict);
        }
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Failing_queries_are_reported(string engine)
    {
        var result = await Grade(engine, UsersByCountry, "select country, count(*) as users from nope group by country");
        Assert.Equal(GradeVerdict.CandidateFailed, result.Verdict);
        Assert.StartsWith("your query did not run: ", result.Feedback[0], StringComparison.Ordinal);
        Assert.Contains("nope", result.Feedback[0], StringComparison.Ordinal);
        Assert.Equal(GradeVerdict.ReferenceFailed, (await Grade(engine, "select nope", UsersByCountry)).Verdict);
    }

    [SkippableFact]
    public async Task Both_engines_agree_on_the_same_data()
    {
        fixture.NeedEngine("postgres");
        var cases = new (string Reference, string Candidate, GradingSpec Spec)[]
        {
            (Revenue, Revenue.Replace("order by u.country", "", StringComparison.Ordinal), new GradingSpec()),
            (Revenue, Revenue.Replace("round(sum(p.amount), 2)", "sum(p.amount)", StringComparison.Ordinal), new GradingSpec { Tolerance = ToleranceKind.Absolute, ToleranceValue = 0.01 }),
            ("select kind, count(*) as n, avg(user_id) as mean_user from events group by kind", "select kind, count(*) as n, sum(user_id) * 1.0 / count(*) as mean_user from events group by kind", new GradingSpec()),
            ("select signup_date, count(*) as n from users group by signup_date order by signup_date", "select signup_date, count(*) as n from users group by signup_date order by n", new GradingSpec { Order = RowOrder.Full }),
            (UsersByCountry, "select country, count(distinct id) as users from users where plan <> 'free' group by country", new GradingSpec()),
        };
        foreach (var (reference, candidate, spec) in cases)
        {
            var sqlite = await Grade("sqlite", reference, candidate, spec);
            var postgres = await Grade("postgres", reference, candidate, spec);
            Assert.Equal(sqlite.Verdict, postgres.Verdict);
            Assert.Equal(sqlite.Feedback.Count, postgres.Feedback.Count);
            Assert.Equal(sqlite.Feedback.Select(f => f.Split(':')[0]), postgres.Feedback.Select(f => f.Split(':')[0]));
        }
    }

    [Fact]
    public async Task Large_results_are_compared_with_bounded_memory()
    {
        var grader = new ResultGrader { InMemoryRowLimit = 20_000 };
        var limits = Limits with { Timeout = TimeSpan.FromSeconds(60) };
        const string million = "with recursive r(x) as (select 1 union all select x + 1 from r where x < 1000000) select x, x % 7 as m from r";
        var correct = await grader.GradeAsync(fixture.Sqlite, million, million.Replace("select x, x % 7 as m from r", "select x, x % 7 as m from r order by m", StringComparison.Ordinal), new GradingSpec(), limits);
        Assert.True(correct.Passed, string.Join(" | ", correct.Feedback));
        Assert.Equal(1_000_000, correct.CandidateRows);
        Assert.True(correct.PeakRowsInMemory <= 40_000, $"held {correct.PeakRowsInMemory} rows");

        const string big = "with recursive r(x) as (select 1 union all select x + 1 from r where x < 200000) select x, x % 7 as m from r";
        var wrong = await grader.GradeAsync(fixture.Sqlite, big, big + " where x <> 150000 union all select -1, 0", new GradingSpec(), limits);
        Assert.Equal(["1 row missing, e.g. (150000, 4)", "1 unexpected row, e.g. (-1, 0)"], wrong.Feedback);
        Assert.True(wrong.PeakRowsInMemory <= 40_000);
        var order = await grader.GradeAsync(fixture.Sqlite, big, big + " order by x desc", new GradingSpec { Order = RowOrder.Full }, limits);
        Assert.Equal(["correct rows, wrong order"], order.Feedback);
    }

    [Fact]
    public async Task A_prepared_reference_grades_many_answers_and_survives_a_spilled_one()
    {
        var grader = new ResultGrader { InMemoryRowLimit = 1_000 };
        const string small = "with recursive r(x) as (select 1 union all select x + 1 from r where x < 500) select x, x % 7 as m from r";
        using var reference = await grader.PrepareReferenceAsync(fixture.Sqlite, small, new GradingSpec(), Limits);
        Assert.True(reference.Reusable);
        Assert.Equal(500, reference.Rows);
        Passes(await grader.GradeAsync(fixture.Sqlite, reference, small + " order by m", Limits));
        // An answer big enough to spill compares against a copy; the shared reference stays in memory and still grades.
        var spilled = await grader.GradeAsync(fixture.Sqlite, reference, small.Replace("x < 500", "x < 5000", StringComparison.Ordinal), Limits);
        Fails(spilled, "4,500 unexpected rows, e.g. (");
        Assert.True(reference.Reusable);
        Fails(await grader.GradeAsync(fixture.Sqlite, reference, small + " where x > 1", Limits), "1 row missing, e.g. (1, 1)");
        Passes(await grader.GradeAsync(fixture.Sqlite, reference, small, Limits));

        using var broken = await grader.PrepareReferenceAsync(fixture.Sqlite, "select nope from users", new GradingSpec(), Limits);
        Assert.False(broken.Reusable);
        Assert.Equal(GradeVerdict.ReferenceFailed, (await grader.GradeAsync(fixture.Sqlite, broken, small, Limits)).Verdict);
    }

    [Fact]
    public void Repeated_column_names_and_bad_specs_are_handled()
    {
        var grader = new ResultGrader();
        SqlColumn[] columns = [new("id", "integer"), new("id", "integer"), new("n", "integer")];
        object?[][] rows = [[1L, 2L, 3L], [4L, 5L, 6L]];
        Assert.True(grader.Compare(columns, rows, columns, rows.Reverse(), new GradingSpec()).Passed);
        var byKeysWithoutKeys = grader.Compare(columns, rows, columns, rows, new GradingSpec { Order = RowOrder.ByKeys });
        Assert.Equal(GradeVerdict.ReferenceFailed, byKeysWithoutKeys.Verdict);
        Assert.Equal(["the grading spec orders rows by keys but names no orderKeys."], byKeysWithoutKeys.Feedback);
        var unknownKey = grader.Compare(columns, rows, columns, rows, new GradingSpec { Order = RowOrder.ByKeys, OrderKeys = ["cohort"] });
        Assert.Equal(["the grading spec names key column `cohort`, which the reference result does not have."], unknownKey.Feedback);
    }

    [Fact]
    public void Compares_values_from_both_engines_directly()
    {
        // The same answer as SQLite and PostgreSQL hand it over: text dates vs DateOnly, double vs decimal, 0/1 vs bool.
        SqlColumn[] columns = [new("cohort", "date"), new("revenue", "numeric"), new("active", "bool")];
        object?[][] sqlite = [["2025-03-02", 1204.5, 1L], ["2025-03-09", 99.0, 0L]];
        object?[][] postgres = [[new DateOnly(2025, 3, 2), 1204.50m, true], [new DateOnly(2025, 3, 9), 99.00m, false]];
        var grader = new ResultGrader();
        Assert.True(grader.Compare(columns, sqlite, columns, postgres, new GradingSpec()).Passed);
        object?[][] wrong = [[new DateOnly(2025, 3, 2), 1409.00m, true], [new DateOnly(2025, 3, 9), 99.00m, false]];
        Assert.Equal(["column `revenue` differs in 1 row, first at cohort 2025-03-02: expected 1204.5, got 1409.00"],
            grader.Compare(columns, sqlite, columns, wrong, new GradingSpec()).Feedback);
    }

    [Fact]
    public void Specs_round_trip_through_json()
    {
        var spec = new GradingSpec
        {
            Order = RowOrder.ByKeys,
            OrderKeys = ["cohort"],
            Tolerance = ToleranceKind.Relative,
            ToleranceValue = 0.001,
            Duplicates = DuplicateRows.Ignore,
            NullEqualsNull = false,
            CoerceDateText = false,
        };
        var json = spec.ToJson();
        Assert.Contains("\"order\": \"byKeys\"", json, StringComparison.Ordinal);
        var back = GradingSpec.FromJson(json);
        Assert.Equal(spec.ToJson(), back.ToJson());
        Assert.Equal(["cohort"], back.OrderKeys);
        Assert.Equal(RowOrder.None, GradingSpec.FromJson("{}").Order);
    }
}

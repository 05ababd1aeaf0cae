using Xunit;

namespace DsLoop.Sql.Tests;

/// <summary>What the grader and the sandboxes tell a candidate when an answer is wrong: types, the row a wrong value belongs to, where a syntax error is.</summary>
[Collection(SandboxCollection.Name)]
public sealed class FeedbackTests(SandboxFixture fixture)
{
    private static readonly SandboxLimits Limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(10) };

    private async Task<GradeResult> Grade(string engine, string reference, string candidate, GradingSpec? spec = null)
    {
        fixture.NeedEngine(engine);
        return await new ResultGrader().GradeAsync(fixture.Engine(engine), reference, candidate, spec ?? new GradingSpec(), Limits);
    }

    private async Task<SqlRunResult> Run(string engine, string sql)
    {
        fixture.NeedEngine(engine);
        return await fixture.Engine(engine).RunAsync(sql, Limits);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_value_of_another_type_names_both_types(string engine)
    {
        var result = await Grade(engine, "select id, id * 11 as n from users where id <= 5", "select id, cast(id * 11 as text) as n from users where id <= 5");
        Assert.Equal(GradeVerdict.Incorrect, result.Verdict);
        Assert.Equal(["column `n` differs in 5 rows, first at id 1: expected integer 11, got text '11'"], result.Feedback);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_single_column_of_another_type_is_named_even_when_no_row_can_be_paired(string engine)
    {
        var result = await Grade(engine, "select 55 as n", "select '55' as n");
        Assert.Equal(
            ["column `n` has the wrong type: text where integer is expected (expected integer 55, got text '55')", "1 row missing, e.g. (55)", "1 unexpected row, e.g. (55)"],
            result.Feedback);
    }

    [Fact]
    public void Rows_are_paired_by_the_columns_that_identify_them_not_by_the_first_column()
    {
        // Two users per country: pairing by country alone would compare user 1's count with user 2's.
        SqlColumn[] columns = [new("country", "text"), new("user_id", "integer"), new("purchases", "integer")];
        object?[][] expected = [["DE", 1L, 5L], ["DE", 2L, 3L], ["FR", 3L, 4L]];
        object?[][] actual = [["DE", 2L, 3L], ["DE", 1L, 6L], ["FR", 3L, 4L]];
        var result = new ResultGrader().Compare(columns, expected, columns, actual, new GradingSpec { Order = RowOrder.Full });
        Assert.Equal(["column `purchases` differs in 1 row, first at user_id 1: expected 5, got 6"], result.Feedback);
    }

    [Fact]
    public void Sort_keys_that_tie_are_completed_by_a_column_that_makes_them_unique()
    {
        SqlColumn[] columns = [new("month", "text"), new("channel", "text"), new("share", "real")];
        object?[][] expected = [["2025-09", "ads", 0.5], ["2025-09", "organic", 0.25], ["2025-10", "ads", 0.4]];
        object?[][] actual = [["2025-09", "ads", 0.5], ["2025-09", "organic", 0.3], ["2025-10", "ads", 0.4]];
        var spec = new GradingSpec { Order = RowOrder.ByKeys, OrderKeys = ["month"] };
        Assert.Equal(["column `share` differs in 1 row, first at month 2025-09, channel organic: expected 0.25, got 0.3"],
            new ResultGrader().Compare(columns, expected, columns, actual, spec).Feedback);
    }

    [Fact]
    public void Without_identifying_columns_rows_are_listed_rather_than_paired_by_a_guess()
    {
        SqlColumn[] columns = [new("country", "text"), new("amount", "real")];
        object?[][] expected = [["DE", 1.5], ["DE", 2.5]];
        object?[][] actual = [["DE", 1.5], ["DE", 3.5]];
        Assert.Equal(["1 row missing, e.g. (DE, 2.5)", "1 unexpected row, e.g. (DE, 3.5)"],
            new ResultGrader().Compare(columns, expected, columns, actual, new GradingSpec()).Feedback);
    }

    [SkippableTheory]
    [InlineData("sqlite", "near \"=\": syntax error (line 3, column 12)")]
    [InlineData("postgres", "syntax error at or near \"=\" (line 3, column 12).")]
    public async Task A_syntax_error_names_its_line_and_column_in_the_candidates_text(string engine, string message)
    {
        // The first "=" is fine; the second one is the error.
        var result = await Run(engine, "select country\nfrom users\nwhere id = = 1");
        Assert.Equal(SqlRunStatus.SqlError, result.Status);
        Assert.Equal(message, result.Message);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_position_is_the_failing_occurrence_when_the_token_appears_more_than_once(string engine)
    {
        // "from" first stands where it is fine; the second one follows another FROM clause and is the error.
        var result = await Run(engine, "select id from users from users");
        Assert.Equal(SqlRunStatus.SqlError, result.Status);
        Assert.EndsWith("(line 1, column 22)" + (engine == "postgres" ? "." : ""), result.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_grader_reports_the_position_of_a_syntax_error(string engine)
    {
        var result = await Grade(engine, "select id from users", "select id,\nfrom users");
        Assert.Equal(GradeVerdict.CandidateFailed, result.Verdict);
        Assert.Contains("(line 2, column 1)", result.Feedback[0], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Sqlite_says_nothing_about_the_position_when_the_message_quotes_no_token()
    {
        var result = await Run("sqlite", "select id from");
        Assert.Equal(SqlRunStatus.SqlError, result.Status);
        Assert.Equal("incomplete input", result.Message);
    }

    [Theory]
    [InlineData("abc", 0, " (line 1, column 1)")]
    [InlineData("ab\ncd", 4, " (line 2, column 2)")]
    [InlineData("ab\ncd", 3, " (line 2, column 1)")]
    [InlineData("ab", 2, " (line 1, column 3)")]
    [InlineData("ab", 3, "")]
    [InlineData("ab", -1, "")]
    public void Positions_are_one_based_lines_and_columns(string text, int index, string expected) =>
        Assert.Equal(expected, StatementText.Where(text, index));

    [Fact]
    public void PostgreSQL_character_positions_count_a_surrogate_pair_once() =>
        Assert.Equal(3, StatementText.IndexOfCodePoint("a\U0001F600b", 2));
}

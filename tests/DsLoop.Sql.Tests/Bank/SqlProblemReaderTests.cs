using DsLoop.Sql.Bank;
using Xunit;

namespace DsLoop.Sql.Tests.Bank;

public sealed class SqlProblemReaderTests
{
    private const string Valid = """
        id: p
        title: A problem
        difficulty: easy
        skills: [dau]
        prompt: Count users.
        columns: [n]
        grading:
          order: full
          tolerance: absolute
          toleranceValue: 0.001
        reference: select count(*) as n from users
        reference_postgres: select count(*)::bigint as n from users
        hints: [one, two]
        explanation: Because.
        traps:
          - name: Wrong table
            why: It counts events.
            sql: select count(*) as n from events
        """;

    [Fact]
    public void A_valid_file_gives_the_problem_with_its_grading_spec_and_dialects()
    {
        var problem = SqlProblemReader.Read("p.yaml", Valid);
        Assert.Equal(Difficulty.Easy, problem.Difficulty);
        Assert.Equal(RowOrder.Full, problem.Spec.Order);
        Assert.Equal(ToleranceKind.Absolute, problem.Spec.Tolerance);
        Assert.Equal(0.001, problem.Spec.ToleranceValue);
        Assert.Equal("select count(*)::bigint as n from users", problem.ReferenceFor("postgres"));
        Assert.Equal("select count(*) as n from events", Assert.Single(problem.Traps).For("postgres"));
    }

    [Theory]
    [InlineData("difficulty: easy", "difficulty: trivial", "p.yaml:3: difficulty 'trivial' is not easy, medium or hard")]
    [InlineData("id: p", "id: q", "p.yaml:1: id 'q' must match the file name 'p'")]
    [InlineData("hints: [one, two]", "hints: [one]", "'hints' needs at least 2 item(s), found 1")]
    [InlineData("explanation: Because.", "explanaton: Because.", "p.yaml:14: unknown field 'explanaton'")]
    [InlineData("  order: full", "  order: sideways", "invalid grading spec")]
    public void A_wrong_file_is_reported_with_its_line(string from, string to, string message)
    {
        var error = Assert.Throws<SqlProblemException>(() => SqlProblemReader.Read("p.yaml", Valid.Replace(from, to, StringComparison.Ordinal)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_without_a_trap_is_refused()
    {
        var text = Valid[..Valid.IndexOf("traps:", StringComparison.Ordinal)];
        var error = Assert.Throws<SqlProblemException>(() => SqlProblemReader.Read("p.yaml", text));
        Assert.Contains("at least one trap query", error.Message, StringComparison.Ordinal);
    }
}

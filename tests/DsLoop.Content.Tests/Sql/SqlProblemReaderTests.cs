using DsLoop.Content.Sql;
using DsLoop.Sql;
using Xunit;

namespace DsLoop.Content.Tests.Sql;

public sealed class SqlProblemReaderTests : IDisposable
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

    private readonly string _root = Directory.CreateTempSubdirectory("dsloop-sqlbank-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ContentLoadResult Load(string text, string file = "p.yaml")
    {
        var path = Path.Combine(_root, ContentLoader.SqlFolder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return ContentLoader.Load(_root);
    }

    [Fact]
    public void A_valid_file_gives_the_problem_with_its_grading_spec_and_dialects()
    {
        var problem = Assert.Single(Load(Valid).Bank!.SqlProblems);
        Assert.Equal(Difficulty.Easy, problem.Difficulty);
        Assert.Equal(RowOrder.Full, problem.Spec.Order);
        Assert.Equal(ToleranceKind.Absolute, problem.Spec.Tolerance);
        Assert.Equal(0.001, problem.Spec.ToleranceValue);
        Assert.Equal(3, problem.MinRows);
        Assert.Equal("select count(*)::bigint as n from users", problem.ReferenceFor("postgres"));
        Assert.Equal("select count(*) as n from events", Assert.Single(problem.Traps).For("postgres"));
        Assert.Equal(new SourceSpan("sql/p.yaml", 1), problem.Source);
    }

    [Theory]
    [InlineData("difficulty: easy", "difficulty: trivial", 3, "difficulty 'trivial' is not easy, medium or hard.")]
    [InlineData("id: p", "id: q", 1, "id 'q' must match the file name 'p'.")]
    [InlineData("hints: [one, two]", "hints: [one]", 13, "'hints' needs at least 2 item(s), found 1.")]
    [InlineData("explanation: Because.", "explanaton: Because.", 14, "unknown field 'explanaton' in a SQL problem.")]
    [InlineData("  order: full", "  order: sideways", 8, "invalid grading spec")]
    [InlineData("columns: [n]", "columns: []", 6, "'columns' must not be empty.")]
    [InlineData("    sql: select count(*) as n from events", "    sql: select count(*) as n from events\n    sql_mysql: select 1", 19, "unknown field 'sql_mysql' in a trap.")]
    [InlineData("    why: It counts events.\n", "", 16, "a trap is missing the required field 'why'.")]
    [InlineData("hints: [one, two]", "hints:\n  - one\n  - Start from x: then y", 15, "every entry of 'hints' must be non-empty text.")]
    [InlineData("hints: [one, two]", "hints: [one, two]\nmin_rows: some", 14, "min_rows must be a positive whole number, found 'some'.")]
    public void A_wrong_file_is_reported_as_a_content_error_at_its_file_and_line(string from, string to, int line, string message)
    {
        var result = Load(Valid.Replace(from, to, StringComparison.Ordinal));
        Assert.Null(result.Bank);
        var error = Assert.Single(result.Errors, e => e.Message.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(new SourceSpan("sql/p.yaml", line), error.Where);
    }

    [Fact]
    public void A_problem_without_a_trap_is_refused()
    {
        var result = Load(Valid[..Valid.IndexOf("traps:", StringComparison.Ordinal)]);
        var error = Assert.Single(result.Errors);
        Assert.Equal("sql/p.yaml:1: a SQL problem needs at least one trap query (a common mistake the grader must reject).", error.ToString());
    }

    [Fact]
    public void Every_mistake_in_a_file_is_reported_not_only_the_first()
    {
        var text = Valid.Replace("difficulty: easy", "difficulty: trivial", StringComparison.Ordinal)
            .Replace("title: A problem\n", "", StringComparison.Ordinal);
        var errors = Load(text).Errors;
        Assert.Equal(["sql/p.yaml:1: a SQL problem is missing the required field 'title'.", "sql/p.yaml:2: difficulty 'trivial' is not easy, medium or hard."],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_its_line()
    {
        var error = Assert.Single(Load("id: p\ntitle: [unclosed\n").Errors);
        Assert.Equal("sql/p.yaml", error.Where.File);
        Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_problems_with_one_id_in_different_folders_are_a_duplicate()
    {
        Load(Valid, "a/p.yaml");
        var error = Assert.Single(Load(Valid, "b/p.yaml").Errors);
        Assert.Equal(new SourceSpan("sql/b/p.yaml", 1), error.Where);
        Assert.Equal("duplicate SQL problem id 'p', first defined at sql/a/p.yaml:1.", error.Message);
    }

    [Fact]
    public void The_bank_lists_problems_easiest_first_and_finds_them_by_id()
    {
        Load(Valid.Replace("difficulty: easy", "difficulty: hard", StringComparison.Ordinal));
        Load(Valid.Replace("id: p", "id: e", StringComparison.Ordinal), "e.yaml");
        var bank = Load(Valid.Replace("id: p", "id: m", StringComparison.Ordinal).Replace("difficulty: easy", "difficulty: medium", StringComparison.Ordinal), "m.yaml").Bank!;
        Assert.Equal(["e", "m", "p"], bank.SqlProblems.Select(p => p.Id));
        Assert.Equal(Difficulty.Medium, bank.SqlProblemsById["m"].Difficulty);
    }

    [Fact]
    public void A_folder_of_problems_alone_loads_with_errors_relative_to_it()
    {
        Load(Valid.Replace("id: p", "id: q", StringComparison.Ordinal));
        var result = ContentLoader.LoadSqlProblems(Path.Combine(_root, ContentLoader.SqlFolder));
        Assert.Equal("p.yaml:1: id 'q' must match the file name 'p'.", Assert.Single(result.Errors).ToString());
        Assert.False(ContentLoader.LoadSqlProblems(Path.Combine(_root, "missing")).IsValid);
    }

    [Fact]
    public void The_shipped_problems_load_with_the_rest_of_the_content()
    {
        var bank = ContentLoader.Load(DsLoop.Testing.RepoPaths.Content).Bank!;
        Assert.True(bank.SqlProblems.Count >= 60, $"{bank.SqlProblems.Count} SQL problems");
        Assert.All(bank.SqlProblems, p => Assert.Equal($"sql/{p.Id}.yaml", p.Source.File));
    }
}

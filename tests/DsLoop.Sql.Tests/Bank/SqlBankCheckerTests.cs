using DsLoop.Sql.Bank;
using Xunit;

namespace DsLoop.Sql.Tests.Bank;

/// <summary>The checker on plain exercises against the small test dataset: each kind of unsound exercise is named.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SqlBankCheckerTests(SandboxFixture fixture)
{
    private const string UsersByCountry = "select country, count(*) as users from users group by country order by country";

    private static BankExercise Exercise(string reference = UsersByCountry, int minRows = 3, params BankTrap[] traps) =>
        new("by-country", reference, ["country", "users"], minRows, new GradingSpec(),
            traps.Length > 0 ? traps : [new BankTrap("Counting events", "select u.country, count(*) as users from events e join users u on u.id = e.user_id group by u.country")]);

    private Task<IReadOnlyList<string>> Check(BankExercise exercise) => SqlBankChecker.CheckAsync(exercise, fixture.Sqlite, "test data");

    [Fact]
    public async Task A_sound_exercise_has_no_failures() => Assert.Empty(await Check(Exercise()));

    [Fact]
    public async Task A_trap_that_gives_the_right_result_is_named()
    {
        var failure = Assert.Single(await Check(Exercise(traps: new BankTrap("Same query", UsersByCountry))));
        Assert.Equal("by-country [sqlite, test data]: the trap 'Same query' is graded correct; it must fail on this data", failure);
    }

    [Fact]
    public async Task A_trap_that_does_not_run_is_named()
    {
        var failure = Assert.Single(await Check(Exercise(traps: new BankTrap("Typo", "select country from no_such_table"))));
        Assert.StartsWith("by-country [sqlite, test data]: the trap 'Typo' does not run", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_few_rows_and_undeclared_columns_are_named()
    {
        var failures = await Check(Exercise("select count(*) as n from users", minRows: 2));
        Assert.Contains(failures, f => f.EndsWith("the reference returns columns (n) but the problem declares (country, users)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.EndsWith("the reference returns 1 row(s), fewer than min_rows 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reference_that_fails_stops_the_check_there()
    {
        var failure = Assert.Single(await Check(Exercise("select nope from users")));
        Assert.StartsWith("by-country [sqlite, test data]: the reference query fails:", failure, StringComparison.Ordinal);
    }
}

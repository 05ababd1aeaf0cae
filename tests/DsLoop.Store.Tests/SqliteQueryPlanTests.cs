using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace DsLoop.Store.Tests;

/// <summary>
/// Every counting, summarising and paging read must be a range scan of an index that starts with user_id, and rows
/// must come out of the index in the order the read needs (no temporary B-tree to sort or group the user's rows). SQLite's plan is checked here because it
/// does not depend on statistics; PostgreSQL's plans are in docs/STORE.md.
/// </summary>
public sealed class SqliteQueryPlanTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-plan-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public static TheoryData<string, string> Reads()
    {
        var reads = new TheoryData<string, string>
        {
            { "count attempts", ReadSql.CountAttempts(false) },
            { "count attempts of a kind", ReadSql.CountAttempts(true) },
            { "summarise attempts", ReadSql.SummarizeAttempts },
            { "attempt points", ReadSql.AttemptPoints },
            { "count due", ReadSql.CountDue },
        };
        foreach (var byKind in new[] { false, true })
        {
            foreach (var byItem in new[] { false, true })
            {
                foreach (var cursor in new[] { false, true })
                {
                    reads.Add($"attempts page kind={byKind} item={byItem} cursor={cursor}", ReadSql.AttemptsPage(byKind, byItem, cursor));
                }
            }
            foreach (var cursor in new[] { false, true })
            {
                reads.Add($"due page lower bound={byKind} cursor={cursor}", ReadSql.DuePage(byKind, cursor));
                reads.Add($"loops page status={byKind} cursor={cursor}", ReadSql.LoopsPage(byKind, cursor));
            }
        }
        return reads;
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_is_an_index_range_scan_on_user_id_without_sorting_or_grouping_in_a_temporary_tree(string name, string sql)
    {
        var settings = new StoreSettings(_folder);
        await (await AppStoreFactory.OpenAsync(settings)).DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={settings.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var parameter in new[] { "userId", "kind", "itemId", "cursorAt", "cursorId", "take", "passScore", "dueBy", "dueAfter", "status" })
        {
            command.Parameters.AddWithValue("@" + parameter, DBNull.Value);
        }
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }
        output.WriteLine($"{name}:\n  {sql}\n  " + string.Join("\n  ", plan));

        Assert.NotEmpty(plan);
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH ", StringComparison.Ordinal) && step.Contains("INDEX", StringComparison.Ordinal)
            && step.Contains("(user_id=?", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}

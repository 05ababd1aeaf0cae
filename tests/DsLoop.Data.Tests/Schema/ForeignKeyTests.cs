using DsLoop.Data.Schema;

namespace DsLoop.Data.Tests.Schema;

/// <summary>The foreign keys the schema declares are facts of the generated data: the SQL mutation check relies on them.</summary>
[Collection(TinyCollection.Name)]
public sealed class ForeignKeyTests(TinyDataset tiny)
{
    [Fact]
    public void The_schema_declares_the_keys_that_tie_logs_to_users_sessions_experiments_and_campaigns()
    {
        var keys = DatasetSchema.ForeignKeys;
        Assert.Contains(("events", "session_id", "sessions", "session_id"), keys);
        Assert.Contains(("assignments", "experiment_id", "experiments", "experiment_id"), keys);
        Assert.Equal(8, keys.Count(k => k.ParentTable == "users"));
        Assert.All(keys, k => Assert.Equal([k.ParentKey], DatasetSchema.Get(k.ParentTable).PrimaryKey));
    }

    [Fact]
    public void Every_foreign_key_value_matches_exactly_one_parent_row()
    {
        Assert.NotEmpty(DatasetSchema.ForeignKeys);
        foreach (var (table, column, parent, key) in DatasetSchema.ForeignKeys)
        {
            Assert.True(tiny.Db.Scalar($"SELECT COUNT(*) FROM {table}") > 0, $"{table} is empty, so it proves nothing");
            var orphans = tiny.Db.Scalar($"SELECT COUNT(*) FROM {table} c WHERE c.{column} IS NULL OR NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{key} = c.{column})");
            Assert.True(orphans == 0, $"{table}.{column}: {orphans} row(s) match no {parent}.{key}");
        }
    }
}

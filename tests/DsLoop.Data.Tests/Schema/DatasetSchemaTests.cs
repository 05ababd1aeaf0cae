using DsLoop.Data.Schema;
using DsLoop.Testing;

namespace DsLoop.Data.Tests.Schema;

public sealed class DatasetSchemaTests
{
    [Fact]
    public void Docs_describe_every_table_and_column()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "DATASET.md"));
        Assert.Contains("```mermaid", docs, StringComparison.Ordinal);
        foreach (var table in DatasetSchema.Tables)
        {
            Assert.Contains($"### `{table.Name}`", docs, StringComparison.Ordinal);
            foreach (var column in table.Columns)
            {
                Assert.Contains($"| `{column.Name}` | {column.Type.ToString().ToLowerInvariant()} |", docs, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_column_has_a_description_and_keys_name_real_columns()
    {
        foreach (var table in DatasetSchema.Tables)
        {
            Assert.Equal(table, DatasetSchema.Tables[table.Ordinal]);
            Assert.All(table.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
            Assert.All(table.PrimaryKey.Concat(table.Indexes.SelectMany(i => i)), c => table.IndexOf(c));
            Assert.Equal(table.Columns.Count, table.Columns.Select(c => c.Name).Distinct().Count());
        }
    }
}

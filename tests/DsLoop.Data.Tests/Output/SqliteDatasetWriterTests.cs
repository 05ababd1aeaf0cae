using DsLoop.Data.Output;
using DsLoop.Data.Schema;
using Microsoft.Data.Sqlite;

namespace DsLoop.Data.Tests.Output;

public sealed class SqliteDatasetWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-sqlite-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DataRow User(long id)
    {
        var row = new DataRow(DatasetSchema.Users);
        row.Set(0, id);
        row.Set(1, 1_760_000_000L);
        row.Set(2, "Europe/London");
        row.Set(3, 0L);
        row.SetNull(4);
        row.Set(5, "web");
        row.Set(6, "organic");
        row.Set(7, "free");
        row.Set(8, false);
        return row;
    }

    [Fact]
    public void A_failed_insert_surfaces_as_an_error_and_leaves_no_file()
    {
        var path = Path.Combine(_folder, "bad.sqlite");
        using (var writer = new SqliteDatasetWriter(path))
        {
            writer.Write(User(1));
            writer.Write(User(1));
            var error = Assert.Throws<InvalidOperationException>(writer.Complete);
            Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Partial_batches_and_an_existing_file_are_handled()
    {
        var path = Path.Combine(_folder, "small.sqlite");
        File.WriteAllText(path, "not a database");
        using (var writer = new SqliteDatasetWriter(path))
        {
            for (var id = 1; id <= 123; id++)
            {
                writer.Write(User(id));
            }
            writer.Complete();
        }
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), SUM(user_id), MAX(signup_at), COUNT(country) FROM users";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(123, reader.GetInt64(0));
        Assert.Equal(123 * 124 / 2, reader.GetInt64(1));
        Assert.Equal("2025-10-09 08:53:20", reader.GetString(2));
        Assert.Equal(0, reader.GetInt64(3));
    }
}

using DsLoop.Data.Output;
using DsLoop.Data.Schema;
using DsLoop.Testing;
using Npgsql;

namespace DsLoop.Data.Tests.Output;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDatasetWriterTests(PostgresServer server)
{
    [SkippableFact]
    public void Postgres_load_has_the_same_row_counts_and_checksums_as_sqlite()
    {
        var connectionString = server.CreateDatabase("data");
        using var sqlite = Db.Generate(new GenerationOptions(42, DataScale.Custom(800), new DsLoop.Data.Scenarios.ScenarioOptions(ModelingLeakage: true)));
        var generator = new DatasetGenerator(sqlite.Generator.Options);
        IReadOnlyDictionary<string, long> counts;
        using (var writer = new PostgresDatasetWriter(connectionString, "ds_test"))
        {
            counts = generator.Generate(writer);
            writer.Complete();
        }
        Assert.Equal(sqlite.Counts, counts);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        foreach (var table in DatasetSchema.Tables)
        {
            Assert.Equal(TableChecksum.Compute(sqlite.Connection, table), TableChecksum.Compute(connection, table, "ds_test"));
        }
        using var command = new NpgsqlCommand("SELECT COUNT(*) FROM ds_test.events e JOIN ds_test.users u USING (user_id) WHERE e.event_time >= u.signup_at", connection);
        Assert.True((long)command.ExecuteScalar()! > 0);
    }

    [SkippableFact]
    public void Reloading_a_schema_replaces_it_and_bad_schema_names_are_refused()
    {
        var connectionString = server.CreateDatabase("data");
        var generator = new DatasetGenerator(new GenerationOptions(1, DataScale.Custom(50)));
        for (var i = 0; i < 2; i++)
        {
            using var writer = new PostgresDatasetWriter(connectionString, "ds_again");
            generator.Generate(writer);
            writer.Complete();
        }
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT COUNT(*) FROM ds_again.users", connection);
        Assert.Equal(50L, (long)command.ExecuteScalar()!);
        Assert.Throws<ArgumentException>(() => new PostgresDatasetWriter(connectionString, "bad; DROP SCHEMA public"));
    }
}

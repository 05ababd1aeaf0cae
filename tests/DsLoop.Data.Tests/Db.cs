using System.Globalization;
using DsLoop.Data.Output;
using Microsoft.Data.Sqlite;

namespace DsLoop.Data.Tests;

/// <summary>A generated dataset in a temporary SQLite file, with query helpers.</summary>
public sealed class Db : IDisposable
{
    private readonly string _folder;

    private Db(string folder, string path, DatasetGenerator generator, IReadOnlyDictionary<string, long> counts)
    {
        _folder = folder;
        Path = path;
        Generator = generator;
        Counts = counts;
        Connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        Connection.Open();
    }

    public string Path { get; }

    public DatasetGenerator Generator { get; }

    public IReadOnlyDictionary<string, long> Counts { get; }

    public SqliteConnection Connection { get; }

    public static Db Generate(GenerationOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-data-").FullName;
        var path = System.IO.Path.Combine(folder, "data.sqlite");
        var generator = new DatasetGenerator(options);
        IReadOnlyDictionary<string, long> counts;
        using (var writer = new SqliteDatasetWriter(path))
        {
            counts = generator.Generate(writer);
            writer.Complete();
        }
        return new Db(folder, path, generator, counts);
    }

    public double Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? double.NaN : Convert.ToDouble(value, CultureInfo.InvariantCulture);
    }

    public List<object?[]> Rows(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose()
    {
        Connection.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The shared tiny dataset (seed 42, leakage table on, no other scenario).</summary>
public sealed class TinyDataset : IDisposable
{
    public static readonly GenerationOptions Options = new(42, DataScale.Tiny, new DsLoop.Data.Scenarios.ScenarioOptions(ModelingLeakage: true));

    public Db Db { get; } = Db.Generate(Options);

    public void Dispose() => Db.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TinyCollection : ICollectionFixture<TinyDataset>
{
    public const string Name = "tiny dataset";
}

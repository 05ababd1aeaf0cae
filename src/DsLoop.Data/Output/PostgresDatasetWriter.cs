using System.Text.RegularExpressions;
using DsLoop.Data.Generation;
using DsLoop.Data.Schema;
using Npgsql;
using NpgsqlTypes;

namespace DsLoop.Data.Output;

/// <summary>
/// Loads a dataset into one PostgreSQL schema (dropped and recreated) with binary COPY: one connection per
/// table so all tables stream in a single generation pass; keys and indexes are added after the load.
/// </summary>
public sealed partial class PostgresDatasetWriter : IDatasetSink, IDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlConnection?[] _connections = new NpgsqlConnection?[DatasetSchema.Tables.Count];
    private readonly NpgsqlBinaryImporter?[] _importers = new NpgsqlBinaryImporter?[DatasetSchema.Tables.Count];

    /// <summary>Recreates <paramref name="schema"/> with empty tables.</summary>
    public PostgresDatasetWriter(string connectionString, string schema)
    {
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException($"'{schema}' is not a valid schema name (lower-case letters, digits and _, at most 63).", nameof(schema));
        }
        _connectionString = connectionString;
        Schema = schema;
        using var connection = Open();
        Execute(connection, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};");
        foreach (var table in DatasetSchema.Tables)
        {
            var columns = table.Columns.Select(c => $"{c.Name} {c.PostgresType}{(c.Nullable ? "" : " NOT NULL")}");
            Execute(connection, $"CREATE UNLOGGED TABLE {schema}.{table.Name} ({string.Join(", ", columns)})");
        }
    }

    /// <summary>The target schema.</summary>
    public string Schema { get; }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Write(DataRow row)
    {
        var table = row.Table;
        var importer = _importers[table.Ordinal];
        if (importer is null)
        {
            var connection = _connections[table.Ordinal] = Open();
            importer = _importers[table.Ordinal] = connection.BeginBinaryImport(
                $"COPY {Schema}.{table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)");
        }
        importer.StartRow();
        var columns = table.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (row.IsNull(i))
            {
                importer.WriteNull();
                continue;
            }
            switch (columns[i].Type)
            {
                case ColumnType.Integer:
                    importer.Write(row.GetInt64(i), NpgsqlDbType.Bigint);
                    break;
                case ColumnType.Boolean:
                    importer.Write(row.GetInt64(i) != 0, NpgsqlDbType.Boolean);
                    break;
                case ColumnType.Real:
                    importer.Write(row.GetDouble(i), NpgsqlDbType.Double);
                    break;
                case ColumnType.Timestamp:
                    importer.Write(DateTime.SpecifyKind(Clock.ToDateTime(row.GetInt64(i)), DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
                    break;
                case ColumnType.Date:
                    importer.Write(DateOnly.FromDateTime(Clock.ToDateTime(row.GetInt64(i))), NpgsqlDbType.Date);
                    break;
                default:
                    importer.Write(row.GetText(i)!, NpgsqlDbType.Text);
                    break;
            }
        }
    }

    /// <summary>Finishes every COPY, then adds primary keys, secondary indexes and statistics.</summary>
    public void Complete()
    {
        for (var i = 0; i < _importers.Length; i++)
        {
            _importers[i]?.Complete();
            _importers[i]?.Dispose();
            _importers[i] = null;
            _connections[i]?.Dispose();
            _connections[i] = null;
        }
        using var connection = Open();
        foreach (var table in DatasetSchema.Tables)
        {
            Execute(connection, $"ALTER TABLE {Schema}.{table.Name} SET LOGGED");
            Execute(connection, $"ALTER TABLE {Schema}.{table.Name} ADD PRIMARY KEY ({string.Join(", ", table.PrimaryKey)})");
            foreach (var index in table.Indexes)
            {
                Execute(connection, $"CREATE INDEX ON {Schema}.{table.Name} ({string.Join(", ", index)})");
            }
            Execute(connection, $"ANALYZE {Schema}.{table.Name}");
        }
    }

    /// <summary>Closes any open COPY (an unfinished COPY is cancelled).</summary>
    public void Dispose()
    {
        for (var i = 0; i < _importers.Length; i++)
        {
            _importers[i]?.Dispose();
            _connections[i]?.Dispose();
        }
    }
}

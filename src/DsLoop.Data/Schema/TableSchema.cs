namespace DsLoop.Data.Schema;

/// <summary>The storage type of a column, mapped per engine (see docs/DATASET.md).</summary>
public enum ColumnType
{
    /// <summary>64-bit integer: SQLite INTEGER, PostgreSQL bigint.</summary>
    Integer,

    /// <summary>Double: SQLite REAL, PostgreSQL double precision.</summary>
    Real,

    /// <summary>Text: SQLite TEXT, PostgreSQL text.</summary>
    Text,

    /// <summary>UTC timestamp to the second: SQLite TEXT 'YYYY-MM-DD HH:MM:SS', PostgreSQL timestamp.</summary>
    Timestamp,

    /// <summary>Calendar date: SQLite TEXT 'YYYY-MM-DD', PostgreSQL date.</summary>
    Date,

    /// <summary>Flag: SQLite INTEGER 0/1, PostgreSQL boolean.</summary>
    Boolean,
}

/// <summary>One column of a dataset table.</summary>
/// <param name="Name">Column name (snake_case).</param>
/// <param name="Type">Storage type.</param>
/// <param name="Nullable">Whether the column can be NULL.</param>
/// <param name="Description">What the column means, for docs and <c>dsloop data schema</c>.</param>
public sealed record ColumnSchema(string Name, ColumnType Type, bool Nullable, string Description)
{
    /// <summary>For a foreign key, the "table.column" every value matches exactly once; otherwise null.</summary>
    public string? References { get; init; }

    /// <summary>The SQLite declared type.</summary>
    public string SqliteType => Type switch
    {
        ColumnType.Integer or ColumnType.Boolean => "INTEGER",
        ColumnType.Real => "REAL",
        _ => "TEXT",
    };

    /// <summary>The PostgreSQL type.</summary>
    public string PostgresType => Type switch
    {
        ColumnType.Integer => "bigint",
        ColumnType.Real => "double precision",
        ColumnType.Text => "text",
        ColumnType.Timestamp => "timestamp",
        ColumnType.Date => "date",
        _ => "boolean",
    };
}

/// <summary>One dataset table: its columns in order, primary key and secondary indexes.</summary>
public sealed class TableSchema
{
    internal TableSchema(int ordinal, string name, string description, IReadOnlyList<ColumnSchema> columns,
        IReadOnlyList<string> primaryKey, IReadOnlyList<IReadOnlyList<string>> indexes)
    {
        Ordinal = ordinal;
        Name = name;
        Description = description;
        Columns = columns;
        PrimaryKey = primaryKey;
        Indexes = indexes;
    }

    /// <summary>Position in <see cref="DatasetSchema.Tables"/>.</summary>
    public int Ordinal { get; }

    /// <summary>Table name.</summary>
    public string Name { get; }

    /// <summary>What one row is.</summary>
    public string Description { get; }

    /// <summary>Columns in storage order.</summary>
    public IReadOnlyList<ColumnSchema> Columns { get; }

    /// <summary>Primary-key columns (the order rows are compared in for checksums).</summary>
    public IReadOnlyList<string> PrimaryKey { get; }

    /// <summary>Secondary indexes, created after the load.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Indexes { get; }

    /// <summary>Ordinal of a column by name.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }
        throw new ArgumentException($"Table {Name} has no column {column}.", nameof(column));
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

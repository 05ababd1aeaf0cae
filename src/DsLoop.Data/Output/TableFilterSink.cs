using DsLoop.Data.Schema;

namespace DsLoop.Data.Output;

/// <summary>Passes on the rows of some tables only (e.g. a case that needs no marketing or experiment tables).</summary>
public sealed class TableFilterSink : IDatasetSink
{
    private readonly IDatasetSink _inner;
    private readonly bool[] _keep = new bool[DatasetSchema.Tables.Count];

    /// <summary>Hands <paramref name="inner"/> the rows of <paramref name="tables"/> and drops the rest.</summary>
    public TableFilterSink(IDatasetSink inner, IEnumerable<TableSchema> tables)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(tables);
        _inner = inner;
        foreach (var table in tables)
        {
            _keep[table.Ordinal] = true;
        }
    }

    /// <inheritdoc />
    public void Write(DataRow row)
    {
        if (_keep[row.Table.Ordinal])
        {
            _inner.Write(row);
        }
    }
}

namespace DsLoop.Data.Output;

/// <summary>Hands every row to several sinks (e.g. SQLite and CSV in one pass).</summary>
public sealed class TeeSink(params IDatasetSink[] sinks) : IDatasetSink
{
    /// <inheritdoc />
    public void Write(DataRow row)
    {
        foreach (var sink in sinks)
        {
            sink.Write(row);
        }
    }
}

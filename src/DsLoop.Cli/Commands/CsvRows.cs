using System.Runtime.CompilerServices;

namespace DsLoop.Cli.Commands;

/// <summary>The data rows of a small comma-separated file after its header, each with its line number.</summary>
internal static class CsvRows
{
    /// <summary>Yields each non-blank line's cells; a line with fewer cells than the header is refused, naming the line.</summary>
    public static async IAsyncEnumerable<(int Line, string[] Cells)> ReadAsync(
        TextReader reader, FileInfo file, int headerCount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var cells = line.Split(',');
            if (cells.Length < headerCount)
            {
                throw new CliException($"{file.Name}: line {lineNumber} has {cells.Length} columns; the header has {headerCount}.", DsLoopCli.Usage);
            }
            yield return (lineNumber, cells);
        }
    }
}

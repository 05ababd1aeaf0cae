using System.Globalization;

namespace DsLoop.Sql;

/// <summary>The messages of a run stopped at a cap; each names the cap so the candidate knows which one was hit.</summary>
internal static class CapMessages
{
    public static string Value(string column, long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"a value in column {column} is larger than the {limit:N0}-byte value limit.");

    public static string Row(long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"a row is larger than the {limit:N0}-byte output limit.");

    public static string Memory(long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"the query used more than the {limit / (1024.0 * 1024):0.#} MB memory limit and was stopped.");
}

/// <summary>Thrown while reading a row that crosses the value or output cap; the message is from <see cref="CapMessages"/>.</summary>
internal sealed class CapExceededException(string message) : Exception(message);

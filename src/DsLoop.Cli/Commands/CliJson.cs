using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DsLoop.Cli.Commands;

/// <summary>The one JSON style of every --json output: camelCase, indented, enums as strings.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static Option<bool> Option() => new("--json") { Description = "Print machine-readable JSON on stdout." };

    public static Task WriteAsync<T>(TextWriter output, T value) => output.WriteLineAsync(JsonSerializer.Serialize(value, Options));
}

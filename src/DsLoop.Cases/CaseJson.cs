using System.Text.Json;
using System.Text.Json.Serialization;

namespace DsLoop.Cases;

/// <summary>
/// How structured case answers are read and written: camelCase, forgiving of comments, trailing commas and numbers typed
/// as strings (people write these files by hand), indented when written.
/// </summary>
internal static class CaseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        WriteIndented = true,
    };
}

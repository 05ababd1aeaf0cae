using System.Text.Json;
using System.Text.Json.Serialization;

namespace DsLoop.App.Attempts;

/// <summary>
/// The one JSON style of everything the app stores: attempt payloads, loop state and review state. camelCase, enums
/// written as their names; numbers are still read where older rows stored an enum as its value.
/// </summary>
public static class AppJson
{
    /// <summary>Compact, for the store.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Indented, for files people read (the history export).</summary>
    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}

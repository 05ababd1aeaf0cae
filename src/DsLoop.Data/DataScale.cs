using System.Globalization;

namespace DsLoop.Data;

/// <summary>How big a dataset is: the number of organic users (events scale with it, about 40 per user).</summary>
/// <param name="Name">Preset name, or "custom".</param>
/// <param name="Users">Users to generate (bots and test accounts included).</param>
public sealed record DataScale(string Name, int Users)
{
    /// <summary>2,000 users and about 78k events: for tests, generates in about a second.</summary>
    public static DataScale Tiny { get; } = new("tiny", 2_000);

    /// <summary>50,000 users and about 1.95M events.</summary>
    public static DataScale Standard { get; } = new("standard", 50_000);

    /// <summary>About 1M users and 39M events.</summary>
    public static DataScale Large { get; } = new("large", 1_000_000);

    /// <summary>A custom user count (1 to 10 million).</summary>
    public static DataScale Custom(int users) => users is < 1 or > 10_000_000
        ? throw new ArgumentOutOfRangeException(nameof(users), users, "users must be between 1 and 10,000,000.")
        : new DataScale("custom", users);

    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["tiny", "standard", "large"];

    /// <summary>A preset by name, or null.</summary>
    public static DataScale? Preset(string name) => name.ToLowerInvariant() switch
    {
        "tiny" => Tiny,
        "standard" => Standard,
        "large" => Large,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => Name == "custom" ? Users.ToString(CultureInfo.InvariantCulture) + " users" : Name;
}

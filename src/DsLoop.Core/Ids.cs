namespace DsLoop.Core;

/// <summary>Makes identifiers that sort by creation time.</summary>
public static class Ids
{
    /// <summary>A new identifier: 32 lowercase hex digits, time-ordered (UUID v7).</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");
}

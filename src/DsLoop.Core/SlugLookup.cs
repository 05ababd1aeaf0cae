namespace DsLoop.Core;

/// <summary>Finds an enum value by the slug that content files, URLs and JSON use for it.</summary>
public static class SlugLookup
{
    /// <summary>True when some value's slug equals <paramref name="slug"/> exactly.</summary>
    public static bool TryFind<T>(IEnumerable<T> values, Func<T, string> slugOf, string? slug, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in values)
        {
            if (string.Equals(slugOf(candidate), slug, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}

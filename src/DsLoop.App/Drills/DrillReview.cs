using DsLoop.Drills;

namespace DsLoop.App.Drills;

/// <summary>
/// How drill families live in the review queue: one schedule row per family under the item id <c>drill:FAMILY</c>, so
/// they never collide with question ids. A wrong answer rates the family Again (back soon), a right one Good (later),
/// with the same FSRS scheduler and fuzz as a self-rated open question.
/// </summary>
public static class DrillReview
{
    /// <summary>The prefix of a drill family's schedule item id.</summary>
    public const string Prefix = "drill:";

    /// <summary>The schedule item id of <paramref name="family"/>.</summary>
    public static string ItemId(string family) => Prefix + family;

    /// <summary>The drill family behind a schedule item id, or null when the id is not a known drill family's.</summary>
    public static IDrillFamily? FamilyOf(string itemId) =>
        itemId.StartsWith(Prefix, StringComparison.Ordinal) ? DrillCatalog.Find(itemId[Prefix.Length..]) : null;

    /// <summary>Where a schedule row's item is practised: a fresh drill of its family, or the question's page.</summary>
    public static string Href(string itemId) =>
        FamilyOf(itemId) is { } family ? $"/stats/{family.Id}" : $"/practice/{itemId}";

    /// <summary>The title a drill attempt at <paramref name="family"/> shows in lists ("Drill: …"), or the id for a family no longer built.</summary>
    public static string FamilyTitle(string family) => DrillCatalog.Find(family) is { } found ? $"Drill: {found.Title}" : family;

    /// <summary>The title a schedule row shows for a drill family, or null when it is not one.</summary>
    public static string? Title(string itemId) => FamilyOf(itemId) is { } family ? $"Drill: {family.Title}" : null;
}

using DsLoop.Store;

namespace DsLoop.App.Attempts;

/// <summary>Reading a keyset-paged store list to its end, for the few readers that show everything (exports, per-item sets).</summary>
public static class Pages
{
    /// <summary>The largest page the store serves; readers of everything use it.</summary>
    public const int Whole = KeysetPage.MaxSize;

    /// <summary>Every row, page after page, until the store says there is no next page.</summary>
    public static async Task<IReadOnlyList<T>> AllAsync<T>(Func<PageCursor?, Task<KeysetPage<T>>> page)
    {
        var all = new List<T>();
        PageCursor? cursor = null;
        do
        {
            var next = await page(cursor);
            all.AddRange(next.Items);
            cursor = next.Next;
        }
        while (cursor is not null);
        return all;
    }
}

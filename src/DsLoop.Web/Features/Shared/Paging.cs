using DsLoop.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.Shared;

/// <summary>Lists shown a page at a time, newest first, with an "older" link carrying the store's cursor.</summary>
internal static class Paging
{
    public const int PageSize = 50;

    /// <summary>
    /// The cursor in a <c>before</c> query value: null for the first page. A value that is not a cursor (a hand-edited
    /// link) sets 400 and yields null, so the page shows its first page with a message instead of failing.
    /// </summary>
    public static PageCursor? Read(PageModel page, string? before, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(before))
        {
            return null;
        }
        if (PageCursor.TryParse(before, out var cursor))
        {
            return cursor;
        }
        problem = $"'{before}' is not a page of this list; showing the newest.";
        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return null;
    }

    /// <summary>The link to the next, older page, or null on the last page.</summary>
    public static string? OlderLink(string path, PageCursor? next) =>
        next is null ? null : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}before={Uri.EscapeDataString(next.ToToken())}";
}

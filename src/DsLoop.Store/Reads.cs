using System.Globalization;
using DsLoop.Core;

namespace DsLoop.Store;

/// <summary>
/// Where a keyset page ends: the sort time and the unique key of its last row (an attempt's or loop's start and id,
/// a schedule's due time and item id). The next page starts strictly after it, so rows added meanwhile neither
/// repeat nor shift the pages, and no page costs more than its own rows. Times are kept to the millisecond, as stored.
/// </summary>
/// <param name="At">The last row's sort time.</param>
/// <param name="Id">The last row's key, which breaks ties between rows with the same time.</param>
public sealed record PageCursor(DateTimeOffset At, string Id)
{
    private const char Separator = '_';

    /// <summary>The cursor as one URL-safe token ("1709371800000_0195…"), for an "older" or "more" link.</summary>
    public string ToToken() => string.Create(CultureInfo.InvariantCulture, $"{At.ToUnixTimeMilliseconds()}{Separator}{Id}");

    /// <summary>Reads a token made by <see cref="ToToken"/>; false for anything else, such as a hand-edited URL.</summary>
    public static bool TryParse(string? token, out PageCursor? cursor)
    {
        cursor = null;
        var split = token?.IndexOf(Separator, StringComparison.Ordinal) ?? -1;
        if (split <= 0 || split == token!.Length - 1
            || !long.TryParse(token.AsSpan(0, split), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds()
            || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }
        cursor = new PageCursor(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), token[(split + 1)..]);
        return true;
    }
}

/// <summary>One page of a keyset-paged list.</summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Items">At most the requested page size of rows, in the list's order.</param>
/// <param name="Next">Where the next page starts, or null when this page is the last.</param>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, PageCursor? Next);

/// <summary>Limits shared by every keyset-paged list.</summary>
public static class KeysetPage
{
    /// <summary>The largest page a list returns; a caller that needs every row (an export) follows <see cref="KeysetPage{T}.Next"/>.</summary>
    public const int MaxSize = 1000;

    internal static int CheckSize(int pageSize) => pageSize is >= 1 and <= MaxSize
        ? pageSize
        : throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"A page holds 1 to {MaxSize} rows.");
}

/// <summary>Which of a user's attempts to list, newest first by start time (then id).</summary>
/// <param name="PageSize">How many rows a page shows, 1 to <see cref="KeysetPage.MaxSize"/>.</param>
public sealed record AttemptFilter(int PageSize)
{
    /// <summary>How many rows a page shows, 1 to <see cref="KeysetPage.MaxSize"/>.</summary>
    public int PageSize { get; } = KeysetPage.CheckSize(PageSize);

    /// <summary>Only attempts of this kind, when given.</summary>
    public AttemptKind? Kind { get; init; }

    /// <summary>Only attempts at this item, when given.</summary>
    public string? ItemId { get; init; }

    /// <summary>Only attempts older than this cursor (the previous page's <see cref="KeysetPage{T}.Next"/>); null for the newest.</summary>
    public PageCursor? Before { get; init; }
}

/// <summary>Which of a user's review schedules to list, soonest due first (then item id).</summary>
/// <param name="DueBy">Only items due at or before this moment (now, for the due queue).</param>
/// <param name="PageSize">How many rows a page shows, 1 to <see cref="KeysetPage.MaxSize"/>.</param>
public sealed record DueFilter(DateTimeOffset DueBy, int PageSize)
{
    /// <summary>How many rows a page shows, 1 to <see cref="KeysetPage.MaxSize"/>.</summary>
    public int PageSize { get; } = KeysetPage.CheckSize(PageSize);

    /// <summary>Only items due strictly after this moment, when given (now, for the upcoming list).</summary>
    public DateTimeOffset? DueAfter { get; init; }

    /// <summary>Only items after this cursor (the previous page's <see cref="KeysetPage{T}.Next"/>); null for the first page.</summary>
    public PageCursor? After { get; init; }
}

/// <summary>Which of a user's loops to list, newest first by start time (then id).</summary>
/// <param name="PageSize">How many rows a page shows, 1 to <see cref="KeysetPage.MaxSize"/>.</param>
public sealed record LoopFilter(int PageSize)
{
    /// <summary>How many rows a page shows, 1 to <see cref="KeysetPage.MaxSize"/>.</summary>
    public int PageSize { get; } = KeysetPage.CheckSize(PageSize);

    /// <summary>Only loops with this status, when given.</summary>
    public LoopStatus? Status { get; init; }

    /// <summary>Only loops older than this cursor (the previous page's <see cref="KeysetPage{T}.Next"/>); null for the newest.</summary>
    public PageCursor? Before { get; init; }
}

/// <summary>A user's attempts of one kind at one item, counted in the store.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Attempts">Every attempt, submitted or not.</param>
/// <param name="Submitted">Attempts with a submission time.</param>
/// <param name="Passed">Attempts scored at or above the pass score the caller gave.</param>
/// <param name="Scored">Attempts with a score.</param>
/// <param name="ScoreTotal">The sum of those scores (0 when none), so means can be pooled across items.</param>
/// <param name="BestScore">The highest score, or null when none is scored.</param>
/// <param name="FirstAt">When the first attempt started.</param>
/// <param name="LastAt">The latest submission, or start for an attempt not submitted.</param>
public sealed record ItemAttemptSummary(
    string ItemId, int Attempts, int Submitted, int Passed, int Scored, double ScoreTotal, double? BestScore,
    DateTimeOffset FirstAt, DateTimeOffset LastAt)
{
    /// <summary>The mean score over scored attempts, or null when none is scored.</summary>
    public double? MeanScore => Scored == 0 ? null : ScoreTotal / Scored;
}

/// <summary>What a progress chart draws for one scored attempt: no answer text, no payload.</summary>
/// <param name="AttemptId">The attempt, for a link.</param>
/// <param name="ItemId">The item, whose content says which dimensions it probes.</param>
/// <param name="At">When it was submitted, or started when it was not.</param>
/// <param name="Score">The 0–1 score.</param>
/// <param name="SelfRating">The candidate's 1–4 self-rating, or null while unrated.</param>
public sealed record AttemptPoint(string AttemptId, string ItemId, DateTimeOffset At, double Score, int? SelfRating);

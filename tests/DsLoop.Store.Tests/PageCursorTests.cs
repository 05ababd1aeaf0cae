using Xunit;

namespace DsLoop.Store.Tests;

public sealed class PageCursorTests
{
    [Fact]
    public void Cursor_token_round_trips_including_an_id_with_the_separator_and_a_time_before_1970()
    {
        foreach (var cursor in new[]
        {
            new PageCursor(new DateTimeOffset(2026, 3, 2, 9, 30, 0, 123, TimeSpan.Zero), "0195f3a2c1d47c3e8e1f0a6b5c4d3e2f"),
            new PageCursor(DateTimeOffset.FromUnixTimeMilliseconds(-5), "q_star_2"),
        })
        {
            Assert.True(PageCursor.TryParse(cursor.ToToken(), out var parsed));
            Assert.Equal(cursor, parsed);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("_abc")]
    [InlineData("123_")]
    [InlineData("12x_abc")]
    [InlineData("abc")]
    [InlineData("99999999999999999999_abc")]
    [InlineData("999999999999999_abc")]
    public void Malformed_cursor_token_is_rejected(string? token)
    {
        Assert.False(PageCursor.TryParse(token, out var cursor));
        Assert.Null(cursor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(KeysetPage.MaxSize + 1)]
    public void Page_size_outside_one_to_the_maximum_is_refused(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AttemptFilter(size));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DueFilter(DateTimeOffset.UnixEpoch, size));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoopFilter(size));
    }

    [Fact]
    public void Page_sizes_of_one_and_the_maximum_are_accepted()
    {
        Assert.Equal(1, new AttemptFilter(1).PageSize);
        Assert.Equal(KeysetPage.MaxSize, new DueFilter(DateTimeOffset.UnixEpoch, KeysetPage.MaxSize).PageSize);
    }
}

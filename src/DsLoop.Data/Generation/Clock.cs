namespace DsLoop.Data.Generation;

/// <summary>
/// Timestamps are whole seconds since 1970-01-01 UTC; text is 'YYYY-MM-DD HH:MM:SS' (dates 'YYYY-MM-DD'),
/// formatted by hand from the civil-calendar arithmetic so no culture or time-zone database is involved.
/// </summary>
public static class Clock
{
    /// <summary>Seconds in a day.</summary>
    public const long Day = 86_400;

    /// <summary>Length of a formatted timestamp.</summary>
    public const int TimestampLength = 19;

    /// <summary>Length of a formatted date.</summary>
    public const int DateLength = 10;

    /// <summary>Seconds since the epoch for a UTC calendar date.</summary>
    public static long FromDate(int year, int month, int day) => DaysFromCivil(year, month, day) * Day;

    /// <summary>Formats seconds since the epoch as 'YYYY-MM-DD HH:MM:SS'.</summary>
    public static string FormatTimestamp(long seconds)
    {
        Span<char> buffer = stackalloc char[TimestampLength];
        WriteTimestamp(seconds, buffer);
        return new string(buffer);
    }

    /// <summary>Formats seconds since the epoch as 'YYYY-MM-DD' (the UTC date).</summary>
    public static string FormatDate(long seconds)
    {
        Span<char> buffer = stackalloc char[DateLength];
        WriteDate(seconds, buffer);
        return new string(buffer);
    }

    /// <summary>Converts to a <see cref="DateTime"/> of kind UTC.</summary>
    public static DateTime ToDateTime(long seconds) => DateTime.UnixEpoch.AddSeconds(seconds);

    /// <summary>Seconds since the epoch from a <see cref="DateTime"/> read back from a database (kind ignored).</summary>
    public static long FromDateTime(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;

    /// <summary>Writes 'YYYY-MM-DD HH:MM:SS' into 19 characters.</summary>
    public static void WriteTimestamp(long seconds, Span<char> destination)
    {
        var days = FloorDiv(seconds, Day);
        var secondOfDay = seconds - (days * Day);
        WriteCivil(days, destination);
        destination[10] = ' ';
        Two((int)(secondOfDay / 3600), destination[11..]);
        destination[13] = ':';
        Two((int)(secondOfDay / 60 % 60), destination[14..]);
        destination[16] = ':';
        Two((int)(secondOfDay % 60), destination[17..]);
    }

    /// <summary>Writes 'YYYY-MM-DD' into 10 characters.</summary>
    public static void WriteDate(long seconds, Span<char> destination) => WriteCivil(FloorDiv(seconds, Day), destination);

    /// <summary>Writes 'YYYY-MM-DD HH:MM:SS' as ASCII bytes.</summary>
    public static void WriteTimestamp(long seconds, Span<byte> destination)
    {
        Span<char> chars = stackalloc char[TimestampLength];
        WriteTimestamp(seconds, chars);
        for (var i = 0; i < TimestampLength; i++)
        {
            destination[i] = (byte)chars[i];
        }
    }

    /// <summary>Writes 'YYYY-MM-DD' as ASCII bytes.</summary>
    public static void WriteDate(long seconds, Span<byte> destination)
    {
        Span<char> chars = stackalloc char[DateLength];
        WriteDate(seconds, chars);
        for (var i = 0; i < DateLength; i++)
        {
            destination[i] = (byte)chars[i];
        }
    }

    /// <summary>Day of week, 0 = Monday … 6 = Sunday, of a day number since the epoch.</summary>
    public static int DayOfWeek(long epochDay) => (int)(((epochDay % 7) + 7 + 3) % 7);

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static void WriteCivil(long days, Span<char> destination)
    {
        // Howard Hinnant's civil_from_days.
        var z = days + 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var doe = z - (era * 146_097);
        var yoe = (doe - (doe / 1460) + (doe / 36_524) - (doe / 146_096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = doy - (((153 * mp) + 2) / 5) + 1;
        var m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2)
        {
            y++;
        }
        Two((int)(y / 100), destination);
        Two((int)(y % 100), destination[2..]);
        destination[4] = '-';
        Two((int)m, destination[5..]);
        destination[7] = '-';
        Two((int)d, destination[8..]);
    }

    private static long DaysFromCivil(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        long mp = month > 2 ? month - 3 : month + 9;
        var doy = (((153 * mp) + 2) / 5) + day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146_097) + doe - 719_468;
    }

    private static void Two(int value, Span<char> destination)
    {
        destination[0] = (char)('0' + (value / 10));
        destination[1] = (char)('0' + (value % 10));
    }
}

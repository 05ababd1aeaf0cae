namespace DsLoop.Sql;

/// <summary>
/// Recognises ISO dates and UTC timestamps in text ('2025-03-02', '2025-03-02T10:00', '2025-03-02 10:00:00.500Z')
/// and writes their canonical form ('2025-03-02', '2025-03-02 10:00:00.5'): seconds made explicit, trailing zeros of
/// the fraction dropped, a midnight time dropped. Works on spans, so hashing a large result allocates nothing.
/// </summary>
internal static class IsoDateText
{
    /// <summary>Room enough for the canonical form of any text this accepts.</summary>
    public const int MaxLength = 48;

    /// <summary>
    /// Writes the canonical form of <paramref name="text"/> to <paramref name="destination"/> (at least
    /// <see cref="MaxLength"/> chars) when it is an ISO date or timestamp with no offset or a zero one.
    /// </summary>
    public static bool TryCanonical(ReadOnlySpan<char> text, Span<char> destination, out int written)
    {
        written = 0;
        if (text.Length > 0 && text[^1] == '\n')
        {
            text = text[..^1]; // a single final newline is tolerated, as a regular expression's `$` does
        }
        if (text.Length is < 10 or > 40 || !Digits(text, 0, 4) || text[4] != '-' || !Digits(text, 5, 2) || text[7] != '-' || !Digits(text, 8, 2))
        {
            return false;
        }
        var at = 10;
        ReadOnlySpan<char> time = [];
        ReadOnlySpan<char> fraction = [];
        if (at < text.Length && text[at] is ' ' or 'T')
        {
            var start = at + 1;
            if (!Digits(text, start, 2) || !At(text, start + 2, ':') || !Digits(text, start + 3, 2))
            {
                return false;
            }
            at = start + 5;
            if (At(text, at, ':') && Digits(text, at + 1, 2))
            {
                at += 3;
            }
            time = text[start..at];
            if (At(text, at, '.') && Digits(text, at + 1, 1))
            {
                var end = at + 1;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }
                fraction = text[at..end].TrimEnd('0');
                at = end;
            }
        }
        if (!Zone(text[at..]))
        {
            return false;
        }
        text[..10].CopyTo(destination);
        written = 10;
        var midnight = time.Length == 0 || time is "00:00" or "00:00:00";
        if (time.Length > 0 && (!midnight || fraction.Length > 1))
        {
            destination[written++] = ' ';
            time.CopyTo(destination[written..]);
            written += time.Length;
            if (time.Length == 5)
            {
                ":00".CopyTo(destination[written..]);
                written += 3;
            }
            if (fraction.Length > 1)
            {
                fraction.CopyTo(destination[written..]);
                written += fraction.Length;
            }
        }
        return true;
    }

    /// <summary>Nothing, 'Z', or a zero offset: +00, +0000, +00:00 (or with '-').</summary>
    private static bool Zone(ReadOnlySpan<char> rest) =>
        rest.Length == 0
        || rest is "Z"
        || (rest.Length >= 3 && rest[0] is '+' or '-' && rest[1..] is "00" or "0000" or "00:00");

    private static bool At(ReadOnlySpan<char> text, int index, char expected) => index < text.Length && text[index] == expected;

    private static bool Digits(ReadOnlySpan<char> text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return false;
        }
        foreach (var c in text.Slice(start, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}

namespace DsLoop.Sql;

/// <summary>The SQL dialect a piece of query text is lexed as.</summary>
internal enum SqlDialect
{
    Sqlite,
    Postgres,
}

/// <summary>Where the first statement of a query text ends and whether a second one follows.</summary>
/// <param name="FirstEnd">Index just past the first statement (before its semicolon, if any).</param>
/// <param name="SecondStart">Index where a second statement starts, or null when only comments, blanks and semicolons follow.</param>
internal readonly record struct StatementSplit(int FirstEnd, int? SecondStart);

/// <summary>
/// A small lexer that understands strings, quoted identifiers, comments and (PostgreSQL) dollar quotes,
/// enough to find statement boundaries and the first keyword without being fooled by comment tricks.
/// </summary>
internal static class StatementText
{
    public static StatementSplit Split(string sql, SqlDialect dialect)
    {
        var i = 0;
        var firstEnd = -1;
        while (i < sql.Length)
        {
            var next = SkipToken(sql, i, dialect, out var isSemicolon);
            if (isSemicolon)
            {
                firstEnd = i;
                i = next;
                break;
            }
            i = next;
        }
        if (firstEnd < 0)
        {
            return new StatementSplit(sql.Length, null);
        }
        var second = SkipFiller(sql, i, dialect, c => char.IsWhiteSpace(c) || c == ';');
        return new StatementSplit(firstEnd, second < sql.Length ? second : null);
    }

    /// <summary>The first word of the statement, lower case, skipping blanks, comments and opening parentheses.</summary>
    public static string FirstKeyword(string sql, SqlDialect dialect)
    {
        var i = SkipFiller(sql, 0, dialect, c => char.IsWhiteSpace(c) || c == '(');
        var start = i;
        while (i < sql.Length && (char.IsAsciiLetter(sql[i]) || sql[i] == '_'))
        {
            i++;
        }
        return sql[start..i].ToLowerInvariant();
    }

    /// <summary>The index of the first character from <paramref name="i"/> on that is neither a comment nor <paramref name="filler"/>.</summary>
    private static int SkipFiller(string sql, int i, SqlDialect dialect, Func<char, bool> filler)
    {
        while (i < sql.Length)
        {
            if (filler(sql[i]))
            {
                i++;
                continue;
            }
            var afterComment = SkipComment(sql, i, dialect);
            if (afterComment == i)
            {
                return i;
            }
            i = afterComment;
        }
        return i;
    }

    /// <summary>" (line L, column C)" for a character index of <paramref name="sql"/> (both one-based; the index just past the end is the end of input), or "" when the index is outside the text.</summary>
    public static string Where(string sql, int index)
    {
        if (index < 0 || index > sql.Length)
        {
            return "";
        }
        var lineStart = index == 0 ? 0 : sql.LastIndexOf('\n', index - 1) + 1;
        return $" (line {LineOf(sql, index)}, column {index - lineStart + 1})";
    }

    /// <summary>The UTF-16 index of the <paramref name="codePoint"/>-th (zero-based) character, as PostgreSQL counts them; -1 when the text is shorter.</summary>
    public static int IndexOfCodePoint(string text, int codePoint)
    {
        var index = 0;
        for (var n = 0; n < codePoint; n++)
        {
            if (index >= text.Length)
            {
                return -1;
            }
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }
        return index < text.Length ? index : -1;
    }

    /// <summary>One-based line number of a character index.</summary>
    public static int LineOf(string sql, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < sql.Length; i++)
        {
            if (sql[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }

    private static int SkipComment(string sql, int i, SqlDialect dialect)
    {
        if (i + 1 < sql.Length && sql[i] == '-' && sql[i + 1] == '-')
        {
            var end = sql.IndexOf('\n', i);
            return end < 0 ? sql.Length : end + 1;
        }
        if (i + 1 < sql.Length && sql[i] == '/' && sql[i + 1] == '*')
        {
            var depth = 1;
            var j = i + 2;
            while (j < sql.Length && depth > 0)
            {
                if (j + 1 < sql.Length && sql[j] == '*' && sql[j + 1] == '/')
                {
                    depth--;
                    j += 2;
                }
                else if (dialect == SqlDialect.Postgres && j + 1 < sql.Length && sql[j] == '/' && sql[j + 1] == '*')
                {
                    depth++;
                    j += 2;
                }
                else
                {
                    j++;
                }
            }
            return j;
        }
        return i;
    }

    private static int SkipToken(string sql, int i, SqlDialect dialect, out bool isSemicolon)
    {
        isSemicolon = false;
        var c = sql[i];
        var afterComment = SkipComment(sql, i, dialect);
        if (afterComment > i)
        {
            return afterComment;
        }
        switch (c)
        {
            case ';':
                isSemicolon = true;
                return i + 1;
            case '\'':
                var backslashEscapes = dialect == SqlDialect.Postgres && i > 0 && (sql[i - 1] == 'e' || sql[i - 1] == 'E')
                    && (i < 2 || !IsIdentifierChar(sql[i - 2]));
                return SkipQuoted(sql, i, '\'', backslashEscapes);
            case '"':
                return SkipQuoted(sql, i, '"', false);
            case '`' when dialect == SqlDialect.Sqlite:
                return SkipQuoted(sql, i, '`', false);
            case '[' when dialect == SqlDialect.Sqlite:
                var close = sql.IndexOf(']', i + 1);
                return close < 0 ? sql.Length : close + 1;
            case '$' when dialect == SqlDialect.Postgres && (i == 0 || !IsIdentifierChar(sql[i - 1])):
                var tagEnd = i + 1;
                while (tagEnd < sql.Length && IsIdentifierChar(sql[tagEnd]) && !(tagEnd == i + 1 && char.IsAsciiDigit(sql[tagEnd])))
                {
                    tagEnd++;
                }
                if (tagEnd < sql.Length && sql[tagEnd] == '$')
                {
                    var tag = sql[i..(tagEnd + 1)];
                    var closing = sql.IndexOf(tag, tagEnd + 1, StringComparison.Ordinal);
                    return closing < 0 ? sql.Length : closing + tag.Length;
                }
                return i + 1;
            default:
                return i + 1;
        }
    }

    private static int SkipQuoted(string sql, int i, char quote, bool backslashEscapes)
    {
        var j = i + 1;
        while (j < sql.Length)
        {
            if (backslashEscapes && sql[j] == '\\')
            {
                j += 2;
                continue;
            }
            if (sql[j] == quote)
            {
                if (j + 1 < sql.Length && sql[j + 1] == quote)
                {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return sql.Length;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c > 127;
}

/// <summary>Checks shared by both engines before any text reaches a parser.</summary>
internal static class QueryPreflight
{
    private static readonly string[] AllowedFirstWords = ["select", "with", "values"];

    /// <summary>Returns a refusal message, or null when the text may be prepared; <paramref name="statement"/> is the single statement without its trailing semicolon.</summary>
    public static string? Check(string sql, SqlDialect dialect, SandboxLimits limits, out string statement, bool skip = false)
    {
        statement = "";
        if (skip)
        {
            // Tests only: let the text reach the engine so its own defences are exercised.
            statement = sql;
            return null;
        }
        if (sql.Length > limits.MaxQueryLength)
        {
            return $"the query is too long: {sql.Length:N0} characters; the limit is {limits.MaxQueryLength:N0}.";
        }
        var split = StatementText.Split(sql, dialect);
        if (split.SecondStart is { } second)
        {
            return $"only one statement is allowed; found a second one at line {StatementText.LineOf(sql, second)}.";
        }
        statement = sql[..split.FirstEnd];
        var first = StatementText.FirstKeyword(statement, dialect);
        if (first.Length == 0)
        {
            return "the query is empty.";
        }
        var allowed = dialect == SqlDialect.Postgres ? [.. AllowedFirstWords, "table"] : AllowedFirstWords;
        if (!allowed.Contains(first))
        {
            return $"only a single SELECT query (optionally starting with WITH) is allowed; this statement starts with {first.ToUpperInvariant()}.";
        }
        return null;
    }
}

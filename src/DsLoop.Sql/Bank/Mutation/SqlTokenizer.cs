namespace DsLoop.Sql.Bank.Mutation;

/// <summary>What a piece of SQL text is, as far as mutation needs to know.</summary>
public enum SqlTokenKind
{
    /// <summary>A keyword, function or unquoted name.</summary>
    Word,

    /// <summary>A numeric literal.</summary>
    Number,

    /// <summary>A string literal, quotes included.</summary>
    String,

    /// <summary>A quoted name ("x", `x` or [x]).</summary>
    QuotedName,

    /// <summary>An operator such as &lt;=, || or ::.</summary>
    Operator,

    /// <summary>( ) , ; or .</summary>
    Punctuation,

    /// <summary>Spaces and line breaks.</summary>
    Space,

    /// <summary>A -- or /* */ comment.</summary>
    Comment,
}

/// <summary>One piece of SQL text and where it starts.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The text, exactly as written.</param>
/// <param name="Start">Its offset in the query.</param>
public readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Start)
{
    /// <summary>The offset just after the token.</summary>
    public int End => Start + Text.Length;

    /// <summary>True for the word <paramref name="word"/>, in any case.</summary>
    public bool Is(string word) => Kind == SqlTokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the punctuation or operator <paramref name="symbol"/>.</summary>
    public bool IsSymbol(string symbol) => Kind is SqlTokenKind.Punctuation or SqlTokenKind.Operator && Text == symbol;
}

/// <summary>Splits SQL into tokens that join back to the exact text, for both SQLite and PostgreSQL dialects.</summary>
public static class SqlTokenizer
{
    private static readonly string[] TwoCharOperators = ["<=", ">=", "<>", "!=", "==", "||", "::", "->"];

    /// <summary>The tokens of <paramref name="sql"/>, spaces and comments included.</summary>
    public static IReadOnlyList<SqlToken> Tokenize(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var start = i;
            var kind = Next(sql, ref i);
            tokens.Add(new SqlToken(kind, sql[start..i], start));
        }
        return tokens;
    }

    private static SqlTokenKind Next(string sql, ref int i)
    {
        var c = sql[i];
        if (char.IsWhiteSpace(c))
        {
            while (i < sql.Length && char.IsWhiteSpace(sql[i]))
            {
                i++;
            }
            return SqlTokenKind.Space;
        }
        if (c == '-' && At(sql, i + 1) == '-')
        {
            while (i < sql.Length && sql[i] != '\n')
            {
                i++;
            }
            return SqlTokenKind.Comment;
        }
        if (c == '/' && At(sql, i + 1) == '*')
        {
            var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
            i = end < 0 ? sql.Length : end + 2;
            return SqlTokenKind.Comment;
        }
        if (c == '\'')
        {
            i = Closing(sql, i, '\'');
            return SqlTokenKind.String;
        }
        if (c is '"' or '`' or '[')
        {
            i = Closing(sql, i, c == '[' ? ']' : c);
            return SqlTokenKind.QuotedName;
        }
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(sql, i + 1))))
        {
            while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '.'))
            {
                i++;
            }
            if (At(sql, i) is 'e' or 'E' && (char.IsAsciiDigit(At(sql, i + 1)) || (At(sql, i + 1) is '+' or '-' && char.IsAsciiDigit(At(sql, i + 2)))))
            {
                i += 2;
                while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                {
                    i++;
                }
            }
            return SqlTokenKind.Number;
        }
        if (char.IsLetter(c) || c == '_')
        {
            while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$'))
            {
                i++;
            }
            return SqlTokenKind.Word;
        }
        if (i + 1 < sql.Length && TwoCharOperators.Contains(sql.Substring(i, 2)))
        {
            i += 2;
            return SqlTokenKind.Operator;
        }
        i++;
        return c is '(' or ')' or ',' or ';' or '.' ? SqlTokenKind.Punctuation : SqlTokenKind.Operator;
    }

    private static char At(string sql, int i) => i < sql.Length ? sql[i] : '\0';

    private static int Closing(string sql, int open, char close)
    {
        var i = open + 1;
        while (i < sql.Length)
        {
            if (sql[i] == close)
            {
                // A doubled quote is an escaped quote inside the literal.
                if (At(sql, i + 1) == close && close != ']')
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.Length;
    }
}

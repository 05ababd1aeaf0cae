namespace DsLoop.Sql.Bank.Mutation;

/// <summary>
/// The significant tokens of a query (no spaces or comments) with, for each, its parenthesis depth, the clause it sits in
/// at that depth (select, from, where, on, having, when, ...) and, for parentheses, the matching one.
/// </summary>
internal sealed class QueryShape
{
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "having", "on", "when", "then", "else", "group", "order", "partition", "limit", "join", "using",
    };

    private readonly int[] match;

    public QueryShape(string sql)
    {
        Sql = sql;
        Tokens = [.. SqlTokenizer.Tokenize(sql).Where(t => t.Kind is not (SqlTokenKind.Space or SqlTokenKind.Comment))];
        Depth = new int[Tokens.Count];
        Clause = new string[Tokens.Count];
        match = new int[Tokens.Count];
        Array.Fill(match, -1);
        var clauses = new Stack<string>();
        var opens = new Stack<int>();
        clauses.Push("");
        for (var i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (token.IsSymbol(")") && opens.Count > 0)
            {
                var open = opens.Pop();
                match[open] = i;
                match[i] = open;
                clauses.Pop();
            }
            Depth[i] = opens.Count;
            if (token.Kind == SqlTokenKind.Word && ClauseWords.Contains(token.Text))
            {
                clauses.Pop();
                clauses.Push(token.Text.ToLowerInvariant());
            }
            Clause[i] = clauses.Peek();
            if (token.IsSymbol("("))
            {
                opens.Push(i);
                clauses.Push("");
            }
        }
        BetweenAnds = FindBetweenAnds();
    }

    public string Sql { get; }

    /// <summary>Words that end a table reference rather than name an alias for it.</summary>
    private static readonly HashSet<string> NotAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "where", "join", "left", "right", "inner", "outer", "full", "cross", "group", "order", "having", "limit", "using", "union", "window", "natural",
    };

    private Dictionary<string, int>? ctes;

    /// <summary>
    /// The common table expressions of the query: each name (WITH name AS ...) and the index of the token after its AS,
    /// found once per query.
    /// </summary>
    public IReadOnlyDictionary<string, int> Ctes => ctes ??= FindCtes();

    /// <summary>True when the token at <paramref name="i"/> names an alias (a word that is not a clause keyword).</summary>
    public bool IsAlias(int i) => i >= 0 && i < Tokens.Count && Tokens[i].Kind == SqlTokenKind.Word && !NotAliases.Contains(Tokens[i].Text);

    public IReadOnlyList<SqlToken> Tokens { get; }

    /// <summary>How many parentheses are open before the token (a closing parenthesis has its opening's depth).</summary>
    public int[] Depth { get; }

    /// <summary>The clause keyword last seen at the token's depth, lower case; "" before any.</summary>
    public string[] Clause { get; }

    /// <summary>Indexes of the ANDs that belong to a BETWEEN rather than joining two conditions.</summary>
    public HashSet<int> BetweenAnds { get; }

    public int Count => Tokens.Count;

    public SqlToken this[int i] => Tokens[i];

    public bool Is(int i, string word) => i >= 0 && i < Tokens.Count && Tokens[i].Is(word);

    public bool IsSymbol(int i, string symbol) => i >= 0 && i < Tokens.Count && Tokens[i].IsSymbol(symbol);

    /// <summary>The index of the parenthesis matching the one at <paramref name="i"/>, or -1.</summary>
    public int Match(int i) => match[i];

    /// <summary>The index of the first comma directly inside the parentheses that open at <paramref name="open"/>, or -1.</summary>
    public int FirstComma(int open)
    {
        var close = match[open];
        for (var i = open + 1; i < close; i++)
        {
            if (Depth[i] == Depth[open] + 1 && Tokens[i].IsSymbol(","))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The original text from the start of token <paramref name="first"/> to the end of token <paramref name="last"/>.</summary>
    public string Text(int first, int last) => Sql[Tokens[first].Start..Tokens[last].End];

    private static readonly HashSet<string> PredicateStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "group", "order", "having", "limit", "window", "union", "except", "intersect", "join", "left", "right",
        "inner", "full", "cross", "where", "then", "when", "else", "end", "on", "select", "from", "returning",
    };

    /// <summary>
    /// The last token of the condition that starts at <paramref name="first"/>: it runs until the next AND or OR, clause
    /// keyword, comma or closing parenthesis at its own depth (the AND of a BETWEEN does not end it).
    /// </summary>
    public int ConditionEnd(int first)
    {
        var depth = Depth[first];
        for (var i = first; i < Tokens.Count; i++)
        {
            if (Depth[i] < depth || (Depth[i] == depth && i > first && Ends(i)))
            {
                return i - 1;
            }
        }
        return Tokens.Count - 1;
    }

    private bool Ends(int i)
    {
        var token = Tokens[i];
        if (token.Kind == SqlTokenKind.Word)
        {
            return PredicateStops.Contains(token.Text) && !BetweenAnds.Contains(i);
        }
        return token.IsSymbol(",") || token.IsSymbol(";");
    }

    private HashSet<int> FindBetweenAnds()
    {
        var ands = new HashSet<int>();
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (!Tokens[i].Is("between"))
            {
                continue;
            }
            for (var j = i + 1; j < Tokens.Count && Depth[j] >= Depth[i]; j++)
            {
                if (Depth[j] == Depth[i] && Tokens[j].Is("and"))
                {
                    ands.Add(j);
                    break;
                }
            }
        }
        return ands;
    }

    private Dictionary<string, int> FindCtes()
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 2 < Tokens.Count; i++)
        {
            if (Depth[i] == 0 && (Is(i, "with") || Is(i, "recursive") || IsSymbol(i, ",")) && Tokens[i + 1].Kind == SqlTokenKind.Word && Is(i + 2, "as"))
            {
                names[Tokens[i + 1].Text] = i + 3;
            }
        }
        return names;
    }
}

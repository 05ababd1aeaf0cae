using System.Globalization;
using System.Text.RegularExpressions;

namespace DsLoop.Sql.Bank.Mutation;

/// <summary>Mutations inside expressions: comparisons, constants, dates and time zones, integer division, NULL handling.</summary>
internal static partial class ExpressionRules
{
    private static readonly Dictionary<string, string[]> Comparisons = new(StringComparer.Ordinal)
    {
        ["<"] = ["<=", ">"],
        ["<="] = ["<", ">="],
        [">"] = [">=", "<"],
        [">="] = [">", "<="],
        ["="] = ["<>"],
        ["<>"] = ["="],
        ["!="] = ["="],
    };

    public static IEnumerable<MutationEdit> All(QueryShape q) =>
        ComparisonFlips(q).Concat(SubtractionSwaps(q)).Concat(NumberShifts(q)).Concat(DateShifts(q)).Concat(TimeZones(q)).Concat(IntegerDivision(q)).Concat(NullHandling(q));

    private static IEnumerable<MutationEdit> ComparisonFlips(QueryShape q)
    {
        for (var i = 0; i < q.Count; i++)
        {
            var token = q[i];
            if (token.Kind != SqlTokenKind.Operator || !Comparisons.TryGetValue(token.Text, out var others))
            {
                continue;
            }
            foreach (var other in others)
            {
                // A join key made unequal multiplies the rows and only tests the time limit.
                if (token.Text == "=" && q.Clause[i] == "on")
                {
                    continue;
                }
                yield return Replace(MutationKind.Comparison, token, other);
            }
        }
    }

    /// <summary>The two sides of a subtraction of names or calls swapped: a time difference or a change read backwards.</summary>
    private static IEnumerable<MutationEdit> SubtractionSwaps(QueryShape q)
    {
        for (var i = 1; i + 1 < q.Count; i++)
        {
            if (!q.IsSymbol(i, "-") || Operand(q, i - 1, backwards: true) is not { } left || Operand(q, i + 1, backwards: false) is not { } right)
            {
                continue;
            }
            var (a, b) = (q.Text(left.First, left.Last), q.Text(right.First, right.Last));
            var text = string.Concat(b, q.Sql.AsSpan(q[left.Last].End, q[right.First].Start - q[left.Last].End), a);
            yield return new MutationEdit(MutationKind.Arithmetic, q[left.First].Start, q[right.Last].End, text, "subtraction reversed");
        }
    }

    /// <summary>A column (a or t.a) or a call f(...) ending or starting at <paramref name="at"/>.</summary>
    private static (int First, int Last)? Operand(QueryShape q, int at, bool backwards)
    {
        if (backwards)
        {
            if (q.IsSymbol(at, ")") && q.Match(at) is var open and > 0 && q[open - 1].Kind == SqlTokenKind.Word)
            {
                return (open - 1, at);
            }
            if (q[at].Kind != SqlTokenKind.Word)
            {
                return null;
            }
            return q.IsSymbol(at - 1, ".") && at >= 2 ? (at - 2, at) : (at, at);
        }
        if (q[at].Kind != SqlTokenKind.Word)
        {
            return null;
        }
        if (q.IsSymbol(at + 1, "(") && q.Match(at + 1) is var close and > 0)
        {
            return (at, close);
        }
        return q.IsSymbol(at + 1, ".") && at + 2 < q.Count ? (at, at + 2) : (at, at);
    }

    private static IEnumerable<MutationEdit> NumberShifts(QueryShape q)
    {
        for (var i = 0; i < q.Count; i++)
        {
            var token = q[i];
            if (token.Kind != SqlTokenKind.Number || IsUnitFactor(q, i))
            {
                continue;
            }
            if (long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
            {
                yield return Replace(MutationKind.Constant, token, (whole + 1).ToString(CultureInfo.InvariantCulture));
                if (whole > 0)
                {
                    yield return Replace(MutationKind.Constant, token, (whole - 1).ToString(CultureInfo.InvariantCulture));
                }
            }
            else if (decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value != 0)
            {
                var places = token.Text.Length - token.Text.IndexOf('.', StringComparison.Ordinal) - 1;
                foreach (var factor in new[] { 0.9m, 1.1m })
                {
                    var moved = Math.Round(value * factor, Math.Max(places, 1)).ToString(CultureInfo.InvariantCulture);
                    yield return Replace(MutationKind.Constant, token, moved);
                }
            }
        }
    }

    /// <summary>A 1.0 or 100.0 next to * or /: it exists to make the division non-integer, see <see cref="IntegerDivision"/>.</summary>
    private static bool IsUnitFactor(QueryShape q, int i) =>
        q[i].Text.Contains('.', StringComparison.Ordinal) && q[i].Text.TrimEnd('0').EndsWith('.')
        && (q.IsSymbol(i - 1, "*") || q.IsSymbol(i + 1, "*") || q.IsSymbol(i - 1, "/") || q.IsSymbol(i + 1, "/"));

    private static IEnumerable<MutationEdit> DateShifts(QueryShape q)
    {
        foreach (var token in q.Tokens.Where(t => t.Kind == SqlTokenKind.String))
        {
            if (Modifier().Match(token.Text) is { Success: true } modifier)
            {
                var n = long.Parse(modifier.Groups["n"].Value, CultureInfo.InvariantCulture);
                foreach (var moved in new[] { n + 1, n - 1 }.Where(m => m >= 0))
                {
                    var text = string.Concat("'", modifier.Groups["sign"].Value, moved.ToString(CultureInfo.InvariantCulture), " ", modifier.Groups["unit"].Value, "'");
                    yield return Replace(MutationKind.Constant, token, text);
                }
            }
            else if (DateLiteral().Match(token.Text) is { Success: true } date
                && DateOnly.TryParseExact(date.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                foreach (var moved in new[] { day.AddDays(1), day.AddDays(-1) })
                {
                    yield return Replace(MutationKind.Constant, token, string.Concat("'", moved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.Groups["rest"].Value, "'"));
                }
            }
        }
    }

    private static IEnumerable<MutationEdit> TimeZones(QueryShape q)
    {
        for (var i = 0; i < q.Count; i++)
        {
            var token = q[i];
            if (token.Kind == SqlTokenKind.String && token.Text.ToLowerInvariant() is "'localtime'" or "'utc'" && q.IsSymbol(i - 1, ","))
            {
                yield return new MutationEdit(MutationKind.DateTime, q[i - 1].Start, token.End, "", $"`{token.Text}` dropped");
            }
            else if (token.Is("at") && q.Is(i + 1, "time") && q.Is(i + 2, "zone") && i + 3 < q.Count)
            {
                yield return new MutationEdit(MutationKind.DateTime, token.Start, q[i + 3].End, "", $"`{q.Text(i, i + 3)}` dropped");
            }
            else if (token.Is("date") && q.IsSymbol(i + 1, "("))
            {
                yield return Replace(MutationKind.DateTime, token, "datetime");
            }
            else if (token.IsSymbol("::") && q.Is(i + 1, "date"))
            {
                yield return new MutationEdit(MutationKind.DateTime, token.Start, q[i + 1].End, "", "`::date` dropped");
            }
        }
    }

    private static IEnumerable<MutationEdit> IntegerDivision(QueryShape q)
    {
        for (var i = 0; i < q.Count; i++)
        {
            var token = q[i];
            if (token.Kind == SqlTokenKind.Number && IsUnitFactor(q, i))
            {
                yield return Replace(MutationKind.Arithmetic, token, token.Text[..token.Text.IndexOf('.', StringComparison.Ordinal)]);
            }
            else if (token.Is("cast") && q.IsSymbol(i + 1, "(") && q.Match(i + 1) is var close and > 0)
            {
                var at = Enumerable.Range(i + 2, close - i - 2).LastOrDefault(j => q.Depth[j] == q.Depth[i + 1] + 1 && q.Is(j, "as"), -1);
                if (at > i + 2)
                {
                    yield return new MutationEdit(MutationKind.Arithmetic, token.Start, q[close].End, q.Text(i + 2, at - 1), "cast dropped");
                }
            }
            else if (token.IsSymbol("::") && i + 1 < q.Count && q[i + 1].Kind == SqlTokenKind.Word && !q.Is(i + 1, "date"))
            {
                var last = q.IsSymbol(i + 2, "(") && q.Match(i + 2) > 0 ? q.Match(i + 2) : i + 1;
                yield return new MutationEdit(MutationKind.Arithmetic, token.Start, q[last].End, "", $"`{q.Text(i, last)}` dropped");
            }
        }
    }

    private static IEnumerable<MutationEdit> NullHandling(QueryShape q)
    {
        for (var i = 0; i < q.Count; i++)
        {
            var token = q[i];
            if ((token.Is("coalesce") || token.Is("ifnull") || token.Is("nullif")) && q.IsSymbol(i + 1, "(") && q.Match(i + 1) is var close and > 0
                && q.FirstComma(i + 1) is var comma and > 0)
            {
                yield return new MutationEdit(MutationKind.Null, token.Start, q[close].End, q.Text(i + 2, comma - 1), $"`{token.Text}` dropped");
            }
            else if (token.Is("not"))
            {
                yield return new MutationEdit(MutationKind.Null, token.Start, q.Tokens[i + 1 < q.Count ? i + 1 : i].Start, "", "`not` dropped");
            }
            else if (token.Is("is") && q.Is(i + 1, "null"))
            {
                yield return Replace(MutationKind.Null, token, token.Text + " not");
            }
        }
    }

    private static MutationEdit Replace(MutationKind kind, SqlToken token, string with) =>
        new(kind, token.Start, token.End, with, $"`{token.Text}` → `{with}`");

    [GeneratedRegex(@"^'(?<sign>[+-]?)(?<n>\d+) (?<unit>(?:day|hour|minute|second|month|year|week)s?)'$", RegexOptions.IgnoreCase)]
    private static partial Regex Modifier();

    [GeneratedRegex(@"^'(?<date>\d{4}-\d{2}-\d{2})(?<rest>[^']*)'$")]
    private static partial Regex DateLiteral();
}

using System.Globalization;

namespace DsLoop.App.Planners;

/// <summary>One row of researched pay as typed: where it came from and its bottom and top, in any spelling.</summary>
/// <param name="Source">Where the range came from.</param>
/// <param name="Bottom">The bottom as typed: "180", "180k", "$180,000" or "180000".</param>
/// <param name="Top">The top, spelled the same ways.</param>
public sealed record TypedRange(string? Source, string? Bottom, string? Top);

/// <summary>
/// Reads the amounts people type into the compensation planner. A number with a "k" is thousands; a plain number of
/// 1,000 or more is dollars (180000 is $180k); a smaller one is already thousands. Anything outside a plausible yearly
/// amount is refused with the row and field named, never guessed.
/// </summary>
public static class SalaryAmounts
{
    /// <summary>The lowest yearly base salary, in thousands, the planner accepts.</summary>
    public const decimal MinBase = 20;

    /// <summary>The highest yearly base salary, in thousands, the planner accepts.</summary>
    public const decimal MaxBase = 2_000;

    /// <summary>The highest yearly equity, in thousands, the planner accepts.</summary>
    public const decimal MaxEquity = 5_000;

    /// <summary>Reads one amount in thousands of dollars; false when the text is not a number.</summary>
    public static bool TryRead(string? raw, out decimal thousands, out bool readAsDollars)
    {
        thousands = 0;
        readAsDollars = false;
        var text = (raw ?? "").Trim().Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var isThousands = text.EndsWith('k') || text.EndsWith('K');
        if (isThousands)
        {
            text = text[..^1];
        }
        if (text.Length == 0 || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        readAsDollars = !isThousands && value >= 1_000;
        thousands = readAsDollars ? value / 1_000 : value;
        return true;
    }

    /// <summary>
    /// The researched base ranges from the typed rows (empty rows skipped), the problems that stop a plan (naming the
    /// row and the field), and notes on how amounts were read.
    /// </summary>
    public static (IReadOnlyList<ResearchedRange> Ranges, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes) ReadBase(IReadOnlyList<TypedRange> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ranges = new List<ResearchedRange>();
        var problems = new List<string>();
        var notes = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (string.IsNullOrWhiteSpace(row.Bottom) && string.IsNullOrWhiteSpace(row.Top))
            {
                continue;
            }
            var where = string.Create(CultureInfo.InvariantCulture, $"Row {i + 1}");
            var bottom = ReadOne(row.Bottom, $"{where}, bottom", MinBase, MaxBase, "yearly base salary", problems, notes);
            var top = ReadOne(row.Top, $"{where}, top", MinBase, MaxBase, "yearly base salary", problems, notes);
            if (bottom is { } low && top is { } high)
            {
                if (high < low)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: the top (${high:0.#}k) is below the bottom (${low:0.#}k)."));
                    continue;
                }
                var source = (row.Source ?? "").Trim();
                ranges.Add(new ResearchedRange(source.Length > 0 ? source : string.Create(CultureInfo.InvariantCulture, $"source {i + 1}"), low, high));
            }
        }
        return (ranges, problems, notes);
    }

    /// <summary>A yearly equity range (both ends optional together), or null with a problem when it cannot be read.</summary>
    public static (decimal Low, decimal High)? ReadEquity(string? bottom, string? top, List<string> problems, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(bottom) && string.IsNullOrWhiteSpace(top))
        {
            return null;
        }
        var low = ReadOne(bottom, "Equity, bottom", 0, MaxEquity, "yearly equity value", problems, notes);
        var high = ReadOne(top, "Equity, top", 0, MaxEquity, "yearly equity value", problems, notes);
        if (low is not { } l || high is not { } h)
        {
            return null;
        }
        if (h < l)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Equity: the top (${h:0.#}k) is below the bottom (${l:0.#}k)."));
            return null;
        }
        return (l, h);
    }

    /// <summary>A target bonus in percent of base (0–100), or null when left empty.</summary>
    public static decimal? ReadBonus(string? raw, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var text = (raw ?? "").Trim().TrimEnd('%').Trim();
        if (text.Length == 0)
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent > 100)
        {
            problems.Add($"Bonus: '{raw!.Trim()}' is not a percentage of base between 0 and 100.");
            return null;
        }
        return percent;
    }

    private static decimal? ReadOne(string? raw, string field, decimal min, decimal max, string what, List<string> problems, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            problems.Add($"{field} is missing.");
            return null;
        }
        if (!TryRead(raw, out var thousands, out var asDollars))
        {
            problems.Add($"{field}: '{raw.Trim()}' is not an amount; write thousands (180 or 180k) or dollars (180,000).");
            return null;
        }
        if (thousands < min || thousands > max)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: ${thousands:#,0.#}k is not a plausible {what} (between ${min:#,0}k and ${max:#,0}k a year)."));
            return null;
        }
        if (asDollars)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: {raw.Trim()} was read as dollars, ${thousands:0.#}k."));
        }
        return thousands;
    }
}

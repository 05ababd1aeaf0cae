using System.Globalization;
using System.Text;

namespace DsLoop.Sql;

internal enum CellKind
{
    Null,
    Number,
    Integer,
    Decimal,
    Bool,
    Date,
    Text,
    Blob,
}

/// <summary>One value normalised for engine-independent comparison.</summary>
internal readonly record struct Cell(CellKind Kind, double Number, string Text, string Display)
{
    public static readonly Cell Null = new(CellKind.Null, 0, "", "NULL");

    public bool IsNumeric => Kind is CellKind.Number or CellKind.Integer or CellKind.Decimal or CellKind.Bool;

    /// <summary>The value's type as a candidate would name it: integer, decimal, text, date/time text, boolean, blob or NULL.</summary>
    public string TypeName => Kind switch
    {
        CellKind.Null => "NULL",
        CellKind.Integer => "integer",
        CellKind.Decimal => "decimal",
        // Coerced numbers keep their written form: an integer prints without a point or exponent.
        CellKind.Number => Display.AsSpan().IndexOfAny('.', 'E', 'e') >= 0 ? "decimal" : "integer",
        CellKind.Bool => "boolean",
        CellKind.Date => "date/time text",
        CellKind.Text => "text",
        _ => "blob",
    };

    /// <summary>The value with its type in front, text in quotes (integer 55, text '55'); NULL stays NULL.</summary>
    public string Typed => Kind switch
    {
        CellKind.Null => "NULL",
        CellKind.Text or CellKind.Date => $"{TypeName} '{Display}'",
        _ => $"{TypeName} {Display}",
    };
}

/// <summary>Turns engine values into <see cref="Cell"/>s and compares them under a <see cref="GradingSpec"/>.</summary>
internal sealed class CellComparer(GradingSpec spec) : IComparer<Cell[]>
{
    public GradingSpec Spec => spec;

    public Cell Normalize(object? value)
    {
        var cell = value switch
        {
            null or DBNull => Cell.Null,
            bool b => spec.CoerceBoolInteger
                ? new Cell(CellKind.Integer, b ? 1 : 0, "", b ? "true" : "false")
                : new Cell(CellKind.Bool, b ? 1 : 0, "", b ? "true" : "false"),
            long or int or short or byte or sbyte or ushort or uint => Integer(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            ulong u => new Cell(CellKind.Integer, u, "", u.ToString(CultureInfo.InvariantCulture)),
            decimal d => new Cell(d.Scale == 0 ? CellKind.Integer : CellKind.Decimal, (double)d, "", d.ToString(CultureInfo.InvariantCulture)),
            double x => Real(x),
            float f => Real(f),
            DateOnly date => DateCell(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            DateTime time => DateCell(FormatTimestamp(time)),
            DateTimeOffset offset => DateCell(FormatTimestamp(offset.UtcDateTime)),
            string s => Text(s),
            byte[] blob => new Cell(CellKind.Blob, 0, Convert.ToHexString(blob), "x'" + Convert.ToHexString(blob) + "'"),
            TimeSpan span => Text(span.ToString("c", CultureInfo.InvariantCulture)),
            Array array => Text("{" + string.Join(",", array.Cast<object?>().Select(v => Normalize(v).Display)) + "}"),
            IFormattable formattable => Text(formattable.ToString(null, CultureInfo.InvariantCulture)),
            _ => Text(value.ToString() ?? ""),
        };
        if (spec.CoerceIntegerDecimal && cell.Kind is CellKind.Integer or CellKind.Decimal)
        {
            return cell with { Kind = CellKind.Number };
        }
        return cell;
    }

    private static Cell Integer(long value) => new(CellKind.Integer, value, "", value.ToString(CultureInfo.InvariantCulture));

    private static Cell Real(double value) =>
        double.IsFinite(value)
            ? new Cell(CellKind.Decimal, value, "", RealText(value))
            : new Cell(CellKind.Text, 0, value.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));

    private static string RealText(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static string FormatTimestamp(DateTime time)
    {
        var text = time.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        return text.EndsWith('.') ? text[..^1] : text;
    }

    private Cell DateCell(string sqliteStyle) => spec.CoerceDateText ? Text(sqliteStyle) : new Cell(CellKind.Text, 0, sqliteStyle, sqliteStyle);

    private Cell Text(string text)
    {
        if (spec.CoerceDateText)
        {
            Span<char> canonical = stackalloc char[IsoDateText.MaxLength];
            if (IsoDateText.TryCanonical(text, canonical, out var written))
            {
                var canonicalText = text.AsSpan().SequenceEqual(canonical[..written]) ? text : new string(canonical[..written]);
                return new Cell(CellKind.Date, 0, canonicalText, text);
            }
        }
        return new Cell(CellKind.Text, 0, text, text);
    }

    public bool Same(Cell a, Cell b)
    {
        if (a.Kind == CellKind.Null || b.Kind == CellKind.Null)
        {
            return a.Kind == b.Kind && spec.NullEqualsNull;
        }
        if (a.Kind != b.Kind)
        {
            return false;
        }
        return a.IsNumeric ? NumbersEqual(a.Number, b.Number) : string.Equals(a.Text, b.Text, StringComparison.Ordinal);
    }

    public bool SameRow(Cell[] a, Cell[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (!Same(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    private bool NumbersEqual(double a, double b)
    {
        var difference = Math.Abs(a - b);
        var scale = Math.Max(Math.Abs(a), Math.Abs(b));
        var noise = 1e-9 * Math.Max(1, scale);
        return spec.Tolerance switch
        {
            ToleranceKind.Absolute => difference <= spec.ToleranceValue + noise,
            ToleranceKind.Relative => difference <= (spec.ToleranceValue * scale) + noise,
            _ => difference <= noise,
        };
    }

    public int Compare(Cell a, Cell b)
    {
        var kind = a.Kind.CompareTo(b.Kind);
        if (kind != 0)
        {
            return kind;
        }
        return a.IsNumeric ? a.Number.CompareTo(b.Number) : string.CompareOrdinal(a.Text, b.Text);
    }

    public int Compare(Cell[]? x, Cell[]? y)
    {
        for (var i = 0; i < x!.Length; i++)
        {
            var c = Compare(x[i], y![i]);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    /// <summary>A canonical text for hashing, with numbers quantised to the tolerance (used only for large, spilled results).</summary>
    public string Canonical(Cell[] row, IReadOnlyList<int>? columns = null)
    {
        var builder = new StringBuilder();
        foreach (var i in columns ?? Enumerable.Range(0, row.Length))
        {
            var cell = row[i];
            builder.Append((char)('A' + (int)cell.Kind));
            if (cell.Kind == CellKind.Null && !spec.NullEqualsNull)
            {
                // Never equal to anything: make it unique.
                builder.Append(Guid.NewGuid().ToString("N"));
            }
            else if (cell.IsNumeric)
            {
                builder.Append(Quantize(cell.Number));
            }
            else
            {
                builder.Append(cell.Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
                    .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal));
            }
            builder.Append('\u001f');
        }
        return builder.ToString();
    }

    private string Quantize(double value) => spec.Tolerance switch
    {
        ToleranceKind.Absolute when spec.ToleranceValue > 0 => Math.Round(value / spec.ToleranceValue).ToString("R", CultureInfo.InvariantCulture),
        ToleranceKind.Relative when spec.ToleranceValue > 0 =>
            value.ToString("E" + Math.Clamp((int)Math.Floor(-Math.Log10(spec.ToleranceValue)), 0, 15), CultureInfo.InvariantCulture),
        _ => value.ToString("E9", CultureInfo.InvariantCulture),
    };
}

using System.IO.Hashing;

namespace DsLoop.Sql.Spill;

/// <summary>
/// Hashes a row's normalised cells to 128 bits without building strings: each cell contributes its kind and either
/// its number quantised to the spec's tolerance grid or its canonical text. Values of the common driver types
/// (integers, doubles, decimals, booleans, strings, NULL) are hashed straight from the driver's value and give the
/// same bytes as hashing <see cref="CellComparer.Normalize"/>'s cell (a test holds the two paths together); other
/// types go through <see cref="CellComparer.Normalize"/>.
/// </summary>
internal sealed class RowHasher
{
    private static long s_uniqueNulls;

    private readonly CellComparer _comparer;
    private readonly GradingSpec _spec;
    private readonly int[] _keyColumns;
    private readonly int[] _starts;
    private readonly ByteBuffer _row = new();
    private readonly ByteBuffer _key = new();
    private readonly CellKind _integerKind;
    private readonly CellKind _decimalKind;
    private int _column;

    /// <summary>A hasher for rows of <paramref name="columnCount"/> cells; <paramref name="keyColumns"/> make up the key hash.</summary>
    public RowHasher(CellComparer comparer, int columnCount, IReadOnlyList<int> keyColumns)
    {
        _comparer = comparer;
        _spec = comparer.Spec;
        _keyColumns = [.. keyColumns];
        _starts = new int[columnCount + 1];
        _integerKind = _spec.CoerceIntegerDecimal ? CellKind.Number : CellKind.Integer;
        _decimalKind = _spec.CoerceIntegerDecimal ? CellKind.Number : CellKind.Decimal;
    }

    /// <summary>Starts a new row.</summary>
    public void Begin()
    {
        _row.Clear();
        _column = 0;
    }

    /// <summary>Adds the next cell from a driver value.</summary>
    public void Add(object? value)
    {
        _starts[_column++] = _row.Length;
        switch (value)
        {
            case null or DBNull:
                AddNull();
                break;
            case long l:
                AddNumber(_integerKind, l);
                break;
            case int i:
                AddNumber(_integerKind, i);
                break;
            case double d when double.IsFinite(d):
                AddNumber(_decimalKind, d);
                break;
            case string s:
                AddText(s);
                break;
            case bool b:
                AddNumber(_spec.CoerceBoolInteger ? _integerKind : CellKind.Bool, b ? 1 : 0);
                break;
            case decimal m:
                AddNumber(m.Scale == 0 ? _integerKind : _decimalKind, (double)m);
                break;
            default:
                _column--;
                Add(_comparer.Normalize(value));
                break;
        }
    }

    /// <summary>Adds the next cell, already normalised.</summary>
    public void Add(Cell cell)
    {
        _starts[_column++] = _row.Length;
        if (cell.Kind == CellKind.Null)
        {
            AddNull();
        }
        else if (cell.IsNumeric)
        {
            AddNumber(cell.Kind, cell.Number);
        }
        else
        {
            _row.Add((byte)cell.Kind);
            _row.AddChars(cell.Text);
        }
    }

    /// <summary>The hash of the whole row.</summary>
    public UInt128 RowHash() => XxHash128.HashToUInt128(_row.Written);

    /// <summary>The hash of the key columns only (0 when there are none).</summary>
    public UInt128 KeyHash()
    {
        if (_keyColumns.Length == 0)
        {
            return 0;
        }
        _starts[_column] = _row.Length;
        _key.Clear();
        var row = _row.Written;
        foreach (var k in _keyColumns)
        {
            _key.Add(row[_starts[k].._starts[k + 1]]);
        }
        return XxHash128.HashToUInt128(_key.Written);
    }

    private void AddNull()
    {
        _row.Add((byte)CellKind.Null);
        if (!_spec.NullEqualsNull)
        {
            // NULL equals nothing, not even another NULL: make every one unique.
            _row.AddInt64(Interlocked.Increment(ref s_uniqueNulls));
        }
    }

    private void AddText(string text)
    {
        if (_spec.CoerceDateText)
        {
            Span<char> canonical = stackalloc char[IsoDateText.MaxLength];
            if (IsoDateText.TryCanonical(text, canonical, out var written))
            {
                _row.Add((byte)CellKind.Date);
                _row.AddChars(canonical[..written]);
                return;
            }
        }
        _row.Add((byte)CellKind.Text);
        _row.AddChars(text);
    }

    private void AddNumber(CellKind kind, double value)
    {
        _row.Add((byte)kind);
        var (mantissa, exponent) = NumberGrid.Quantize(_spec, value);
        _row.AddInt64(mantissa);
        _row.AddInt32(exponent);
    }
}

using System.Text;

namespace DsLoop.Sql.Spill;

/// <summary>
/// Writes a spilled row's values in a compact binary form, so that the few rows shown as samples in feedback can be
/// read back and displayed exactly as the in-memory path shows them, while no display text is built for the others.
/// </summary>
internal static class RowDisplayCodec
{
    private const byte NullTag = 0;
    private const byte IntegerTag = 1;
    private const byte RealTag = 2;
    private const byte TextTag = 3;
    private const byte TrueTag = 4;
    private const byte FalseTag = 5;
    private const byte DecimalTag = 6;
    private const byte DisplayTag = 7;

    /// <summary>Appends one driver value.</summary>
    public static void Add(ByteBuffer buffer, object? value, CellComparer comparer)
    {
        switch (value)
        {
            case null or DBNull:
                buffer.Add(NullTag);
                break;
            case long l:
                buffer.Add(IntegerTag);
                buffer.AddInt64(l);
                break;
            case int i:
                buffer.Add(IntegerTag);
                buffer.AddInt64(i);
                break;
            case double d:
                buffer.Add(RealTag);
                buffer.AddInt64(BitConverter.DoubleToInt64Bits(d));
                break;
            case string s:
                buffer.Add(TextTag);
                buffer.AddUtf8(s);
                break;
            case bool b:
                buffer.Add(b ? TrueTag : FalseTag);
                break;
            case decimal m:
                buffer.Add(DecimalTag);
                Span<int> bits = stackalloc int[4];
                decimal.GetBits(m, bits);
                foreach (var part in bits)
                {
                    buffer.AddInt32(part);
                }
                break;
            default:
                AddDisplay(buffer, comparer.Normalize(value).Display);
                break;
        }
    }

    /// <summary>Appends a cell's display text.</summary>
    public static void AddDisplay(ByteBuffer buffer, string display)
    {
        buffer.Add(DisplayTag);
        buffer.AddUtf8(display);
    }

    /// <summary>Reads one row of <paramref name="columns"/> values and shows it as "(a, b, …)".</summary>
    public static string ReadDisplay(BinaryReader reader, int columns, CellComparer comparer)
    {
        var cells = new string[columns];
        for (var c = 0; c < columns; c++)
        {
            var tag = reader.ReadByte();
            object? value = tag switch
            {
                NullTag => null,
                IntegerTag => reader.ReadInt64(),
                RealTag => BitConverter.Int64BitsToDouble(reader.ReadInt64()),
                TrueTag => true,
                FalseTag => false,
                DecimalTag => new decimal([reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()]),
                TextTag or DisplayTag => Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadInt32())),
                _ => throw new InvalidDataException($"unknown value tag {tag} in a spilled row"),
            };
            cells[c] = tag == DisplayTag ? (string)value! : comparer.Normalize(value).Display;
        }
        return "(" + string.Join(", ", cells) + ")";
    }
}

using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace DsLoop.Sql.Spill;

/// <summary>A reusable, growable byte buffer for encoding one row at a time without allocating per row.</summary>
internal sealed class ByteBuffer
{
    private byte[] _data = new byte[256];

    /// <summary>Bytes written since the last <see cref="Clear"/>.</summary>
    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _data.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Drops everything after the first <paramref name="length"/> bytes.</summary>
    public void Truncate(int length) => Length = length;

    public void Add(byte value) => Take(1)[0] = value;

    public void AddInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

    public void AddInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

    public void Add(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    /// <summary>The length in UTF-16 code units, then the chars' bytes (no transcoding: only hashed, never read back).</summary>
    public void AddChars(ReadOnlySpan<char> text)
    {
        AddInt32(text.Length);
        Add(MemoryMarshal.AsBytes(text));
    }

    /// <summary>The UTF-8 byte count, then the UTF-8 bytes.</summary>
    public void AddUtf8(string text)
    {
        var lengthAt = Length;
        AddInt32(0);
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, _data.AsSpan(Length));
        Length += written;
        BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(lengthAt, 4), written);
    }

    private Span<byte> Take(int count)
    {
        Ensure(count);
        var span = _data.AsSpan(Length, count);
        Length += count;
        return span;
    }

    private void Ensure(int count)
    {
        if (Length + count > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + count));
        }
    }
}

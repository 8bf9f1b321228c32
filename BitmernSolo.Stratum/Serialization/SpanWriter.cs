using System.Buffers.Binary;

namespace BitmernSolo.Stratum.Serialization;

/// <summary>
/// Writes Bitcoin wire format into a caller-provided span, advancing a position. Every multi-byte integer is
/// little-endian on the wire (as Core's serialize.h writes them); the method names say so.
/// Throws <see cref="ArgumentOutOfRangeException"/> when the span is too small, never writes partially past it.
/// </summary>
public ref struct SpanWriter
{
    private readonly Span<byte> _buffer;

    public SpanWriter(Span<byte> buffer) => _buffer = buffer;

    public int Position { get; private set; }

    public readonly ReadOnlySpan<byte> Written => _buffer[..Position];

    public void WriteByte(byte value) => Take(1)[0] = value;

    public void WriteUInt16LittleEndian(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);

    public void WriteUInt32LittleEndian(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), value);

    public void WriteInt32LittleEndian(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

    public void WriteUInt64LittleEndian(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), value);

    public void WriteInt64LittleEndian(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

    public void WriteBytes(scoped ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    public void WriteCompactSize(ulong value)
    {
        switch (value)
        {
            case < 0xfd:
                WriteByte((byte)value);
                break;
            case <= 0xffff:
                WriteByte(0xfd);
                WriteUInt16LittleEndian((ushort)value);
                break;
            case <= 0xffff_ffff:
                WriteByte(0xfe);
                WriteUInt32LittleEndian((uint)value);
                break;
            default:
                WriteByte(0xff);
                WriteUInt64LittleEndian(value);
                break;
        }
    }

    /// <summary>A CompactSize length followed by the bytes (Core's serialization of a byte vector / script).</summary>
    public void WriteVarBytes(scoped ReadOnlySpan<byte> bytes)
    {
        WriteCompactSize((ulong)bytes.Length);
        WriteBytes(bytes);
    }

    private Span<byte> Take(int count)
    {
        if (count > _buffer.Length - Position)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "The destination buffer is too small.");
        }

        var span = _buffer.Slice(Position, count);
        Position += count;
        return span;
    }
}

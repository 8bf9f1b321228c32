using System.Buffers.Binary;

namespace BitmernSolo.Stratum.Serialization;

/// <summary>
/// Reads Bitcoin wire format (little-endian integers, CompactSize lengths) from a span, advancing a position.
/// The Try methods return false on truncated or non-canonical input and leave the position unchanged.
/// </summary>
public ref struct SpanReader
{
    private readonly ReadOnlySpan<byte> _buffer;

    public SpanReader(ReadOnlySpan<byte> buffer) => _buffer = buffer;

    public int Position { get; private set; }

    public readonly int Remaining => _buffer.Length - Position;

    public readonly ReadOnlySpan<byte> RemainingBytes => _buffer[Position..];

    public bool TryReadByte(out byte value)
    {
        value = 0;
        if (Remaining < 1)
        {
            return false;
        }

        value = _buffer[Position++];
        return true;
    }

    public readonly bool TryPeekByte(out byte value)
    {
        value = Remaining > 0 ? _buffer[Position] : (byte)0;
        return Remaining > 0;
    }

    public bool TryReadUInt32LittleEndian(out uint value)
    {
        var ok = BinaryPrimitives.TryReadUInt32LittleEndian(RemainingBytes, out value);
        Position += ok ? 4 : 0;
        return ok;
    }

    public bool TryReadInt32LittleEndian(out int value)
    {
        var ok = BinaryPrimitives.TryReadInt32LittleEndian(RemainingBytes, out value);
        Position += ok ? 4 : 0;
        return ok;
    }

    public bool TryReadInt64LittleEndian(out long value)
    {
        var ok = BinaryPrimitives.TryReadInt64LittleEndian(RemainingBytes, out value);
        Position += ok ? 8 : 0;
        return ok;
    }

    public bool TryReadBytes(int count, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (count < 0 || count > Remaining)
        {
            return false;
        }

        bytes = _buffer.Slice(Position, count);
        Position += count;
        return true;
    }

    /// <summary>Reads a CompactSize, refusing non-minimal encodings ("non-canonical ReadCompactSize()" in Core).</summary>
    public bool TryReadCompactSize(out ulong value)
    {
        value = 0;
        var start = Position;
        if (!TryReadByte(out var first))
        {
            return false;
        }

        bool ok;
        switch (first)
        {
            case < 0xfd:
                value = first;
                return true;
            case 0xfd:
                ok = BinaryPrimitives.TryReadUInt16LittleEndian(RemainingBytes, out var v16);
                value = v16;
                Position += ok ? 2 : 0;
                ok = ok && value >= 0xfd;
                break;
            case 0xfe:
                ok = BinaryPrimitives.TryReadUInt32LittleEndian(RemainingBytes, out var v32);
                value = v32;
                Position += ok ? 4 : 0;
                ok = ok && value > 0xffff;
                break;
            default:
                ok = BinaryPrimitives.TryReadUInt64LittleEndian(RemainingBytes, out value);
                Position += ok ? 8 : 0;
                ok = ok && value > 0xffff_ffff;
                break;
        }

        if (!ok)
        {
            Position = start;
            value = 0;
        }

        return ok;
    }

    /// <summary>A CompactSize length (bounded by what is left) followed by that many bytes.</summary>
    public bool TryReadVarBytes(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        var start = Position;
        if (!TryReadCompactSize(out var length) || length > (ulong)Remaining)
        {
            Position = start;
            return false;
        }

        return TryReadBytes((int)length, out bytes);
    }
}

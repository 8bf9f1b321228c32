namespace BitmernSolo.Stratum.Serialization;

/// <summary>
/// Bitcoin's variable-length integer ("CompactSize", serialize.h <c>WriteCompactSize</c>): 1, 3, 5 or 9 bytes,
/// little-endian after the 0xfd/0xfe/0xff marker. Reading refuses non-canonical encodings as Core does.
/// </summary>
public static class CompactSize
{
    public static int GetSize(ulong value) => value switch
    {
        < 0xfd => 1,
        <= 0xffff => 3,
        <= 0xffff_ffff => 5,
        _ => 9,
    };

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, ulong value)
    {
        var writer = new SpanWriter(destination);
        writer.WriteCompactSize(value);
        return writer.Position;
    }

    /// <summary>Reads a canonical CompactSize; false when the input is truncated or not minimally encoded.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        var reader = new SpanReader(source);
        if (reader.TryReadCompactSize(out value))
        {
            consumed = reader.Position;
            return true;
        }

        consumed = 0;
        return false;
    }
}

using System.Buffers;

namespace BitmernSolo.Stratum.Protocol;

/// <summary>What <see cref="LineFramer.TryReadLine"/> found in the buffered input.</summary>
public enum LineReadStatus
{
    /// <summary>No complete line yet and the cap is not exceeded: nothing consumed, read more.</summary>
    Incomplete,

    /// <summary>A complete line (without its terminator) was read and consumed.</summary>
    Line,

    /// <summary>A line (complete or not) is longer than the cap: the connection should be told and closed.</summary>
    TooLong,
}

/// <summary>
/// Frames newline-terminated Stratum messages from a <see cref="System.IO.Pipelines.PipeReader"/> buffer the way Kestrel's
/// <c>HttpParser</c> frames request lines: it works on the <see cref="ReadOnlySequence{T}"/> without copying, and on incomplete
/// input it consumes nothing. The length cap is checked before anything is parsed, so a client cannot make the server buffer
/// or parse more than <c>maxLineLength</c> bytes per message.
/// </summary>
public static class LineFramer
{
    /// <summary>
    /// Reads one line. On <see cref="LineReadStatus.Line"/>, <paramref name="buffer"/> is advanced past the terminator and
    /// <paramref name="line"/> holds the bytes before it, a trailing <c>\r</c> removed (some miners send CRLF).
    /// </summary>
    public static LineReadStatus TryReadLine(ref ReadOnlySequence<byte> buffer, int maxLineLength, out ReadOnlySequence<byte> line)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out line, (byte)'\n', advancePastDelimiter: true))
        {
            line = default;
            return buffer.Length > maxLineLength ? LineReadStatus.TooLong : LineReadStatus.Incomplete;
        }

        if (line.Length > 0 && EndsWithCarriageReturn(line))
        {
            line = line.Slice(0, line.Length - 1);
        }

        if (line.Length > maxLineLength)
        {
            line = default;
            return LineReadStatus.TooLong;
        }

        buffer = buffer.Slice(reader.Position);
        return LineReadStatus.Line;
    }

    private static bool EndsWithCarriageReturn(ReadOnlySequence<byte> line)
    {
        var last = line.Slice(line.Length - 1);
        return last.FirstSpan[0] == (byte)'\r';
    }
}

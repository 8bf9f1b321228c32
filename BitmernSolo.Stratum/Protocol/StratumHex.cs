using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace BitmernSolo.Stratum.Protocol;

/// <summary>
/// Reads the fixed-size hex strings of <c>mining.submit</c> from a parsed request without allocating: the raw UTF-8 value
/// (quotes included) is parsed in place. Lengths are exact: a short or long field is a malformed share (error 20).
/// </summary>
public static class StratumHex
{
    /// <summary>Exactly 8 hex digits (ntime, nonce) as a big-endian number, as miners print them.</summary>
    public static bool TryReadUInt32(JsonElement element, out uint value)
    {
        value = 0;
        return TryRawDigits(element, out var digits) && digits.Length == 8
            && Utf8Parser.TryParse(digits, out value, out var consumed, 'X') && consumed == 8;
    }

    /// <summary>1 to 8 hex digits (version bits; some firmware drops leading zeros).</summary>
    public static bool TryReadVersionBits(JsonElement element, out uint value)
    {
        value = 0;
        return TryRawDigits(element, out var digits) && digits.Length is >= 1 and <= 8
            && Utf8Parser.TryParse(digits, out value, out var consumed, 'X') && consumed == digits.Length;
    }

    /// <summary>Exactly <c>destination.Length</c> bytes of hex (extranonce2), in the order written.</summary>
    public static bool TryReadBytes(JsonElement element, Span<byte> destination)
    {
        if (!TryRawDigits(element, out var digits) || digits.Length != destination.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var high = HexValue(digits[2 * i]);
            var low = HexValue(digits[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static bool TryRawDigits(JsonElement element, out ReadOnlySpan<byte> digits)
    {
        digits = default;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length < 2 || raw.IndexOf((byte)'\\') >= 0)
        {
            return false; // escapes never appear in honest hex
        }

        digits = raw[1..^1];
        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}

namespace BitmernSolo.Stratum.Serialization;

/// <summary>
/// Script pushes of integers as Bitcoin Core's <c>CScript::push_int64</c> writes them (script.h): 0 → OP_0,
/// 1..16 and -1 → OP_1..OP_16 / OP_1NEGATE, anything else a minimal little-endian sign-magnitude CScriptNum push.
/// BIP34 requires the coinbase scriptSig to start with exactly <c>CScript() &lt;&lt; nHeight</c> (validation.cpp
/// <c>ContextualCheckBlock</c>), so heights 1..16 are the single opcodes OP_1..OP_16, not a one-byte push.
/// </summary>
public static class ScriptNumber
{
    private const byte Op0 = 0x00;
    private const byte Op1Negate = 0x4f;
    private const byte Op1 = 0x51;

    /// <summary>The serialized push of <paramref name="value"/> (opcode or length byte plus CScriptNum bytes).</summary>
    public static byte[] EncodePush(long value)
    {
        if (value == 0)
        {
            return [Op0];
        }

        if (value == -1 || value is >= 1 and <= 16)
        {
            return [(byte)(Op1 - 1 + value)];
        }

        Span<byte> number = stackalloc byte[9];
        var length = EncodeScriptNum(value, number);
        var push = new byte[length + 1];
        push[0] = (byte)length; // ≤ 9 bytes: a direct push opcode
        number[..length].CopyTo(push.AsSpan(1));
        return push;
    }

    /// <summary>The BIP34 height prefix of a coinbase scriptSig.</summary>
    public static byte[] EncodeBip34Height(long height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        return EncodePush(height);
    }

    /// <summary>CScriptNum::serialize: minimal little-endian magnitude, sign in the top bit of the last byte.</summary>
    private static int EncodeScriptNum(long value, Span<byte> destination)
    {
        var negative = value < 0;
        var magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var length = 0;
        while (magnitude != 0)
        {
            destination[length++] = (byte)(magnitude & 0xff);
            magnitude >>= 8;
        }

        if ((destination[length - 1] & 0x80) != 0)
        {
            destination[length++] = negative ? (byte)0x80 : (byte)0x00;
        }
        else if (negative)
        {
            destination[length - 1] |= 0x80;
        }

        return length;
    }
}

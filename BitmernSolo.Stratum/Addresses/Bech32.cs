namespace BitmernSolo.Stratum.Addresses;

/// <summary>Which checksum constant a bech32 string carries: BIP173 (1) or BIP350 (0x2bc830a3).</summary>
public enum Bech32Encoding
{
    Bech32,
    Bech32m,
}

/// <summary>Why a string is not valid bech32/bech32m.</summary>
public enum Bech32Error
{
    None,
    Empty,
    TooLong,
    MixedCase,
    InvalidCharacter,
    NoSeparator,
    EmptyHrp,
    ChecksumTooShort,
    BadChecksum,
}

/// <summary>
/// Bech32 (BIP173) and Bech32m (BIP350) strings: an HRP, '1', 5-bit data, a 6-character checksum.
/// Data here is 5-bit groups; use <see cref="ConvertBits"/> to get bytes.
/// </summary>
public static class Bech32
{
    /// <summary>BIP173's overall length cap; it also applies to segwit addresses.</summary>
    public const int MaxLength = 90;

    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 6;
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    private static readonly sbyte[] _valueOf = BuildValueTable();

    public static string Encode(string hrp, ReadOnlySpan<byte> data5, Bech32Encoding encoding)
    {
        ArgumentException.ThrowIfNullOrEmpty(hrp);
        var lowerHrp = hrp.ToLowerInvariant();
        var checksumValue = Polymod(lowerHrp, data5, stackalloc byte[ChecksumLength]) ^ Constant(encoding);
        var chars = new char[lowerHrp.Length + 1 + data5.Length + ChecksumLength];
        lowerHrp.CopyTo(chars);
        var pos = lowerHrp.Length;
        chars[pos++] = '1';
        foreach (var d in data5)
        {
            chars[pos++] = Charset[d];
        }

        for (var i = 0; i < ChecksumLength; i++)
        {
            chars[pos++] = Charset[(int)((checksumValue >> (5 * (5 - i))) & 31)];
        }

        return new string(chars);
    }

    /// <summary>
    /// Decodes a bech32 or bech32m string. <paramref name="hrp"/> comes back lower-case.
    /// <paramref name="maxLength"/> is 90 per BIP173; Litecoin's MWEB addresses are longer, which is why it is a parameter.
    /// </summary>
    public static Bech32Error TryDecode(
        string text, out string hrp, out byte[] data5, out Bech32Encoding encoding, int maxLength = MaxLength)
    {
        hrp = string.Empty;
        data5 = [];
        encoding = Bech32Encoding.Bech32;
        if (string.IsNullOrEmpty(text))
        {
            return Bech32Error.Empty;
        }

        if (text.Length > maxLength)
        {
            return Bech32Error.TooLong;
        }

        bool lower = false, upper = false;
        foreach (var c in text)
        {
            if (c < 33 || c > 126)
            {
                return Bech32Error.InvalidCharacter;
            }

            lower |= c is >= 'a' and <= 'z';
            upper |= c is >= 'A' and <= 'Z';
        }

        if (lower && upper)
        {
            return Bech32Error.MixedCase;
        }

        var separator = text.LastIndexOf('1');
        if (separator < 0)
        {
            return Bech32Error.NoSeparator;
        }

        if (separator == 0)
        {
            return Bech32Error.EmptyHrp;
        }

        if (text.Length - separator - 1 < ChecksumLength)
        {
            return Bech32Error.ChecksumTooShort;
        }

        var values = new byte[text.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var c = text[separator + 1 + i];
            var v = c < 128 ? _valueOf[c] : (sbyte)-1;
            if (v < 0)
            {
                return Bech32Error.InvalidCharacter;
            }

            values[i] = (byte)v;
        }

        var lowerHrp = text[..separator].ToLowerInvariant();
        var check = Polymod(lowerHrp, values, []);
        if (check == Bech32Constant)
        {
            encoding = Bech32Encoding.Bech32;
        }
        else if (check == Bech32mConstant)
        {
            encoding = Bech32Encoding.Bech32m;
        }
        else
        {
            return Bech32Error.BadChecksum;
        }

        hrp = lowerHrp;
        data5 = values[..^ChecksumLength];
        return Bech32Error.None;
    }

    /// <summary>
    /// Regroups bits (8→5 with padding to encode, 5→8 without padding to decode). Returns false when decoding leaves
    /// more than 4 padding bits or non-zero padding, as BIP173 requires.
    /// </summary>
    public static bool ConvertBits(ReadOnlySpan<byte> input, int fromBits, int toBits, bool pad, out byte[] output)
    {
        output = [];
        var result = new List<byte>(input.Length * fromBits / toBits + 1);
        var acc = 0;
        var bits = 0;
        var maxValue = (1 << toBits) - 1;
        foreach (var value in input)
        {
            if (value >> fromBits != 0)
            {
                return false;
            }

            acc = ((acc << fromBits) | value) & 0xfffff;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                result.Add((byte)((acc >> bits) & maxValue));
            }
        }

        if (pad)
        {
            if (bits > 0)
            {
                result.Add((byte)((acc << (toBits - bits)) & maxValue));
            }
        }
        else if (bits >= fromBits || ((acc << (toBits - bits)) & maxValue) != 0)
        {
            return false;
        }

        output = [.. result];
        return true;
    }

    private static uint Constant(Bech32Encoding encoding) =>
        encoding == Bech32Encoding.Bech32m ? Bech32mConstant : Bech32Constant;

    /// <summary>BIP173 polymod over the expanded HRP, the data, then <paramref name="tail"/> (zeros when encoding).</summary>
    private static uint Polymod(string lowerHrp, ReadOnlySpan<byte> data, ReadOnlySpan<byte> tail)
    {
        uint chk = 1;
        foreach (var c in lowerHrp)
        {
            chk = Step(chk, (byte)(c >> 5));
        }

        chk = Step(chk, 0);
        foreach (var c in lowerHrp)
        {
            chk = Step(chk, (byte)(c & 31));
        }

        foreach (var d in data)
        {
            chk = Step(chk, d);
        }

        foreach (var d in tail)
        {
            chk = Step(chk, d);
        }

        return chk;
    }

    private static uint Step(uint chk, byte value)
    {
        var top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        if ((top & 1) != 0) chk ^= 0x3b6a57b2;
        if ((top & 2) != 0) chk ^= 0x26508e6d;
        if ((top & 4) != 0) chk ^= 0x1ea119fa;
        if ((top & 8) != 0) chk ^= 0x3d4233dd;
        if ((top & 16) != 0) chk ^= 0x2a1462b3;
        return chk;
    }

    private static sbyte[] BuildValueTable()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (var i = 0; i < Charset.Length; i++)
        {
            table[Charset[i]] = (sbyte)i;
            table[char.ToUpperInvariant(Charset[i])] = (sbyte)i;
        }

        return table;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace BitmernSolo.Stratum.Addresses;

/// <summary>A decoded CashAddr: prefix, version byte and hash.</summary>
public sealed class CashAddress
{
    private readonly byte[] _hash;

    internal CashAddress(string prefix, byte versionByte, byte[] hash)
    {
        Prefix = prefix;
        VersionByte = versionByte;
        _hash = hash;
    }

    /// <summary>Lower-case prefix ("bitcoincash", "bchtest", "bchreg", ...).</summary>
    public string Prefix { get; }

    /// <summary>The raw version byte: type bits in 6..3, size bits in 2..0.</summary>
    public byte VersionByte { get; }

    /// <summary>Type bits (0 = P2PKH, 1 = P2SH; others undefined by the spec).</summary>
    public int TypeBits => VersionByte >> 3;

    public ReadOnlySpan<byte> Hash => _hash;
}

/// <summary>
/// Bitcoin Cash's CashAddr format (spec: bitcoincashorg/bitcoincash.org spec/cashaddr.md, v1.1): prefix, ':', base32
/// payload of a version byte and hash, then a 40-bit BCH-code checksum over the prefix and payload.
/// </summary>
public static class CashAddr
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 8;

    /// <summary>Bound on input length; the largest defined hash (512 bits) encodes to ~112 characters plus the prefix.</summary>
    public const int MaxLength = 200;

    private static readonly int[] _hashSizeBySizeBits = [20, 24, 28, 32, 40, 48, 56, 64];

    public static string Encode(string prefix, CashAddrType type, ReadOnlySpan<byte> hash)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var sizeBits = Array.IndexOf(_hashSizeBySizeBits, hash.Length);
        if (sizeBits < 0)
        {
            throw new ArgumentException("CashAddr hashes are 20, 24, 28, 32, 40, 48, 56 or 64 bytes.", nameof(hash));
        }

        return Encode(prefix, (byte)(((int)type << 3) | sizeBits), hash);
    }

    /// <summary>Encodes with a raw version byte (for spec vectors with undefined types).</summary>
    public static string Encode(string prefix, byte versionByte, ReadOnlySpan<byte> hash)
    {
        var lowerPrefix = prefix.ToLowerInvariant();
        var payload = new byte[hash.Length + 1];
        payload[0] = versionByte;
        hash.CopyTo(payload.AsSpan(1));
        Bech32.ConvertBits(payload, 8, 5, pad: true, out var data5);
        var withTemplate = new byte[data5.Length + ChecksumLength];
        data5.CopyTo(withTemplate, 0);
        var mod = Polymod(lowerPrefix, withTemplate);
        var chars = new char[lowerPrefix.Length + 1 + withTemplate.Length];
        lowerPrefix.CopyTo(chars);
        var pos = lowerPrefix.Length;
        chars[pos++] = ':';
        foreach (var d in data5)
        {
            chars[pos++] = Charset[d];
        }

        for (var i = 0; i < ChecksumLength; i++)
        {
            chars[pos++] = Charset[(int)((mod >> (5 * (7 - i))) & 31)];
        }

        return new string(chars);
    }

    /// <summary>
    /// Decodes <paramref name="text"/>. When it has no "prefix:" part, <paramref name="defaultPrefix"/> is assumed (the
    /// checksum covers the prefix, so an address from another network still fails). Mixed case is rejected.
    /// </summary>
    public static bool TryDecode(
        string text, string defaultPrefix, [NotNullWhen(true)] out CashAddress? address, out string error)
    {
        address = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "the address is empty";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = "the address is too long";
            return false;
        }

        bool lower = false, upper = false;
        foreach (var c in text)
        {
            lower |= c is >= 'a' and <= 'z';
            upper |= c is >= 'A' and <= 'Z';
        }

        if (lower && upper)
        {
            error = "the address mixes upper and lower case";
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? defaultPrefix.ToLowerInvariant() : text[..colon].ToLowerInvariant();
        var body = colon < 0 ? text.AsSpan() : text.AsSpan(colon + 1);
        if (prefix.Length == 0)
        {
            error = "the address has an empty prefix";
            return false;
        }

        foreach (var c in prefix)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                error = "the address prefix contains an invalid character";
                return false;
            }
        }

        if (body.Length < ChecksumLength + 2)
        {
            error = "the address is too short";
            return false;
        }

        var values = new byte[body.Length];
        for (var i = 0; i < body.Length; i++)
        {
            var v = Charset.IndexOf(char.ToLowerInvariant(body[i]), StringComparison.Ordinal);
            if (v < 0)
            {
                error = "the address contains a character that CashAddr does not use";
                return false;
            }

            values[i] = (byte)v;
        }

        if (Polymod(prefix, values) != 0)
        {
            error = colon < 0
                ? $"bad checksum for a '{prefix}:' address (a typo, or an address for another network)"
                : "bad checksum (a typo, or a character missing or extra)";
            return false;
        }

        if (!Bech32.ConvertBits(values.AsSpan(0, values.Length - ChecksumLength), 5, 8, pad: false, out var payload)
            || payload.Length == 0)
        {
            error = "the address has invalid padding";
            return false;
        }

        var version = payload[0];
        if ((version & 0x80) != 0)
        {
            error = "the address version byte has its reserved bit set";
            return false;
        }

        var expectedSize = _hashSizeBySizeBits[version & 7];
        if (payload.Length - 1 != expectedSize)
        {
            error = $"the address says its hash is {expectedSize} bytes but holds {payload.Length - 1}";
            return false;
        }

        address = new CashAddress(prefix, version, payload[1..]);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// Checksum only, for the spec's checksum vectors whose payloads are deliberately not addresses. Expects "prefix:payload".
    /// </summary>
    internal static bool HasValidChecksum(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var values = new byte[text.Length - colon - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var v = Charset.IndexOf(char.ToLowerInvariant(text[colon + 1 + i]), StringComparison.Ordinal);
            if (v < 0)
            {
                return false;
            }

            values[i] = (byte)v;
        }

        return Polymod(text[..colon].ToLowerInvariant(), values) == 0;
    }

    /// <summary>The CashAddr polymod: lower 5 bits of each prefix character, a zero for ':', then the values.</summary>
    private static ulong Polymod(string lowerPrefix, ReadOnlySpan<byte> values)
    {
        ulong c = 1;
        foreach (var ch in lowerPrefix)
        {
            c = Step(c, (byte)(ch & 31));
        }

        c = Step(c, 0);
        foreach (var v in values)
        {
            c = Step(c, v);
        }

        return c ^ 1;
    }

    private static ulong Step(ulong c, byte value)
    {
        var c0 = (byte)(c >> 35);
        c = ((c & 0x07ffffffff) << 5) ^ value;
        if ((c0 & 0x01) != 0) c ^= 0x98f2bc8e61;
        if ((c0 & 0x02) != 0) c ^= 0x79b76d99e2;
        if ((c0 & 0x04) != 0) c ^= 0xf33e5fb3c4;
        if ((c0 & 0x08) != 0) c ^= 0xae2eabe2a8;
        if ((c0 & 0x10) != 0) c ^= 0x1e4f43e470;
        return c;
    }
}

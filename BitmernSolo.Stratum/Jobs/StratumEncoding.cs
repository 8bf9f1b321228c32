using System.Globalization;
using BitmernSolo.Stratum.Crypto;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>How stratum V1 writes header fields in <c>mining.notify</c> (as cgminer, cpuminer and ESP-Miner read them).</summary>
public static class StratumEncoding
{
    /// <summary>
    /// The previous block hash in stratum order: the hash's internal bytes with each 4-byte word byte-swapped.
    /// Miners swap each word back before building the header; any other order mines on a block nobody has.
    /// </summary>
    public static string PreviousHashToStratumHex(Hash256 previousBlockHash)
    {
        Span<byte> bytes = stackalloc byte[32];
        previousBlockHash.WriteInternalBytes(bytes);
        for (var i = 0; i < 32; i += 4)
        {
            bytes.Slice(i, 4).Reverse();
        }

        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Inverse of <see cref="PreviousHashToStratumHex"/>.</summary>
    public static Hash256 PreviousHashFromStratumHex(string stratumHex)
    {
        var bytes = Convert.FromHexString(stratumHex);
        if (bytes.Length != 32)
        {
            throw new FormatException("A stratum prevhash is 64 hexadecimal digits.");
        }

        for (var i = 0; i < 32; i += 4)
        {
            Array.Reverse(bytes, i, 4);
        }

        return Hash256.FromInternalBytes(bytes);
    }

    /// <summary>A 32-bit header field (version, nbits, ntime, nonce) as 8 hex digits, most significant first.</summary>
    public static string UInt32ToBigEndianHex(uint value) => value.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Parses 8 hex digits, most significant first, as miners send ntime, nonce and version bits.</summary>
    public static bool TryParseBigEndianHexUInt32(ReadOnlySpan<char> hex, out uint value) =>
        uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && hex.Length == 8;
}

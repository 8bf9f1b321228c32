using System.Security.Cryptography;
using BitmernSolo.Stratum.Crypto;

namespace BitmernSolo.Stratum.Addresses;

/// <summary>Why a Base58Check string did not decode.</summary>
public enum Base58CheckError
{
    None,
    InvalidCharacter,
    TooShort,
    BadChecksum,
}

/// <summary>Base58 with a 4-byte checksum: the first four bytes of SHA-256d(payload), appended to the payload.</summary>
public static class Base58Check
{
    public const int ChecksumSize = 4;

    public static string Encode(ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[payload.Length + ChecksumSize];
        payload.CopyTo(buffer);
        Span<byte> hash = stackalloc byte[Sha256D.HashSize];
        Sha256D.Hash(payload, hash);
        hash[..ChecksumSize].CopyTo(buffer.AsSpan(payload.Length));
        return Base58.Encode(buffer);
    }

    /// <summary>Decodes and verifies; on success <paramref name="payload"/> excludes the checksum.</summary>
    public static Base58CheckError TryDecode(ReadOnlySpan<char> text, out byte[] payload)
    {
        payload = [];
        if (!Base58.TryDecode(text, out var raw))
        {
            return Base58CheckError.InvalidCharacter;
        }

        if (raw.Length < ChecksumSize + 1)
        {
            return Base58CheckError.TooShort;
        }

        var body = raw.AsSpan(0, raw.Length - ChecksumSize);
        Span<byte> hash = stackalloc byte[Sha256D.HashSize];
        Sha256D.Hash(body, hash);
        if (!CryptographicOperations.FixedTimeEquals(hash[..ChecksumSize], raw.AsSpan(body.Length)))
        {
            return Base58CheckError.BadChecksum;
        }

        payload = body.ToArray();
        return Base58CheckError.None;
    }
}

using System.Security.Cryptography;

namespace BitmernSolo.Stratum.Crypto;

/// <summary>Bitcoin's double SHA-256: SHA-256 applied twice. Output is in internal (little-endian, as hashed) byte order.</summary>
public static class Sha256D
{
    public const int HashSize = 32;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashSize)
        {
            throw new ArgumentException("Destination must hold 32 bytes.", nameof(destination));
        }

        Span<byte> first = stackalloc byte[HashSize];
        SHA256.HashData(data, first);
        SHA256.HashData(first, destination);
    }

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var result = new byte[HashSize];
        Hash(data, result);
        return result;
    }
}

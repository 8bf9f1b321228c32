using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace BitmernSolo.Stratum.Crypto;

/// <summary>Bitcoin's double SHA-256: SHA-256 applied twice. Output is in internal (little-endian, as hashed) byte order.</summary>
public static class Sha256D
{
    public const int HashSize = 32;

    /// <summary>
    /// Inputs up to this length (headers, Merkle pairs, coinbases: the whole share path) are hashed by our managed
    /// compression. A profile of the pool under submit load showed the platform one-shot (OpenSSL 3 through
    /// CryptoNative_EvpDigestOneShot) spending most of its time around the hash, not in it: ERR_clear_error, EVP_MD
    /// fetch/free and malloc/free per call were 40 % of the pool's CPU, SHA256 itself under 2 %. Longer inputs (blocks,
    /// transactions) go to the platform, whose SHA extensions win there.
    /// </summary>
    public const int ManagedMaxLength = 1024;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashSize)
        {
            throw new ArgumentException("Destination must hold 32 bytes.", nameof(destination));
        }

        if (data.Length <= ManagedMaxLength)
        {
            ManagedHash(data, destination);
            return;
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

    /// <summary>FIPS 180-4 padding and two passes of <see cref="Sha256Compression"/>; the input is read before the output is written (in place is fine).</summary>
    [SkipLocalsInit]
    private static void ManagedHash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<uint> state = stackalloc uint[Sha256Compression.StateWords];
        Span<uint> block = stackalloc uint[Sha256Compression.BlockWords];
        Sha256Compression.Initialize(state);
        var fullBlocks = data.Length / 64;
        for (var i = 0; i < fullBlocks; i++)
        {
            LoadBlock(data.Slice(i * 64, 64), block);
            Sha256Compression.Compress(state, block);
        }

        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        var rest = data[(fullBlocks * 64)..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 9 <= 64 ? 64 : 128;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], (ulong)data.Length * 8);
        for (var offset = 0; offset < tailLength; offset += 64)
        {
            LoadBlock(tail.Slice(offset, 64), block);
            Sha256Compression.Compress(state, block);
        }

        // The second SHA-256 hashes the 32-byte digest: one block, whose words are the first state's words as they are.
        state.CopyTo(block);
        block[8] = 0x8000_0000;
        block[9..15].Clear();
        block[15] = HashSize * 8;
        Sha256Compression.Initialize(state);
        Sha256Compression.Compress(state, block);
        for (var i = 0; i < Sha256Compression.StateWords; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(i * 4, 4), state[i]);
        }
    }

    private static void LoadBlock(ReadOnlySpan<byte> bytes, Span<uint> words)
    {
        for (var i = 0; i < Sha256Compression.BlockWords; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(i * 4, 4));
        }
    }
}

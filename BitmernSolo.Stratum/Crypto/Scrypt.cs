using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace BitmernSolo.Stratum.Crypto;

/// <summary>
/// scrypt (RFC 7914). Litecoin, Dogecoin and DigiByte-scrypt use it as proof of work with N = 1024, r = 1, p = 1,
/// dkLen = 32 and the 80-byte block header as both password and salt (Litecoin Core <c>crypto/scrypt.cpp</c>,
/// <c>scrypt_1024_1_1_256</c>); <see cref="HashBlockHeader(ReadOnlySpan{byte}, Span{byte})"/> is that shape, made fast.
/// </summary>
public static class Scrypt
{
    public const int BlockHeaderSize = 80;
    public const int HashSize = 32;

    // 128 KiB per thread that hashes, reused for every header it hashes.
    [ThreadStatic]
    private static Vector128<uint>[]? _vectorScratchpad;

    [ThreadStatic]
    private static Vector128<uint>[]? _pairScratchpad;

    [ThreadStatic]
    private static uint[]? _scalarScratchpad;

    /// <summary>
    /// The scrypt proof-of-work hash of an 80-byte block header, in internal byte order: compare it to the target as a
    /// little-endian number (<see cref="Targets.Target.IsMetBy"/>); explorers show it reversed.
    /// </summary>
    [SkipLocalsInit]
    public static void HashBlockHeader(ReadOnlySpan<byte> header80, Span<byte> destinationInternalOrder)
    {
        CheckHeaderArguments(header80, destinationInternalOrder);
        Span<uint> inner = stackalloc uint[Sha256Compression.StateWords];
        Span<uint> outer = stackalloc uint[Sha256Compression.StateWords];
        Span<uint> block = stackalloc uint[32];
        HeaderKeyedPbkdf2.DeriveInitialBlock(header80, inner, outer, block);
        if (Vector128.IsHardwareAccelerated)
        {
            ScryptRoMix.MixPow(block, _vectorScratchpad ??= new Vector128<uint>[ScryptRoMix.PowScratchpadVectors]);
        }
        else
        {
            MixPowScalar(block);
        }

        HeaderKeyedPbkdf2.DeriveFinalKey(inner, outer, block, destinationInternalOrder);
    }

    /// <summary>The scrypt proof-of-work hash of an 80-byte block header.</summary>
    public static Hash256 HashBlockHeader(ReadOnlySpan<byte> header80)
    {
        Span<byte> hash = stackalloc byte[HashSize];
        HashBlockHeader(header80, hash);
        return Hash256.FromInternalBytes(hash);
    }

    /// <summary>
    /// The scrypt proof-of-work hashes of consecutive 80-byte headers (<paramref name="headers"/> is 80·n bytes,
    /// <paramref name="destinationsInternalOrder"/> 32·n). Where 256-bit vectors are accelerated, two headers share one pass
    /// through ROMix, which nearly doubles throughput over hashing them one by one (a single hash is bound by the latency of
    /// its dependent steps, not by the width of the registers).
    /// </summary>
    [SkipLocalsInit]
    public static void HashBlockHeaders(ReadOnlySpan<byte> headers, Span<byte> destinationsInternalOrder)
    {
        if (headers.Length % BlockHeaderSize != 0)
        {
            throw new ArgumentException("Headers are a whole number of 80-byte headers.", nameof(headers));
        }

        var count = headers.Length / BlockHeaderSize;
        if (destinationsInternalOrder.Length < count * HashSize)
        {
            throw new ArgumentException("Destination must hold 32 bytes per header.", nameof(destinationsInternalOrder));
        }

        var index = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Span<uint> innerA = stackalloc uint[Sha256Compression.StateWords];
            Span<uint> outerA = stackalloc uint[Sha256Compression.StateWords];
            Span<uint> blockA = stackalloc uint[32];
            Span<uint> innerB = stackalloc uint[Sha256Compression.StateWords];
            Span<uint> outerB = stackalloc uint[Sha256Compression.StateWords];
            Span<uint> blockB = stackalloc uint[32];
            var scratchpad = _pairScratchpad ??= new Vector128<uint>[ScryptRoMixPair.ScratchpadVectors];
            for (; index + 1 < count; index += 2)
            {
                HeaderKeyedPbkdf2.DeriveInitialBlock(headers.Slice(index * BlockHeaderSize, BlockHeaderSize), innerA, outerA, blockA);
                HeaderKeyedPbkdf2.DeriveInitialBlock(headers.Slice((index + 1) * BlockHeaderSize, BlockHeaderSize), innerB, outerB, blockB);
                ScryptRoMixPair.Mix(blockA, blockB, scratchpad);
                HeaderKeyedPbkdf2.DeriveFinalKey(innerA, outerA, blockA, destinationsInternalOrder.Slice(index * HashSize, HashSize));
                HeaderKeyedPbkdf2.DeriveFinalKey(innerB, outerB, blockB, destinationsInternalOrder.Slice((index + 1) * HashSize, HashSize));
            }
        }

        for (; index < count; index++)
        {
            HashBlockHeader(headers.Slice(index * BlockHeaderSize, BlockHeaderSize), destinationsInternalOrder.Slice(index * HashSize, HashSize));
        }
    }

    /// <summary>The proof-of-work shape without SIMD: what runs where Vector128 is not hardware accelerated.</summary>
    [SkipLocalsInit]
    internal static void HashBlockHeaderScalar(ReadOnlySpan<byte> header80, Span<byte> destinationInternalOrder)
    {
        CheckHeaderArguments(header80, destinationInternalOrder);
        Span<uint> inner = stackalloc uint[Sha256Compression.StateWords];
        Span<uint> outer = stackalloc uint[Sha256Compression.StateWords];
        Span<uint> block = stackalloc uint[32];
        HeaderKeyedPbkdf2.DeriveInitialBlock(header80, inner, outer, block);
        MixPowScalar(block);
        HeaderKeyedPbkdf2.DeriveFinalKey(inner, outer, block, destinationInternalOrder);
    }

    /// <summary>
    /// General scrypt (RFC 7914 §6) for any parameters: N a power of two greater than 1, r ≥ 1, p ≥ 1. Allocates
    /// 128·r·N bytes per call; meant for key derivation and test vectors, not the share path.
    /// </summary>
    public static byte[] Hash(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int n, int r, int p, int derivedKeyLength)
    {
        if (n < 2 || (n & (n - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "N is a power of two greater than 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(r, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(derivedKeyLength, 1);
        var blockBytes = 128L * r;
        if (blockBytes * p > int.MaxValue || blockBytes * n > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "N, r and p need more memory than one array holds.");
        }

        // One iteration is what scrypt specifies; the PBKDF2 here mixes, it does not stretch.
        var b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, (int)blockBytes * p);
        var words = 32 * r;
        var block = new uint[words];
        var scratchpad = new uint[words * n];
        var temporary = new uint[words];
        for (var i = 0; i < p; i++)
        {
            var chunk = b.AsSpan(i * 4 * words, 4 * words);
            for (var k = 0; k < words; k++)
            {
                block[k] = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(4 * k)..]);
            }

            ScryptRoMix.Mix(block, n, r, scratchpad, temporary);
            for (var k = 0; k < words; k++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(chunk[(4 * k)..], block[k]);
            }
        }

        return Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, derivedKeyLength);
    }

    private static void MixPowScalar(Span<uint> block)
    {
        var scratchpad = _scalarScratchpad ??= new uint[32 * ScryptRoMix.PowN + 32];
        ScryptRoMix.Mix(block, ScryptRoMix.PowN, 1, scratchpad.AsSpan(0, 32 * ScryptRoMix.PowN), scratchpad.AsSpan(32 * ScryptRoMix.PowN));
    }

    private static void CheckHeaderArguments(ReadOnlySpan<byte> header80, Span<byte> destination)
    {
        if (header80.Length != BlockHeaderSize)
        {
            throw new ArgumentException("A block header is exactly 80 bytes.", nameof(header80));
        }

        if (destination.Length < HashSize)
        {
            throw new ArgumentException("Destination must hold 32 bytes.", nameof(destination));
        }
    }
}

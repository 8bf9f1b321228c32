using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace BitmernSolo.Stratum.Crypto;

/// <summary>
/// The two single-iteration PBKDF2-HMAC-SHA256 calls of scrypt's PoW shape (password = salt = the 80-byte header),
/// specialised: the header is hashed into the HMAC key once, the ipad and opad blocks are compressed once into midstates
/// that both calls reuse, and the salt's first 64 bytes are compressed once for all four output blocks of the first call.
/// That is 17 SHA-256 compressions per header instead of 30 for a generic HMAC.
/// </summary>
internal static class HeaderKeyedPbkdf2
{
    private const uint InnerPad = 0x36363636;
    private const uint OuterPad = 0x5c5c5c5c;
    private const uint PaddingWord = 0x80000000;

    /// <summary>
    /// PBKDF2(P = header, S = header, c = 1, dkLen = 128) as scrypt's block B (32 little-endian words), and the HMAC midstates
    /// for <see cref="DeriveFinalKey"/>.
    /// </summary>
    [SkipLocalsInit]
    public static void DeriveInitialBlock(ReadOnlySpan<byte> header80, Span<uint> innerState, Span<uint> outerState, Span<uint> block32)
    {
        Span<uint> headerWords = stackalloc uint[20];
        for (var i = 0; i < 20; i++)
        {
            headerWords[i] = BinaryPrimitives.ReadUInt32BigEndian(header80[(4 * i)..]);
        }

        // An HMAC key longer than SHA-256's 64-byte block is replaced by its hash (RFC 2104 §2).
        Span<uint> key = stackalloc uint[Sha256Compression.StateWords];
        Span<uint> message = stackalloc uint[Sha256Compression.BlockWords];
        Sha256Compression.Initialize(key);
        Sha256Compression.Compress(key, headerWords[..16]);
        message.Clear();
        headerWords[16..].CopyTo(message);
        message[4] = PaddingWord;
        message[15] = 80 * 8;
        Sha256Compression.Compress(key, message);

        for (var i = 0; i < 16; i++)
        {
            message[i] = (i < 8 ? key[i] : 0) ^ InnerPad;
        }

        Sha256Compression.Initialize(innerState);
        Sha256Compression.Compress(innerState, message);
        for (var i = 0; i < 16; i++)
        {
            message[i] = (i < 8 ? key[i] : 0) ^ OuterPad;
        }

        Sha256Compression.Initialize(outerState);
        Sha256Compression.Compress(outerState, message);

        Span<uint> afterSaltHead = stackalloc uint[Sha256Compression.StateWords];
        innerState.CopyTo(afterSaltHead);
        Sha256Compression.Compress(afterSaltHead, headerWords[..16]);

        Span<uint> state = stackalloc uint[Sha256Compression.StateWords];
        for (uint blockIndex = 1; blockIndex <= 4; blockIndex++)
        {
            // Inner: ipad ‖ header ‖ INT(i) = 148 bytes; its last block holds the header's last 16 bytes and INT(i).
            afterSaltHead.CopyTo(state);
            message.Clear();
            headerWords[16..].CopyTo(message);
            message[4] = blockIndex;
            message[5] = PaddingWord;
            message[15] = (64 + 80 + 4) * 8;
            Sha256Compression.Compress(state, message);

            FinishOuter(outerState, state, message);
            var output = block32.Slice((int)(blockIndex - 1) * 8, 8);
            for (var i = 0; i < 8; i++)
            {
                output[i] = BinaryPrimitives.ReverseEndianness(state[i]);
            }
        }
    }

    /// <summary>PBKDF2(P = header, S = B, c = 1, dkLen = 32): the PoW hash, written in internal byte order.</summary>
    [SkipLocalsInit]
    public static void DeriveFinalKey(ReadOnlySpan<uint> innerState, ReadOnlySpan<uint> outerState, ReadOnlySpan<uint> block32, Span<byte> destination)
    {
        Span<uint> state = stackalloc uint[Sha256Compression.StateWords];
        Span<uint> message = stackalloc uint[Sha256Compression.BlockWords];
        innerState.CopyTo(state);
        for (var half = 0; half < 2; half++)
        {
            for (var i = 0; i < 16; i++)
            {
                message[i] = BinaryPrimitives.ReverseEndianness(block32[(16 * half) + i]);
            }

            Sha256Compression.Compress(state, message);
        }

        message.Clear();
        message[0] = 1;
        message[1] = PaddingWord;
        message[15] = (64 + 128 + 4) * 8;
        Sha256Compression.Compress(state, message);

        FinishOuter(outerState, state, message);
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], state[i]);
        }
    }

    /// <summary>Replaces <paramref name="state"/> (an inner digest) with SHA-256(opad ‖ inner digest), from the outer midstate.</summary>
    private static void FinishOuter(ReadOnlySpan<uint> outerState, Span<uint> state, Span<uint> message)
    {
        message.Clear();
        state.CopyTo(message);
        message[8] = PaddingWord;
        message[15] = (64 + 32) * 8;
        outerState.CopyTo(state);
        Sha256Compression.Compress(state, message);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BitmernSolo.Stratum.Crypto;

/// <summary>scrypt's ROMix and BlockMix (RFC 7914 §4–5): a general scalar form and a SIMD form for the PoW shape (N = 1024, r = 1).</summary>
internal static class ScryptRoMix
{
    public const int PowN = 1024;

    /// <summary>Vectors of scratchpad the PoW shape needs: N × 128 bytes.</summary>
    public const int PowScratchpadVectors = PowN * 8;

    /// <summary>
    /// ROMix for any N (a power of two) and r over <paramref name="block"/> (32·r little-endian words), in place;
    /// <paramref name="scratchpad"/> holds at least 32·r·N words and <paramref name="temporary"/> 32·r.
    /// </summary>
    public static void Mix(Span<uint> block, int n, int r, Span<uint> scratchpad, Span<uint> temporary)
    {
        var words = 32 * r;
        for (var i = 0; i < n; i++)
        {
            block.CopyTo(scratchpad.Slice(i * words, words));
            BlockMix(block, r, temporary);
        }

        for (var i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte sub-block, mod N (N ≤ 2^31 here, so 32 bits suffice).
            var j = (int)(block[words - 16] & (uint)(n - 1));
            var source = scratchpad.Slice(j * words, words);
            for (var k = 0; k < words; k++)
            {
                block[k] ^= source[k];
            }

            BlockMix(block, r, temporary);
        }
    }

    [SkipLocalsInit]
    private static void BlockMix(Span<uint> block, int r, Span<uint> output)
    {
        Span<uint> x = stackalloc uint[16];
        block.Slice((2 * r - 1) * 16, 16).CopyTo(x);
        for (var i = 0; i < 2 * r; i++)
        {
            var input = block.Slice(i * 16, 16);
            for (var k = 0; k < 16; k++)
            {
                x[k] ^= input[k];
            }

            Salsa208.Apply(x);

            // Even sub-blocks go to the first half, odd ones to the second (B' = Y0, Y2, …, Y1, Y3, …).
            x.CopyTo(output.Slice(((i / 2) + ((i % 2) * r)) * 16, 16));
        }

        output[..(32 * r)].CopyTo(block);
    }

    /// <summary>
    /// ROMix for N = 1024, r = 1 with Vector128 Salsa20/8. The 128-byte state lives in eight registers in the diagonal
    /// layout of <see cref="Salsa208"/>, and the scratchpad stores that layout, so nothing is reshuffled inside the loops.
    /// </summary>
    public static void MixPow(Span<uint> block32, Vector128<uint>[] scratchpad)
    {
        if (scratchpad.Length < PowScratchpadVectors)
        {
            throw new ArgumentException("The scratchpad holds 1024 × 128 bytes.", nameof(scratchpad));
        }

        var x0 = Vector128.Create(block32[0], block32[5], block32[10], block32[15]);
        var x1 = Vector128.Create(block32[4], block32[9], block32[14], block32[3]);
        var x2 = Vector128.Create(block32[8], block32[13], block32[2], block32[7]);
        var x3 = Vector128.Create(block32[12], block32[1], block32[6], block32[11]);
        var x4 = Vector128.Create(block32[16], block32[21], block32[26], block32[31]);
        var x5 = Vector128.Create(block32[20], block32[25], block32[30], block32[19]);
        var x6 = Vector128.Create(block32[24], block32[29], block32[18], block32[23]);
        var x7 = Vector128.Create(block32[28], block32[17], block32[22], block32[27]);

        ref var v = ref MemoryMarshal.GetArrayDataReference(scratchpad);
        for (var i = 0; i < PowN; i++)
        {
            ref var slot = ref Unsafe.Add(ref v, i * 8);
            slot = x0;
            Unsafe.Add(ref slot, 1) = x1;
            Unsafe.Add(ref slot, 2) = x2;
            Unsafe.Add(ref slot, 3) = x3;
            Unsafe.Add(ref slot, 4) = x4;
            Unsafe.Add(ref slot, 5) = x5;
            Unsafe.Add(ref slot, 6) = x6;
            Unsafe.Add(ref slot, 7) = x7;
            BlockMixPow(ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7);
        }

        for (var i = 0; i < PowN; i++)
        {
            // Integerify: word 16 of B is lane 0 of x4 in the diagonal layout.
            var j = (int)(x4.ToScalar() & (PowN - 1));
            ref var slot = ref Unsafe.Add(ref v, j * 8);
            x0 ^= slot;
            x1 ^= Unsafe.Add(ref slot, 1);
            x2 ^= Unsafe.Add(ref slot, 2);
            x3 ^= Unsafe.Add(ref slot, 3);
            x4 ^= Unsafe.Add(ref slot, 4);
            x5 ^= Unsafe.Add(ref slot, 5);
            x6 ^= Unsafe.Add(ref slot, 6);
            x7 ^= Unsafe.Add(ref slot, 7);
            BlockMixPow(ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7);
        }

        Store(block32, x0, x1, x2, x3);
        Store(block32[16..], x4, x5, x6, x7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockMixPow(
        ref Vector128<uint> x0, ref Vector128<uint> x1, ref Vector128<uint> x2, ref Vector128<uint> x3,
        ref Vector128<uint> x4, ref Vector128<uint> x5, ref Vector128<uint> x6, ref Vector128<uint> x7)
    {
        // r = 1: Y0 = Salsa(B1 ⊕ B0), Y1 = Salsa(Y0 ⊕ B1); B' = Y0 ‖ Y1.
        x0 ^= x4;
        x1 ^= x5;
        x2 ^= x6;
        x3 ^= x7;
        Salsa208.Apply(ref x0, ref x1, ref x2, ref x3);
        x4 ^= x0;
        x5 ^= x1;
        x6 ^= x2;
        x7 ^= x3;
        Salsa208.Apply(ref x4, ref x5, ref x6, ref x7);
    }

    private static void Store(Span<uint> words16, Vector128<uint> a, Vector128<uint> b, Vector128<uint> c, Vector128<uint> d)
    {
        (words16[0], words16[5], words16[10], words16[15]) = (a[0], a[1], a[2], a[3]);
        (words16[4], words16[9], words16[14], words16[3]) = (b[0], b[1], b[2], b[3]);
        (words16[8], words16[13], words16[2], words16[7]) = (c[0], c[1], c[2], c[3]);
        (words16[12], words16[1], words16[6], words16[11]) = (d[0], d[1], d[2], d[3]);
    }
}

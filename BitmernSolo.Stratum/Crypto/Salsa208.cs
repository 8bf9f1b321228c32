using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BitmernSolo.Stratum.Crypto;

/// <summary>
/// The Salsa20/8 core (RFC 7914 §3) used by scrypt's BlockMix, with the feed-forward addition of the input.
/// </summary>
internal static class Salsa208
{
    /// <summary>Scalar form over 16 words in the standard order: <c>block = block + 8 rounds(block)</c>.</summary>
    public static void Apply(Span<uint> block)
    {
        uint x0 = block[0], x1 = block[1], x2 = block[2], x3 = block[3], x4 = block[4], x5 = block[5], x6 = block[6],
            x7 = block[7], x8 = block[8], x9 = block[9], x10 = block[10], x11 = block[11], x12 = block[12],
            x13 = block[13], x14 = block[14], x15 = block[15];
        for (var i = 0; i < 8; i += 2)
        {
            // Column round.
            x4 ^= BitOperations.RotateLeft(x0 + x12, 7);
            x8 ^= BitOperations.RotateLeft(x4 + x0, 9);
            x12 ^= BitOperations.RotateLeft(x8 + x4, 13);
            x0 ^= BitOperations.RotateLeft(x12 + x8, 18);
            x9 ^= BitOperations.RotateLeft(x5 + x1, 7);
            x13 ^= BitOperations.RotateLeft(x9 + x5, 9);
            x1 ^= BitOperations.RotateLeft(x13 + x9, 13);
            x5 ^= BitOperations.RotateLeft(x1 + x13, 18);
            x14 ^= BitOperations.RotateLeft(x10 + x6, 7);
            x2 ^= BitOperations.RotateLeft(x14 + x10, 9);
            x6 ^= BitOperations.RotateLeft(x2 + x14, 13);
            x10 ^= BitOperations.RotateLeft(x6 + x2, 18);
            x3 ^= BitOperations.RotateLeft(x15 + x11, 7);
            x7 ^= BitOperations.RotateLeft(x3 + x15, 9);
            x11 ^= BitOperations.RotateLeft(x7 + x3, 13);
            x15 ^= BitOperations.RotateLeft(x11 + x7, 18);

            // Row round.
            x1 ^= BitOperations.RotateLeft(x0 + x3, 7);
            x2 ^= BitOperations.RotateLeft(x1 + x0, 9);
            x3 ^= BitOperations.RotateLeft(x2 + x1, 13);
            x0 ^= BitOperations.RotateLeft(x3 + x2, 18);
            x6 ^= BitOperations.RotateLeft(x5 + x4, 7);
            x7 ^= BitOperations.RotateLeft(x6 + x5, 9);
            x4 ^= BitOperations.RotateLeft(x7 + x6, 13);
            x5 ^= BitOperations.RotateLeft(x4 + x7, 18);
            x11 ^= BitOperations.RotateLeft(x10 + x9, 7);
            x8 ^= BitOperations.RotateLeft(x11 + x10, 9);
            x9 ^= BitOperations.RotateLeft(x8 + x11, 13);
            x10 ^= BitOperations.RotateLeft(x9 + x8, 18);
            x12 ^= BitOperations.RotateLeft(x15 + x14, 7);
            x13 ^= BitOperations.RotateLeft(x12 + x15, 9);
            x14 ^= BitOperations.RotateLeft(x13 + x12, 13);
            x15 ^= BitOperations.RotateLeft(x14 + x13, 18);
        }

        block[0] += x0;
        block[1] += x1;
        block[2] += x2;
        block[3] += x3;
        block[4] += x4;
        block[5] += x5;
        block[6] += x6;
        block[7] += x7;
        block[8] += x8;
        block[9] += x9;
        block[10] += x10;
        block[11] += x11;
        block[12] += x12;
        block[13] += x13;
        block[14] += x14;
        block[15] += x15;
    }

    /// <summary>
    /// SIMD form over the diagonal layout <c>a = (x0,x5,x10,x15)</c>, <c>b = (x4,x9,x14,x3)</c>, <c>c = (x8,x13,x2,x7)</c>,
    /// <c>d = (x12,x1,x6,x11)</c>: in it the four quarter-rounds of a column round are one vector quarter-round, and a lane
    /// rotation of b, c, d lines up the row round the same way (the layout of Percival's scrypt-sse).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref Vector128<uint> a, ref Vector128<uint> b, ref Vector128<uint> c, ref Vector128<uint> d)
    {
        Vector128<uint> xa = a, xb = b, xc = c, xd = d;
        for (var i = 0; i < 4; i++)
        {
            xb ^= RotateLeft(xa + xd, 7);
            xc ^= RotateLeft(xb + xa, 9);
            xd ^= RotateLeft(xc + xb, 13);
            xa ^= RotateLeft(xd + xc, 18);

            // Row round: (x1,x6,x11,x12), (x2,x7,x8,x13), (x3,x4,x9,x14) are d, c, b rotated by 1, 2, 3 lanes.
            var rb = Vector128.Shuffle(xd, Vector128.Create(1u, 2, 3, 0));
            var rc = Vector128.Shuffle(xc, Vector128.Create(2u, 3, 0, 1));
            var rd = Vector128.Shuffle(xb, Vector128.Create(3u, 0, 1, 2));
            rb ^= RotateLeft(xa + rd, 7);
            rc ^= RotateLeft(rb + xa, 9);
            rd ^= RotateLeft(rc + rb, 13);
            xa ^= RotateLeft(rd + rc, 18);
            xd = Vector128.Shuffle(rb, Vector128.Create(3u, 0, 1, 2));
            xc = Vector128.Shuffle(rc, Vector128.Create(2u, 3, 0, 1));
            xb = Vector128.Shuffle(rd, Vector128.Create(1u, 2, 3, 0));
        }

        a += xa;
        b += xb;
        c += xc;
        d += xd;
    }

    /// <summary>
    /// Two independent Salsa20/8 cores at once, one per 128-bit half, in the same diagonal layout: a single
    /// core is a chain of dependent steps, so a second one in the other half of the register costs almost nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref Vector256<uint> a, ref Vector256<uint> b, ref Vector256<uint> c, ref Vector256<uint> d)
    {
        Vector256<uint> xa = a, xb = b, xc = c, xd = d;
        for (var i = 0; i < 4; i++)
        {
            xb ^= RotateLeft(xa + xd, 7);
            xc ^= RotateLeft(xb + xa, 9);
            xd ^= RotateLeft(xc + xb, 13);
            xa ^= RotateLeft(xd + xc, 18);

            var rb = Vector256.Shuffle(xd, Vector256.Create(1u, 2, 3, 0, 5, 6, 7, 4));
            var rc = Vector256.Shuffle(xc, Vector256.Create(2u, 3, 0, 1, 6, 7, 4, 5));
            var rd = Vector256.Shuffle(xb, Vector256.Create(3u, 0, 1, 2, 7, 4, 5, 6));
            rb ^= RotateLeft(xa + rd, 7);
            rc ^= RotateLeft(rb + xa, 9);
            rd ^= RotateLeft(rc + rb, 13);
            xa ^= RotateLeft(rd + rc, 18);
            xd = Vector256.Shuffle(rb, Vector256.Create(3u, 0, 1, 2, 7, 4, 5, 6));
            xc = Vector256.Shuffle(rc, Vector256.Create(2u, 3, 0, 1, 6, 7, 4, 5));
            xb = Vector256.Shuffle(rd, Vector256.Create(1u, 2, 3, 0, 5, 6, 7, 4));
        }

        a += xa;
        b += xb;
        c += xc;
        d += xd;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> RotateLeft(Vector256<uint> value, [ConstantExpected] byte count) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateLeft(value, count)
            : Vector256.ShiftLeft(value, count) | Vector256.ShiftRightLogical(value, 32 - count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> RotateLeft(Vector128<uint> value, [ConstantExpected] byte count) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateLeft(value, count)
            : Vector128.ShiftLeft(value, count) | Vector128.ShiftRightLogical(value, 32 - count);
}

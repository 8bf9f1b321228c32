using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BitmernSolo.Stratum.Crypto;

/// <summary>
/// ROMix for two headers at once (N = 1024, r = 1) with Vector256: each register holds one row of each hash's state
/// (hash A in the low half, hash B in the high half). Each hash keeps its own scratchpad region because Integerify picks
/// a different V[j] for each.
/// </summary>
internal static class ScryptRoMixPair
{
    /// <summary>Vectors of scratchpad two hashes need: 2 × 1024 × 128 bytes.</summary>
    public const int ScratchpadVectors = 2 * ScryptRoMix.PowScratchpadVectors;

    public static void Mix(Span<uint> blockA, Span<uint> blockB, Vector128<uint>[] scratchpad)
    {
        if (scratchpad.Length < ScratchpadVectors)
        {
            throw new ArgumentException("The scratchpad holds 2 × 1024 × 128 bytes.", nameof(scratchpad));
        }

        var x0 = Row(blockA, blockB, 0, 5, 10, 15);
        var x1 = Row(blockA, blockB, 4, 9, 14, 3);
        var x2 = Row(blockA, blockB, 8, 13, 2, 7);
        var x3 = Row(blockA, blockB, 12, 1, 6, 11);
        var x4 = Row(blockA, blockB, 16, 21, 26, 31);
        var x5 = Row(blockA, blockB, 20, 25, 30, 19);
        var x6 = Row(blockA, blockB, 24, 29, 18, 23);
        var x7 = Row(blockA, blockB, 28, 17, 22, 27);

        ref var va = ref MemoryMarshal.GetArrayDataReference(scratchpad);
        ref var vb = ref Unsafe.Add(ref va, ScryptRoMix.PowScratchpadVectors);
        for (var i = 0; i < ScryptRoMix.PowN; i++)
        {
            ref var slotA = ref Unsafe.Add(ref va, i * 8);
            ref var slotB = ref Unsafe.Add(ref vb, i * 8);
            Store(ref slotA, ref slotB, 0, x0);
            Store(ref slotA, ref slotB, 1, x1);
            Store(ref slotA, ref slotB, 2, x2);
            Store(ref slotA, ref slotB, 3, x3);
            Store(ref slotA, ref slotB, 4, x4);
            Store(ref slotA, ref slotB, 5, x5);
            Store(ref slotA, ref slotB, 6, x6);
            Store(ref slotA, ref slotB, 7, x7);
            BlockMix(ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7);
        }

        for (var i = 0; i < ScryptRoMix.PowN; i++)
        {
            // Integerify for each hash: word 16 of its B is lane 0 of its half of x4.
            ref var slotA = ref Unsafe.Add(ref va, (int)(x4.GetElement(0) & (ScryptRoMix.PowN - 1)) * 8);
            ref var slotB = ref Unsafe.Add(ref vb, (int)(x4.GetElement(4) & (ScryptRoMix.PowN - 1)) * 8);
            x0 ^= Load(ref slotA, ref slotB, 0);
            x1 ^= Load(ref slotA, ref slotB, 1);
            x2 ^= Load(ref slotA, ref slotB, 2);
            x3 ^= Load(ref slotA, ref slotB, 3);
            x4 ^= Load(ref slotA, ref slotB, 4);
            x5 ^= Load(ref slotA, ref slotB, 5);
            x6 ^= Load(ref slotA, ref slotB, 6);
            x7 ^= Load(ref slotA, ref slotB, 7);
            BlockMix(ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7);
        }

        Unpack(blockA, blockB, 0, x0, x1, x2, x3);
        Unpack(blockA, blockB, 16, x4, x5, x6, x7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockMix(
        ref Vector256<uint> x0, ref Vector256<uint> x1, ref Vector256<uint> x2, ref Vector256<uint> x3,
        ref Vector256<uint> x4, ref Vector256<uint> x5, ref Vector256<uint> x6, ref Vector256<uint> x7)
    {
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref Vector128<uint> slotA, ref Vector128<uint> slotB, int row, Vector256<uint> value)
    {
        Unsafe.Add(ref slotA, row) = value.GetLower();
        Unsafe.Add(ref slotB, row) = value.GetUpper();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Load(ref Vector128<uint> slotA, ref Vector128<uint> slotB, int row) =>
        Vector256.Create(Unsafe.Add(ref slotA, row), Unsafe.Add(ref slotB, row));

    private static Vector256<uint> Row(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, int w0, int w1, int w2, int w3) =>
        Vector256.Create(a[w0], a[w1], a[w2], a[w3], b[w0], b[w1], b[w2], b[w3]);

    private static void Unpack(Span<uint> a, Span<uint> b, int offset, Vector256<uint> r0, Vector256<uint> r1, Vector256<uint> r2, Vector256<uint> r3)
    {
        ReadOnlySpan<int> layout = [0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11];
        Span<Vector256<uint>> rows = [r0, r1, r2, r3];
        for (var i = 0; i < 16; i++)
        {
            var row = rows[i / 4];
            a[offset + layout[i]] = row.GetElement(i % 4);
            b[offset + layout[i]] = row.GetElement(4 + (i % 4));
        }
    }
}

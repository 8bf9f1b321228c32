using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace BitmernSolo.Stratum.Targets;

/// <summary>
/// A 256-bit proof-of-work target: a hash meets it when the hash, read as a little-endian 256-bit number,
/// is less than or equal to it (Bitcoin Core <c>CheckProofOfWork</c>).
/// Difficulty 1 is <c>0x00000000FFFF0000…</c> (compact 0x1d00ffff) for every coin here; scrypt coins' stratum
/// difficulty is scaled by a share multiplier (65536), as cpuminer and cgminer do.
/// </summary>
public readonly struct Target : IEquatable<Target>, IComparable<Target>
{
    // Static initializers run in textual order: MaxValue must exist before DifficultyOne is decoded through FromBigInteger.
    private static readonly BigInteger MaxValue = (BigInteger.One << 256) - 1;
    private static readonly double DifficultyOneAsDouble = 65535.0 * Math.Pow(2, 208);

    /// <summary>Compact 0x1d00ffff: the target of difficulty 1.</summary>
    public static readonly Target DifficultyOne = FromCompact(0x1d00ffff);

    // Little-endian limbs: _l0 is the least significant 64 bits.
    private readonly ulong _l0, _l1, _l2, _l3;

    private Target(ulong l0, ulong l1, ulong l2, ulong l3) => (_l0, _l1, _l2, _l3) = (l0, l1, l2, l3);

    public static Target FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0 || value > MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A target is between 0 and 2^256 - 1.");
        }

        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return FromLittleEndianBytes(bytes);
    }

    /// <summary>Reads a target (or a hash as a number) from 32 little-endian bytes: a hash in internal order.</summary>
    public static Target FromLittleEndianBytes(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));

    /// <summary>Decodes nBits (Bitcoin Core <c>arith_uint256::SetCompact</c>); negative or overflowing values are refused.</summary>
    public static Target FromCompact(uint bits)
    {
        var exponent = (int)(bits >> 24);
        var mantissa = bits & 0x007fffffu;

        // As in Core, a small exponent shifts the mantissa first; the sign and overflow checks look at what is left
        // (0x00923456 and 0x01803456 are zero, not negative).
        if (exponent <= 3)
        {
            mantissa >>= 8 * (3 - exponent);
        }

        if ((bits & 0x00800000u) != 0 && mantissa != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), "Compact target is negative.");
        }

        if (mantissa != 0 && (exponent > 34 || (mantissa > 0xff && exponent > 33) || (mantissa > 0xffff && exponent > 32)))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), "Compact target overflows 256 bits.");
        }

        var value = exponent <= 3 ? new BigInteger(mantissa) : new BigInteger(mantissa) << (8 * (exponent - 3));
        return FromBigInteger(value);
    }

    /// <summary>Parses nBits as the 8 hex digits of getblocktemplate's <c>bits</c> field.</summary>
    public static Target FromCompactHex(string bitsHex) =>
        FromCompact(uint.Parse(bitsHex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));

    /// <summary>Encodes as nBits (Bitcoin Core <c>arith_uint256::GetCompact</c>); precision beyond 3 bytes is dropped.</summary>
    public uint ToCompact()
    {
        var value = ToBigInteger();
        var size = value.IsZero ? 0 : (int)((value.GetBitLength() + 7) / 8);
        uint mantissa = size <= 3
            ? (uint)(value << (8 * (3 - size)))
            : (uint)(value >> (8 * (size - 3)));
        if ((mantissa & 0x00800000u) != 0)
        {
            mantissa >>= 8;
            size++;
        }

        return mantissa | ((uint)size << 24);
    }

    /// <summary>
    /// The share target for a stratum difficulty: DifficultyOne × multiplier / difficulty, exact for any
    /// positive finite difficulty (fractional ones included: regtest needs about 3e-5 with scrypt's multiplier).
    /// </summary>
    public static Target FromDifficulty(double difficulty, double multiplier = 1)
    {
        if (!double.IsFinite(difficulty) || difficulty <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(difficulty), "Difficulty must be a positive finite number.");
        }

        if (!double.IsFinite(multiplier) || multiplier <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), "Multiplier must be a positive finite number.");
        }

        // target = diff1 * multiplier / difficulty with both doubles decomposed exactly as m * 2^e.
        var (numMantissa, numExponent) = Decompose(multiplier);
        var (denMantissa, denExponent) = Decompose(difficulty);
        var numerator = DifficultyOne.ToBigInteger() * numMantissa;
        var shift = numExponent - denExponent;
        BigInteger value = shift >= 0
            ? (numerator << shift) / denMantissa
            : numerator / (denMantissa << -shift);
        return FromBigInteger(BigInteger.Min(value, MaxValue));
    }

    /// <summary>The difficulty this target stands for (DifficultyOne / target × multiplier).</summary>
    public double ToDifficulty(double multiplier = 1)
    {
        var value = ToDouble();
        return value == 0 ? double.PositiveInfinity : DifficultyOneAsDouble / value * multiplier;
    }

    /// <summary>The difficulty a hash (internal order) achieved: what a share at exactly that difficulty would need.</summary>
    public static double DifficultyOfHash(ReadOnlySpan<byte> hashInternalOrder, double multiplier = 1) =>
        FromLittleEndianBytes(hashInternalOrder).ToDifficulty(multiplier);

    /// <summary>True when <paramref name="hashInternalOrder"/>, as a little-endian number, is at or below this target.</summary>
    public bool IsMetBy(ReadOnlySpan<byte> hashInternalOrder) => FromLittleEndianBytes(hashInternalOrder).CompareTo(this) <= 0;

    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteLittleEndianBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    public void WriteLittleEndianBytes(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _l0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _l1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _l2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _l3);
    }

    /// <summary>64 hex digits, most significant first (the form RPC's <c>target</c> field uses).</summary>
    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteLittleEndianBytes(bytes);
        bytes.Reverse();
        return Convert.ToHexStringLower(bytes);
    }

    public static Target FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 64)
        {
            throw new FormatException("A target is 64 hexadecimal digits.");
        }

        var bytes = Convert.FromHexString(hex);
        Array.Reverse(bytes);
        return FromLittleEndianBytes(bytes);
    }

    public override string ToString() => ToHex();

    public int CompareTo(Target other)
    {
        if (_l3 != other._l3)
        {
            return _l3.CompareTo(other._l3);
        }

        if (_l2 != other._l2)
        {
            return _l2.CompareTo(other._l2);
        }

        return _l1 != other._l1 ? _l1.CompareTo(other._l1) : _l0.CompareTo(other._l0);
    }

    public bool Equals(Target other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Target other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_l0, _l1, _l2, _l3);

    public static bool operator ==(Target left, Target right) => left.Equals(right);

    public static bool operator !=(Target left, Target right) => !left.Equals(right);

    public static bool operator <(Target left, Target right) => left.CompareTo(right) < 0;

    public static bool operator >(Target left, Target right) => left.CompareTo(right) > 0;

    public static bool operator <=(Target left, Target right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Target left, Target right) => left.CompareTo(right) >= 0;

    private double ToDouble() =>
        _l3 * Math.Pow(2, 192) + _l2 * Math.Pow(2, 128) + _l1 * Math.Pow(2, 64) + (double)_l0;

    private static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7ff);
        var mantissa = bits & 0xfffffffffffffL;
        if (exponent == 0)
        {
            exponent = 1; // subnormal
        }
        else
        {
            mantissa |= 1L << 52;
        }

        return (mantissa, exponent - 1075);
    }
}

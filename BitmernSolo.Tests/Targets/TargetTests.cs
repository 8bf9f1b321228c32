using System.Globalization;
using System.Numerics;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Tests.TestVectors;

namespace BitmernSolo.Tests.Targets;

public class TargetTests
{
    public sealed record CompactVector(string CompactHex, string? TargetHex, string? CompactAgainHex, string? Rejected);

    private const double ScryptShareMultiplier = 65536;

    public static TheoryData<string, string?, string?, string?> CompactVectors()
    {
        var data = new TheoryData<string, string?, string?, string?>();
        foreach (var file in new[] { "compact-bitcoin-core.json", "compact-network-targets.json" })
        {
            foreach (var v in TestVectorFile.Read<CompactVector[]>(file))
            {
                data.Add(v.CompactHex, v.TargetHex, v.CompactAgainHex, v.Rejected);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CompactVectors))]
    public void CompactDecodesAndReencodesAsBitcoinCoreDoes(string compactHex, string? targetHex, string? compactAgainHex, string? rejected)
    {
        var bits = uint.Parse(compactHex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (rejected is not null)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Target.FromCompact(bits));
            Assert.Contains(rejected, error.Message, StringComparison.OrdinalIgnoreCase);
            return;
        }

        var target = Target.FromCompact(bits);
        Assert.Equal(targetHex, target.ToHex());
        Assert.Equal(compactAgainHex, target.ToCompact().ToString("x8", CultureInfo.InvariantCulture));
        Assert.Equal(target, Target.FromCompactHex(compactHex));
    }

    [Fact]
    public void EncodingNeverSetsTheSignBit()
    {
        // Bitcoin Core arith_uint256_tests: "Make sure that we don't generate compacts with the 0x00800000 bit set".
        Assert.Equal(0x02008000u, Target.FromBigInteger(0x80).ToCompact());
    }

    [Fact]
    public void DifficultyOneIsFfffShiftedBy208Bits()
    {
        Assert.Equal("00000000ffff" + new string('0', 52), Target.DifficultyOne.ToHex());
        Assert.Equal(new BigInteger(0xffff) << 208, Target.DifficultyOne.ToBigInteger());
        Assert.Equal(Target.DifficultyOne, Target.FromDifficulty(1));
        Assert.Equal(1.0, Target.DifficultyOne.ToDifficulty());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    [InlineData(1024.0)]
    [InlineData(0.125)]
    public void PowerOfTwoDifficultiesGiveExactTargets(double difficulty)
    {
        // diff1 / 2^k is exact in integers: the division must not lose or add a unit.
        var expected = difficulty >= 1
            ? (new BigInteger(0xffff) << 208) / new BigInteger(difficulty)
            : (new BigInteger(0xffff) << 208) * new BigInteger(1 / difficulty);
        Assert.Equal(expected, Target.FromDifficulty(difficulty).ToBigInteger());
    }

    [Fact]
    public void ScryptShareMultiplierScalesDifficultyOneBy65536()
    {
        // cpuminer/cgminer convention for scrypt stratum: share difficulty 1 = target 0x0000ffff0000…
        var target = Target.FromDifficulty(1, ScryptShareMultiplier);
        Assert.Equal("0000ffff" + new string('0', 56), target.ToHex());
        Assert.Equal(1.0, target.ToDifficulty(ScryptShareMultiplier));
    }

    [Theory]
    [InlineData(3e-5, 1)]
    [InlineData(3e-5, ScryptShareMultiplier)]
    [InlineData(0.001, ScryptShareMultiplier)]
    [InlineData(0.25, 1)]
    public void FractionalDifficultyGivesATargetAboveDifficultyOne(double difficulty, double multiplier)
    {
        var target = Target.FromDifficulty(difficulty, multiplier);
        Assert.True(target > Target.DifficultyOne);
        Assert.Equal(difficulty, target.ToDifficulty(multiplier), difficulty * 1e-9);
    }

    [Fact]
    public void DifficultyBeyondTheTargetRangeSaturatesAtTheLargestTarget()
    {
        var target = Target.FromDifficulty(1e-30, ScryptShareMultiplier);
        Assert.Equal(new string('f', 64), target.ToHex());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonPositiveOrNonFiniteDifficultiesAreRefused(double difficulty)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Target.FromDifficulty(difficulty));
    }

    [Theory]
    [InlineData("1d00ffff")]
    [InlineData("1b0404cb")]
    [InlineData("207fffff")]
    [InlineData("1a01a4a0")]
    public void AHashEqualToTheTargetMeetsItAndOneMoreDoesNot(string compactHex)
    {
        var target = Target.FromCompactHex(compactHex);
        var value = target.ToBigInteger();

        Assert.True(target.IsMetBy(LittleEndian(value)));
        Assert.True(target.IsMetBy(LittleEndian(value - 1)));
        Assert.False(target.IsMetBy(LittleEndian(value + 1)));
    }

    [Fact]
    public void HashesAreComparedAsLittleEndianNumbers()
    {
        // A hash whose only set byte is the last internal byte is the largest kind of number, whatever the first bytes say.
        var high = new byte[32];
        high[31] = 1;
        var low = new byte[32];
        Array.Fill(low, (byte)0xff, 0, 31);
        var target = Target.FromBigInteger(BigInteger.One << 248);
        Assert.True(target.IsMetBy(high));
        Assert.True(target.IsMetBy(low));
        high[0] = 1;
        Assert.False(target.IsMetBy(high));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(14484.1623612254)]
    [InlineData(3e-5)]
    public void DifficultyOfAHashAtATargetIsThatTargetsDifficulty(double difficulty)
    {
        var target = Target.FromDifficulty(difficulty);
        Assert.Equal(difficulty, Target.DifficultyOfHash(LittleEndian(target.ToBigInteger())), difficulty * 1e-9);
    }

    [Fact]
    public void HexRoundTripsMostSignificantDigitFirst()
    {
        var hex = "00000000000404cb" + new string('0', 47) + "1";
        var target = Target.FromHex(hex);
        Assert.Equal(hex, target.ToHex());
        Assert.Equal(hex, target.ToString());
        Assert.Throws<FormatException>(() => Target.FromHex("00"));
    }

    [Fact]
    public void OrderingFollowsTheNumbers()
    {
        var small = Target.FromCompact(0x1b0404cb);
        var large = Target.FromCompact(0x1d00ffff);
        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= Target.FromCompact(0x1b0404cb));
        Assert.True(small != large);
        Assert.Equal(-1, small.CompareTo(large));
    }

    private static byte[] LittleEndian(BigInteger value)
    {
        var bytes = new byte[32];
        Assert.True(value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false));
        return bytes;
    }
}

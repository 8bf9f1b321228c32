using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Tests.TestVectors;

namespace BitmernSolo.Tests.Crypto;

public class Hash256Tests
{
    public static TheoryData<string> BlockHashes()
    {
        var data = new TheoryData<string>();
        foreach (var row in MainnetBlock.FileNames())
        {
            data.Add(MainnetBlock.Read(row.Data).BlockHashDisplayHex);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BlockHashes))]
    public void DisplayHexRoundTrips(string displayHex)
    {
        var hash = Hash256.FromDisplayHex(displayHex);
        Assert.Equal(displayHex, hash.ToDisplayHex());
        Assert.Equal(displayHex, hash.ToString());
        Assert.True(Hash256.TryFromDisplayHex(displayHex.ToUpperInvariant(), out var upper));
        Assert.Equal(hash, upper);
    }

    [Theory]
    [MemberData(nameof(BlockHashes))]
    public void InternalOrderIsDisplayOrderReversed(string displayHex)
    {
        var hash = Hash256.FromDisplayHex(displayHex);
        var display = Convert.FromHexString(displayHex);
        Assert.Equal(display.Reverse(), hash.ToInternalBytes());
        Assert.Equal(Convert.ToHexStringLower(display.Reverse().ToArray()), hash.ToInternalHex());
        Assert.Equal(hash, Hash256.FromInternalBytes(hash.ToInternalBytes()));
    }

    [Fact]
    public void ABlockHashStartsWithZerosOnlyInDisplayOrder()
    {
        var hash = Hash256.FromDisplayHex("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
        var internalBytes = hash.ToInternalBytes();
        Assert.Equal(0x6f, internalBytes[0]);
        Assert.Equal(0, internalBytes[31]);
    }

    [Fact]
    public void WriteInternalBytesFillsExactly32Bytes()
    {
        var hash = Hash256.FromDisplayHex("00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee");
        var buffer = new byte[40];
        Array.Fill(buffer, (byte)0xaa);
        hash.WriteInternalBytes(buffer.AsSpan(4));
        Assert.Equal(hash.ToInternalBytes(), buffer[4..36]);
        Assert.All(buffer[..4], b => Assert.Equal(0xaa, b));
        Assert.All(buffer[36..], b => Assert.Equal(0xaa, b));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26")]
    [InlineData("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f00")]
    [InlineData("zz0000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f")]
    public void MalformedDisplayHexIsRefused(string hex)
    {
        Assert.False(Hash256.TryFromDisplayHex(hex, out _));
        Assert.Throws<FormatException>(() => Hash256.FromDisplayHex(hex));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void InternalBytesOfTheWrongLengthAreRefused(int length)
    {
        Assert.Throws<ArgumentException>(() => Hash256.FromInternalBytes(new byte[length]));
    }

    [Fact]
    public void EqualityIsByValue()
    {
        var a = Hash256.FromDisplayHex("000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506");
        var b = Hash256.FromInternalBytes(a.ToInternalBytes());
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Hash256.Zero);
        Assert.True(a.Equals((object)b));
    }
}

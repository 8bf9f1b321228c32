using BitmernSolo.Stratum.Serialization;

namespace BitmernSolo.Tests.Serialization;

public sealed class CompactSizeTests
{
    [Theory]
    [InlineData(0ul, "00")]
    [InlineData(0xfcul, "fc")]
    [InlineData(0xfdul, "fdfd00")]
    [InlineData(0xfffful, "fdffff")]
    [InlineData(0x10000ul, "fe00000100")]
    [InlineData(0xfffffffful, "feffffffff")]
    [InlineData(0x100000000ul, "ff0000000001000000")]
    public void ValuesEncodeAsCoreWritesThemAndReadBack(ulong value, string hex)
    {
        Span<byte> buffer = stackalloc byte[9];
        var written = CompactSize.Write(buffer, value);

        Assert.Equal(hex, Convert.ToHexStringLower(buffer[..written]));
        Assert.Equal(written, CompactSize.GetSize(value));
        Assert.True(CompactSize.TryRead(Convert.FromHexString(hex), out var read, out var consumed));
        Assert.Equal(value, read);
        Assert.Equal(written, consumed);
    }

    [Theory]
    [InlineData("fd0100")] // 1 written in 3 bytes
    [InlineData("fdfc00")]
    [InlineData("fe01000000")] // 1 written in 5 bytes
    [InlineData("feffff0000")]
    [InlineData("ffffffffff00000000")] // fits in 5 bytes
    public void NonCanonicalEncodingsAreRefused(string hex)
    {
        Assert.False(CompactSize.TryRead(Convert.FromHexString(hex), out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("fd")]
    [InlineData("fdff")]
    [InlineData("feffffff")]
    [InlineData("ff00000000010000")]
    public void TruncatedEncodingsAreRefused(string hex)
    {
        Assert.False(CompactSize.TryRead(Convert.FromHexString(hex), out _, out var consumed));
        Assert.Equal(0, consumed);
    }
}

using BitmernSolo.Stratum.Serialization;

namespace BitmernSolo.Tests.Serialization;

public sealed class ScriptNumberTests
{
    [Theory]
    [InlineData(0, "00")] // OP_0
    [InlineData(1, "51")] // OP_1: Core's CScript() << 1
    [InlineData(16, "60")] // OP_16
    [InlineData(17, "0111")]
    [InlineData(127, "017f")]
    [InlineData(128, "028000")] // top bit set: a zero sign byte follows
    [InlineData(255, "02ff00")]
    [InlineData(256, "020001")]
    [InlineData(32767, "02ff7f")]
    [InlineData(32768, "03008000")]
    [InlineData(766390, "03b6b10b")] // Bitcoin block 766,390's real coinbase prefix
    [InlineData(2383206, "03665d24")] // Litecoin block 2,383,206
    [InlineData(8388608, "0400008000")]
    public void Bip34HeightsArePushedExactlyAsCoreDoes(long height, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(ScriptNumber.EncodeBip34Height(height)));
    }

    [Theory]
    [InlineData(-1, "4f")]
    [InlineData(-2, "0182")]
    [InlineData(-128, "028080")]
    [InlineData(-255, "02ff80")]
    public void NegativeNumbersUseTheSignBit(long value, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(ScriptNumber.EncodePush(value)));
    }

    [Fact]
    public void ANegativeHeightIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScriptNumber.EncodeBip34Height(-1));
    }
}

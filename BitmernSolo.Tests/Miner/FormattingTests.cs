using BitmernSolo.Web.Formatting;

namespace BitmernSolo.Tests.Miner;

public sealed class FormattingTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(0.000123, "0.000123")]
    [InlineData(0.5, "0.5")]
    [InlineData(512, "512")]
    [InlineData(16384, "16.384 k")]
    [InlineData(2_097_152, "2.097 M")]
    public void DifficultiesKeepFractionalValuesReadableAndUseSiPrefixes(double difficulty, string expected) =>
        Assert.Equal(expected, DifficultyText.Format(difficulty));

    [Theory]
    [InlineData(0, "0 H/s")]
    [InlineData(-5, "0 H/s")]
    [InlineData(1, "1.00 H/s")]
    [InlineData(999, "999 H/s")]
    [InlineData(1234, "1.23 kH/s")]
    [InlineData(12_345_678, "12.3 MH/s")]
    [InlineData(9.5e9, "9.50 GH/s")]
    [InlineData(270e12, "270 TH/s")]
    [InlineData(999_999, "1.00 MH/s")]
    [InlineData(1.5e18, "1.50 EH/s")]
    public void HashratesUseSiPrefixesAndThreeSignificantFigures(double hashrate, string expected) =>
        Assert.Equal(expected, HashrateText.Format(hashrate));

    [Theory]
    [InlineData(625_000_000, "6.25 LTC")]
    [InlineData(1, "0.00000001 LTC")]
    [InlineData(0, "0 LTC")]
    public void AmountsAreShownInCoins(long units, string expected) => Assert.Equal(expected, DisplayText.Coins(units, "LTC"));

    [Fact]
    public void LongAddressesAreShortenedAtBothEnds() =>
        Assert.Equal("rltc1qsl…g5xh7jdp", DisplayText.ShortAddress("rltc1qslj02aeqrc8293y5amkjjf49w87armg5xh7jdp"));

    [Theory]
    [InlineData(0.5, "50.0 %")]
    [InlineData(0.0001234, "0.0123 %")]
    [InlineData(1e-12, "< 0.000001 %")]
    [InlineData(0, "0 %")]
    public void ProbabilitiesAreShownAsPercentages(double p, string expected) => Assert.Equal(expected, DisplayText.Percent(p));

    [Fact]
    public void TheFirstValueIsShownAsItIsAndLaterOnesAreSmoothedWithAlphaPointThree()
    {
        var smoother = new HashrateSmoother();

        Assert.Equal(100, smoother.Next("a", 100));
        Assert.Equal(130, smoother.Next("a", 200), 9);
        Assert.Equal(91, smoother.Next("a", 0), 9);
        Assert.Equal(50, smoother.Next("b", 50));
    }

    [Fact]
    public void ResettingTheSmootherForgetsEveryKey()
    {
        var smoother = new SmoothedValues();
        smoother.Next("a", 100);

        smoother.Reset();

        Assert.Null(smoother.Current("a"));
        Assert.Equal(7, smoother.Next("a", 7));
    }
}

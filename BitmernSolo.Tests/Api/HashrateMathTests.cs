using BitmernSolo.Stratum.Targets;

namespace BitmernSolo.Tests.Api;

public sealed class HashrateMathTests
{
    [Theory]
    [InlineData(600, 600, 1, 4294967296)]
    [InlineData(65536 * 600.0, 600, 65536, 4294967296)]
    [InlineData(1_000_000, 3600, 1, 1_000_000 * 4294967296.0 / 3600)]
    [InlineData(5, 0, 1, 0)]
    public void HashrateIsDifficultyTimesTwoToThe32OverMultiplierAndSeconds(double sum, double seconds, uint multiplier, double expected) =>
        Assert.Equal(expected, HashrateMath.FromDifficultySum(sum, seconds, multiplier), 1e-6);

    [Fact]
    public void AHashrateThatExpectsOneBlockPerDayHasOddsOfOneMinusOneOverE()
    {
        var difficulty = 1e12;
        var hashrate = difficulty * HashrateMath.HashesPerDifficulty / 86400;

        Assert.Equal(1 - Math.Exp(-1), HashrateMath.BlockProbability(hashrate, 86400, difficulty), 1e-12);
        Assert.Equal(86400, HashrateMath.ExpectedSecondsToBlock(hashrate, difficulty), 1e-6);
    }

    [Fact]
    public void TinyOddsKeepTheirPrecision() =>
        Assert.Equal(1e-15, HashrateMath.BlockProbability(1, 1e-15 * 4294967296, 1), 1e-25);

    [Fact]
    public void NoHashrateOrNoDifficultyMeansNoChance()
    {
        Assert.Equal(0, HashrateMath.BlockProbability(0, 86400, 1e12));
        Assert.Equal(0, HashrateMath.BlockProbability(1e12, 86400, 0));
    }
}

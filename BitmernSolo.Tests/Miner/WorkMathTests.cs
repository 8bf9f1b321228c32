using BitmernSolo.Stratum.Targets;
using BitmernSolo.Web.Formatting;

namespace BitmernSolo.Tests.Miner;

public sealed class WorkMathTests
{
    [Fact]
    public void OneDifficultyOneShareASecondIsTwoToThe32HashesASecondOnSha256d() =>
        Assert.Equal(4294967296d, HashrateMath.FromDifficultySum(60, 60, 1));

    [Fact]
    public void ScryptStratumDifficultyIsDividedByItsMultiplier() =>
        Assert.Equal(65536d, HashrateMath.FromDifficultySum(60, 60, 65536));

    [Fact]
    public void DifficultyForIsTheInverseOfHashrate()
    {
        var difficulty = WorkMath.DifficultyFor(1e12, 10, 1);

        Assert.Equal(1e12, HashrateMath.FromDifficultySum(difficulty, 10, 1), 1e-3);
    }

    [Fact]
    public void NoTimeMeansNoHashrate() => Assert.Equal(0, HashrateMath.FromDifficultySum(100, 0, 1));

    [Fact]
    public void BlockProbabilityFollowsOneMinusExpOfExpectedBlocks()
    {
        // Hashrate that finds exactly one block a day on average: P(≥1 in a day) = 1 − 1/e.
        const double difficulty = 1e6;
        var hashrate = difficulty * WorkMath.TwoPow32 / 86400;

        var day = WorkMath.BlockProbability(hashrate, difficulty, TimeSpan.FromDays(1));

        Assert.Equal(1 - Math.Exp(-1), day, 12);
    }

    [Fact]
    public void TinyOddsStayPreciseInsteadOfRoundingToZero()
    {
        // A BitAxe against Bitcoin mainnet-like difficulty: about 1e-4 per day; 1 − exp(−x) would lose digits.
        var p = WorkMath.BlockProbability(1.2e12, 1.5e14, TimeSpan.FromDays(1));
        var expected = 1.2e12 * 86400 / (1.5e14 * WorkMath.TwoPow32);

        Assert.Equal(expected, p, expected * 1e-6);
    }

    [Theory]
    [InlineData(0, 1e6)]
    [InlineData(1e12, 0)]
    public void NoHashrateOrNoDifficultyMeansNoOdds(double hashrate, double difficulty) =>
        Assert.Equal(0, WorkMath.BlockProbability(hashrate, difficulty, TimeSpan.FromDays(1)));

    [Fact]
    public void ExpectedTimeToBlockIsDifficultyTimesTwoToThe32OverHashrate() =>
        Assert.Equal(TimeSpan.FromSeconds(1000), WorkMath.ExpectedTimeToBlock(1e6 * WorkMath.TwoPow32 / 1000, 1e6));

    [Fact]
    public void AScryptShareIsComparedWithNetworkDifficultyInHeaderUnits() =>
        Assert.Equal(2, WorkMath.ToNetworkUnits(131072, 65536));
}

using BitmernSolo.Stratum.Shares;

namespace BitmernSolo.Tests.Stratum;

/// <summary>
/// "Best share since the last block" when the block is heard of late (found by another region): it keeps exactly the
/// shares from the block's time on, whenever the block arrives.
/// </summary>
public class BestSinceBlockTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly WorkerKey Rig = new("ltc", "ltc1qa", "rig");

    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 80)]
    [InlineData(15, 60)]
    [InlineData(30, 60)]
    [InlineData(31, 0)]
    public void ABlockLearntAfterMoreSharesKeepsTheBestShareFromItsTimeOn(int blockSecond, double expected)
    {
        var aggregator = new ShareAggregator();
        var rig = aggregator.For(Rig);
        rig.RecordAccepted(1, 500, Now);
        rig.RecordAccepted(1, 80, Now.AddSeconds(10));
        rig.RecordAccepted(1, 30, Now.AddSeconds(20));
        rig.RecordAccepted(1, 60, Now.AddSeconds(30));

        aggregator.ResetBestSinceBlock(Rig.PoolId, Now.AddSeconds(blockSecond));

        Assert.Equal((expected, 500d), BestShares(aggregator));
    }

    [Fact]
    public void AShareAccountedBeforeTheBlockButRecordedAfterTheResetDoesNotCount()
    {
        var aggregator = new ShareAggregator();
        var rig = aggregator.For(Rig);
        aggregator.ResetBestSinceBlock(Rig.PoolId, Now.AddSeconds(10));

        rig.RecordAccepted(1, 900, Now.AddSeconds(5));
        Assert.Equal((0d, 900d), BestShares(aggregator));

        rig.RecordAccepted(1, 3, Now.AddSeconds(12));
        Assert.Equal((3d, 900d), BestShares(aggregator));
    }

    [Fact]
    public void AnOlderBlockHeardOfAfterANewerOneBringsNoShareBack()
    {
        var aggregator = new ShareAggregator();
        var rig = aggregator.For(Rig);
        rig.RecordAccepted(1, 70, Now.AddSeconds(15));
        rig.RecordAccepted(1, 4, Now.AddSeconds(25));

        aggregator.ResetBestSinceBlock(Rig.PoolId, Now.AddSeconds(20));
        aggregator.ResetBestSinceBlock(Rig.PoolId, Now.AddSeconds(10));
        rig.RecordAccepted(1, 50, Now.AddSeconds(18));

        Assert.Equal((4d, 70d), BestShares(aggregator));
    }

    [Fact]
    public void ABlockOfAnotherPoolLeavesTheWorkerAlone()
    {
        var aggregator = new ShareAggregator();
        aggregator.For(Rig).RecordAccepted(1, 70, Now);

        aggregator.ResetBestSinceBlock("btc", Now.AddSeconds(1));

        Assert.Equal((70d, 70d), BestShares(aggregator));
    }

    /// <summary>Random shares, a little out of order as session threads account them, against every block time a brute force checks.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AnyBlockTimeLeavesTheBestOfTheSharesFromThatTimeOn(int seed)
    {
        var random = new Random(seed);
        var shares = new List<(DateTimeOffset Time, double Difficulty)>();
        for (var i = 0; i < 300; i++)
        {
            // Achieved difficulty of a random hash at difficulty 1: 1/U, heavy-tailed as real best shares are.
            shares.Add((Now.AddMilliseconds((i * 100) - random.Next(0, 250)), 1 / (1 - random.NextDouble())));
        }

        for (var block = -1; block <= 31; block++)
        {
            var blockTime = Now.AddSeconds(block);
            var aggregator = new ShareAggregator();
            var rig = aggregator.For(Rig);
            foreach (var (time, difficulty) in shares)
            {
                rig.RecordAccepted(1, difficulty, time);
            }

            aggregator.ResetBestSinceBlock(Rig.PoolId, blockTime);

            var expected = shares.Where(s => s.Time >= blockTime).Select(s => s.Difficulty).DefaultIfEmpty(0).Max();
            Assert.Equal(expected, BestShares(aggregator).SinceBlock);
        }
    }

    private static (double SinceBlock, double Ever) BestShares(ShareAggregator aggregator)
    {
        var totals = Assert.Single(aggregator.Totals());
        return (totals.BestSinceLastBlock, totals.BestEver);
    }
}

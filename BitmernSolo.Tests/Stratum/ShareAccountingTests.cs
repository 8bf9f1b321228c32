using BitmernSolo.Stratum.Protocol;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Tests.Stratum.Support;

namespace BitmernSolo.Tests.Stratum;

public class ShareAccountingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnIntervalHoldsCountsByReasonSumsAndBestAndTheNextIntervalStartsEmpty()
    {
        var aggregator = new ShareAggregator();
        var rig = aggregator.For(new WorkerKey("ltc", "ltc1qa", "rig"));
        rig.RecordAccepted(8, 20, Now);
        rig.RecordAccepted(8, 90, Now.AddSeconds(5));
        rig.RecordRejected(StratumError.DuplicateShare, Now.AddSeconds(6));
        rig.RecordRejected(StratumError.LowDifficulty, Now.AddSeconds(7));
        rig.RecordRejected(StratumError.JobNotFound, Now.AddSeconds(8));

        var interval = Assert.Single(aggregator.TakeInterval());

        Assert.Equal((2, 16.0, 90.0), (interval.Accepted, interval.SumDifficulty, interval.BestDifficulty));
        Assert.Equal((1, 1, 1, 3), (interval.RejectedDuplicate, interval.RejectedLowDifficulty, interval.RejectedStale, interval.Rejected));
        Assert.Equal(Now.AddSeconds(8), interval.LastShareTime);
        Assert.Empty(aggregator.TakeInterval());
    }

    [Fact]
    public void BestSinceLastBlockRestartsWhenThePoolFindsABlockButBestEverStays()
    {
        var aggregator = new ShareAggregator();
        aggregator.For(new WorkerKey("ltc", "ltc1qa", "rig")).RecordAccepted(1, 500, Now);
        aggregator.For(new WorkerKey("btc", "bc1qa", "rig")).RecordAccepted(1, 700, Now);

        aggregator.ResetBestSinceBlock("ltc", Now.AddSeconds(1));

        var totals = aggregator.Totals().ToDictionary(t => t.Worker.PoolId);
        Assert.Equal((0.0, 500.0), (totals["ltc"].BestSinceLastBlock, totals["ltc"].BestEver));
        Assert.Equal(700, totals["btc"].BestSinceLastBlock);
    }

    [Fact]
    public void WorkersOfOneAddressSumToTheAddress()
    {
        var aggregator = new ShareAggregator();
        aggregator.For(new WorkerKey("ltc", "ltc1qa", "one")).RecordAccepted(4, 10, Now);
        aggregator.For(new WorkerKey("ltc", "ltc1qa", "two")).RecordAccepted(6, 30, Now.AddSeconds(1));
        aggregator.For(new WorkerKey("ltc", "ltc1qb", "")).RecordAccepted(1, 1, Now);

        var byAddress = ShareAggregator.SumByAddress(aggregator.TakeInterval()).ToDictionary(c => c.Worker.Address);

        Assert.Equal((2, 10.0, 30.0), (byAddress["ltc1qa"].Accepted, byAddress["ltc1qa"].SumDifficulty, byAddress["ltc1qa"].BestDifficulty));
        Assert.Equal(string.Empty, byAddress["ltc1qa"].Worker.Worker);
        Assert.Equal(1, byAddress["ltc1qb"].Accepted);
    }

    [Fact]
    public void AJobsNotifyIsSerializedOnceAndSharedDifferingOnlyInCleanJobs()
    {
        var job = new TestWorkSource().Publish(clean: true);

        var first = PreparedNotify.Of(job);
        var second = PreparedNotify.Of(job);

        Assert.Same(first, second);
        var clean = System.Text.Encoding.UTF8.GetString(first.Clean);
        var notClean = System.Text.Encoding.UTF8.GetString(first.NotClean);
        Assert.EndsWith(",true]}\n", clean, StringComparison.Ordinal);
        Assert.Equal(clean.Replace(",true]}", ",false]}", StringComparison.Ordinal), notClean);
        Assert.Contains($"\"{job.Notify.PreviousHash}\"", clean, StringComparison.Ordinal);
    }
}

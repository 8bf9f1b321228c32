using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Protocol;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Tests.Alerts;
using BitmernSolo.Tests.Email;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Mining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StratumFoundBlock = BitmernSolo.Stratum.Server.FoundBlock;

namespace BitmernSolo.Tests.Mining;

/// <summary>
/// Two regions (an aggregator and a share flusher each) on one database: region A finds a block, and region B, whose miner
/// had a better share before it, must not write that share back as the best since the block. Run on SQLite by
/// <see cref="BestShareAcrossRegionsTests"/> and on PostgreSQL by <see cref="Postgres.PostgresBestShareAcrossRegionsTests"/>.
/// </summary>
internal sealed class BestShareAcrossRegions(
    IDbContextFactory<ApplicationDbContext> contexts,
    Func<Func<Task>, InterleavingContexts> interleaving)
{
    private const string PoolId = "ltc";

    private readonly ManualClock _clock = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>B hears of the block at its next flush: its best share before the block is gone, its share after it shows.</summary>
    public async Task ABlockRecordedByAnotherRegionLeavesOnlyTheSharesFromItsTimeOn()
    {
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var finder = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "finder");
        var start = WholeSecond(_clock.GetUtcNow());
        var (regionA, regionB) = (new ShareAggregator(), new ShareAggregator());
        using var flusherA = Flusher("eu", regionA, contexts);
        using var flusherB = Flusher("us", regionB, contexts);
        regionA.For(finder).RecordAccepted(1, 30, start);
        regionB.For(rig).RecordAccepted(1, 100, start);
        Assert.True(await flusherA.FlushAsync(Token));
        Assert.True(await flusherB.FlushAsync(Token));
        regionB.For(rig).RecordAccepted(1, 40, start.AddSeconds(10)); // before the block, not yet flushed

        await FindBlockInAAsync(regionA, finder, start.AddSeconds(20));
        regionB.For(rig).RecordRejected(StratumError.JobNotFound, start.AddSeconds(25)); // no share since the block, but a write
        Assert.True(await flusherA.FlushAsync(Token));
        Assert.True(await flusherB.FlushAsync(Token));

        Assert.Equal((0d, 100d), await BestSharesAsync(rig));
        Assert.Equal((0d, 2000d), await BestSharesAsync(finder));

        regionB.For(rig).RecordAccepted(1, 7, start.AddSeconds(30));
        Assert.True(await flusherB.FlushAsync(Token));

        Assert.Equal((7d, 100d), await BestSharesAsync(rig));
    }

    /// <summary>The block is recorded between B's read of the row and B's write: B's retry hears of it.</summary>
    public async Task ABlockRecordedByAnotherRegionDuringAFlushLeavesOnlyTheSharesFromItsTimeOn()
    {
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var finder = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "finder");
        var start = WholeSecond(_clock.GetUtcNow());
        var (regionA, regionB) = (new ShareAggregator(), new ShareAggregator());
        using var setupB = Flusher("us", regionB, contexts);
        regionB.For(rig).RecordAccepted(1, 100, start);
        Assert.True(await setupB.FlushAsync(Token));

        regionB.For(rig).RecordAccepted(1, 40, start.AddSeconds(10));
        regionB.For(rig).RecordAccepted(1, 5, start.AddSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(40));
        var interleaved = interleaving(() => FindBlockInAAsync(regionA, finder, start.AddSeconds(20)));
        using var flusherB = Flusher("us", regionB, interleaved);
        Assert.True(await flusherB.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        Assert.Equal((5d, 100d), await BestSharesAsync(rig));
    }

    /// <summary>
    /// The block is recorded between B's read and B's insert of a worker's first row: the reset finds no row to reset, and
    /// the insert no row that changed.
    /// </summary>
    public async Task ABlockRecordedByAnotherRegionWhileAWorkersFirstRowIsWrittenLeavesOnlyTheSharesFromItsTimeOn()
    {
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var finder = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "finder");
        var start = WholeSecond(_clock.GetUtcNow());
        var (regionA, regionB) = (new ShareAggregator(), new ShareAggregator());
        regionB.For(rig).RecordAccepted(1, 100, start.AddSeconds(10));
        regionB.For(rig).RecordAccepted(1, 5, start.AddSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(40));
        var interleaved = interleaving(() => FindBlockInAAsync(regionA, finder, start.AddSeconds(20)));
        using var flusherB = Flusher("us", regionB, interleaved);
        Assert.True(await flusherB.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        Assert.Equal((5d, 100d), await BestSharesAsync(rig));
    }

    /// <summary>
    /// What region A's stratum does on a block its daemon accepted: its own reset, then the recorder's row (and the reset of
    /// every worker row of the pool). The block's share was accounted a second before the daemon's answer.
    /// </summary>
    private async Task FindBlockInAAsync(ShareAggregator regionA, WorkerKey finder, DateTimeOffset foundAt)
    {
        regionA.For(finder).RecordAccepted(1, 2000, foundAt.AddSeconds(-1));
        regionA.ResetBestSinceBlock(PoolId, foundAt);
        using var pools = new PoolRuntimes([]);
        using var recorder = new FoundBlockRecorder(contexts, Options.Create(new PoolOptions { Region = "eu" }), pools,
            new PoolActivity(NullLogger<PoolActivity>.Instance), _clock, NullLogger<FoundBlockRecorder>.Instance);
        recorder.Enqueue(new StratumFoundBlock(PoolId, 432, Hash256.Compute(Guid.NewGuid().ToByteArray()), finder.Address, finder.Worker, 2000,
            foundAt, true, null, ["accepted"]));
        await recorder.StopAsync(Token); // not started: stopping writes what it holds
    }

    private ShareStatsFlusher Flusher(string region, ShareAggregator shares, IDbContextFactory<ApplicationDbContext> writeContexts) =>
        new(shares, new PersistentWorkerDifficultyStore(writeContexts, NullLogger<PersistentWorkerDifficultyStore>.Instance), writeContexts,
            Options.Create(new PoolOptions { Region = region }), new PoolActivity(NullLogger<PoolActivity>.Instance), _clock,
            NullLogger<ShareStatsFlusher>.Instance);

    private async Task<(double SinceBlock, double Ever)> BestSharesAsync(WorkerKey key)
    {
        await using var db = await contexts.CreateDbContextAsync(Token);
        var worker = await db.Workers.AsNoTracking()
            .SingleAsync(w => w.PoolId == key.PoolId && w.Address == key.Address && w.Worker == key.Worker, Token);
        return (worker.BestShareSinceBlock, worker.BestShareEver);
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}

using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Tests.Email;
using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Email;
using BitmernSolo.Web.Mining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StratumFoundBlock = BitmernSolo.Stratum.Server.FoundBlock;

namespace BitmernSolo.Tests.Alerts;

/// <summary>
/// The offline check and the share flush (of this instance or of another region's on the same database) write the same
/// <c>Workers</c> row, each after reading it. Whichever writes second must not undo what the other wrote in between: each test
/// puts one writer's whole write inside the other's read and write.
/// </summary>
public sealed class WorkerWriteRaceTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    private const string PoolId = "ltc";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AShareFlushedWhileTheOfflineCheckDecidesKeepsTheWorkerOnlineAndSendsNoOfflineEmail()
    {
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var (_, email) = await app.UserWithWalletAsync(PoolId, rig.Address, new AlertPreference { UserId = "", WorkerOfflineMinutes = 10 });
        var shares = new ShareAggregator();
        using var flusher = Flusher(shares, Contexts());
        shares.For(rig).RecordAccepted(1, 1, app.Clock.GetUtcNow());
        Assert.True(await flusher.FlushAsync(Token));

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var interleaved = InterleavingContexts.OnSqlite(await ConnectionStringAsync(), async () =>
        {
            shares.For(rig).RecordAccepted(1, 1, app.Clock.GetUtcNow()); // the miner was only slow
            Assert.True(await flusher.FlushAsync(Token));
        });
        await CheckWith(interleaved).RunAsync(Token);
        await app.Service<WorkerOfflineCheckJob>().RunAsync(Token);

        Assert.True(interleaved.Interleaved);
        var worker = await WorkerAsync(rig);
        Assert.Equal((true, null, true), (worker.Online, worker.OfflineSince, IsRecent(worker.LastShareAt)));
        Assert.Empty(await NotificationsToAsync(email)); // neither "offline" nor the "back online" that would follow it
    }

    [Fact]
    public async Task AWorkerTheOfflineCheckClearsWhileItsShareIsBeingFlushedStaysOnline()
    {
        // Nobody watches this worker: nothing but its next flushed share would set it online again.
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var setupShares = new ShareAggregator();
        using var setup = Flusher(setupShares, Contexts());
        setupShares.For(rig).RecordAccepted(1, 1, app.Clock.GetUtcNow());
        Assert.True(await setup.FlushAsync(Token));

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var interleaved = InterleavingContexts.OnSqlite(await ConnectionStringAsync(), () => app.Service<WorkerOfflineCheckJob>().RunAsync(Token));
        var shares = new ShareAggregator();
        using var flusher = Flusher(shares, interleaved);
        shares.For(rig).RecordAccepted(1, 1, app.Clock.GetUtcNow());
        Assert.True(await flusher.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        var worker = await WorkerAsync(rig);
        Assert.Equal((true, true), (worker.Online, IsRecent(worker.LastShareAt)));
    }

    [Fact]
    public async Task AnOfflineMarkWrittenWhileAShareIsBeingFlushedIsKeptAndTheWorkerComesBackOnline()
    {
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var (_, email) = await app.UserWithWalletAsync(PoolId, rig.Address, new AlertPreference { UserId = "", WorkerOfflineMinutes = 10 });
        var setupShares = new ShareAggregator();
        using var setup = Flusher(setupShares, Contexts());
        setupShares.For(rig).RecordAccepted(1, 1, app.Clock.GetUtcNow());
        Assert.True(await setup.FlushAsync(Token));
        var start = (await WorkerAsync(rig)).LastShareAt;

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var interleaved = InterleavingContexts.OnSqlite(await ConnectionStringAsync(), () => app.Service<WorkerOfflineCheckJob>().RunAsync(Token));
        var shares = new ShareAggregator();
        using var flusher = Flusher(shares, interleaved);
        shares.For(rig).RecordAccepted(1, 1, app.Clock.GetUtcNow());
        Assert.True(await flusher.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        var worker = await WorkerAsync(rig);
        Assert.Equal((true, start, true), (worker.Online, worker.OfflineSince, IsRecent(worker.LastShareAt)));
        await app.Service<WorkerOfflineCheckJob>().RunAsync(Token);
        Assert.Equal(
            [NotificationKinds.WorkerOffline, NotificationKinds.WorkerOnline],
            (await NotificationsToAsync(email)).OrderBy(n => n.Id).Select(n => n.Kind));
        Assert.Null((await WorkerAsync(rig)).OfflineSince);
    }

    [Fact]
    public async Task TwoRegionsFlushingOneWorkerAtOnceKeepTheHigherBestShareAndTheLaterLastShare()
    {
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var start = WholeSecond(app.Clock.GetUtcNow());
        var regionB = new ShareAggregator();
        using var flusherB = Flusher(regionB, Contexts());
        regionB.For(rig).RecordAccepted(1, 1, start);
        Assert.True(await flusherB.FlushAsync(Token));

        // A read the row before B wrote a higher best share and a later last share; A writes its own, lower and earlier.
        var interleaved = InterleavingContexts.OnSqlite(await ConnectionStringAsync(), async () =>
        {
            regionB.For(rig).RecordAccepted(1, 50, start.AddSeconds(40));
            Assert.True(await flusherB.FlushAsync(Token));
        });
        var regionA = new ShareAggregator();
        using var flusherA = Flusher(regionA, interleaved);
        regionA.For(rig).RecordAccepted(1, 5, start.AddSeconds(20));
        Assert.True(await flusherA.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        var worker = await WorkerAsync(rig);
        Assert.Equal((50d, 50d, start.AddSeconds(40), true), (worker.BestShareEver, worker.BestShareSinceBlock, worker.LastShareAt, worker.Online));
    }

    [Fact]
    public async Task ANewWorkerFlushedByTwoRegionsAtOnceKeepsTheHigherBestShareAndTheLaterLastShare()
    {
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var start = WholeSecond(app.Clock.GetUtcNow());

        // Neither found a row; B inserts it (a later share) between A's read and A's insert (a higher best share).
        var regionB = new ShareAggregator();
        using var flusherB = Flusher(regionB, Contexts());
        var interleaved = InterleavingContexts.OnSqlite(await ConnectionStringAsync(), async () =>
        {
            regionB.For(rig).RecordAccepted(1, 5, start.AddSeconds(40));
            Assert.True(await flusherB.FlushAsync(Token));
        });
        var regionA = new ShareAggregator();
        using var flusherA = Flusher(regionA, interleaved);
        regionA.For(rig).RecordAccepted(1, 50, start.AddSeconds(20));
        Assert.True(await flusherA.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        var worker = await WorkerAsync(rig);
        Assert.Equal((50d, 50d, start.AddSeconds(40), true), (worker.BestShareEver, worker.BestShareSinceBlock, worker.LastShareAt, worker.Online));
    }

    [Fact]
    public async Task ABlockFoundWhileAShareIsBeingFlushedLeavesOnlyTheBestShareSinceTheBlock()
    {
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var setupShares = new ShareAggregator();
        using var setup = Flusher(setupShares, Contexts());
        setupShares.For(rig).RecordAccepted(1, 100, app.Clock.GetUtcNow());
        Assert.True(await setup.FlushAsync(Token));

        // The flush read 100 as the best share since the last block; the block recorded before it writes resets that.
        var interleaved = InterleavingContexts.OnSqlite(await ConnectionStringAsync(), () => RecordAcceptedBlockAsync(Contexts(), rig));
        var shares = new ShareAggregator();
        using var flusher = Flusher(shares, interleaved);
        shares.For(rig).RecordAccepted(1, 5, app.Clock.GetUtcNow());
        Assert.True(await flusher.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        var worker = await WorkerAsync(rig);
        Assert.Equal((100d, 5d), (worker.BestShareEver, worker.BestShareSinceBlock));
    }

    /// <summary>A block of the pool the daemon accepted, written by the recorder the stratum event feeds (not started: stopping writes what it holds).</summary>
    private async Task RecordAcceptedBlockAsync(IDbContextFactory<ApplicationDbContext> contexts, WorkerKey finder)
    {
        using var pools = new PoolRuntimes([]);
        using var recorder = new FoundBlockRecorder(contexts, Options.Create(new PoolOptions()), pools,
            new PoolActivity(NullLogger<PoolActivity>.Instance), app.Clock, NullLogger<FoundBlockRecorder>.Instance);
        recorder.Enqueue(new StratumFoundBlock(PoolId, 432, Hash256.Compute(Guid.NewGuid().ToByteArray()), finder.Address, finder.Worker, 100,
            app.Clock.GetUtcNow(), true, null, ["accepted"]));
        await recorder.StopAsync(Token);
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    /// <summary>The share just flushed, not the one from before the silence (stored times are rounded).</summary>
    private bool IsRecent(DateTimeOffset? lastShare) => lastShare > app.Clock.GetUtcNow() - TimeSpan.FromSeconds(1);

    private IDbContextFactory<ApplicationDbContext> Contexts() => app.Service<IDbContextFactory<ApplicationDbContext>>();

    private WorkerOfflineCheckJob CheckWith(IDbContextFactory<ApplicationDbContext> contexts) =>
        new(contexts, app.Service<NotificationOutbox>(), app.Service<AlertTemplates>(), app.Clock);

    /// <summary>A flusher on shares of its own, so the app's minute flush never takes them.</summary>
    private ShareStatsFlusher Flusher(ShareAggregator shares, IDbContextFactory<ApplicationDbContext> contexts) =>
        new(shares, new PersistentWorkerDifficultyStore(contexts, NullLogger<PersistentWorkerDifficultyStore>.Instance), contexts,
            Options.Create(new PoolOptions()), new PoolActivity(NullLogger<PoolActivity>.Instance), app.Clock,
            NullLogger<ShareStatsFlusher>.Instance);

    private async Task<string> ConnectionStringAsync()
    {
        await using var db = await app.DbAsync();
        return db.Database.GetConnectionString()!;
    }

    private async Task<WorkerState> WorkerAsync(WorkerKey key)
    {
        await using var db = await app.DbAsync();
        return await db.Workers.AsNoTracking().SingleAsync(w => w.PoolId == key.PoolId && w.Address == key.Address && w.Worker == key.Worker, Token);
    }

    private async Task<List<NotificationLog>> NotificationsToAsync(string email)
    {
        await using var db = await app.DbAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.Recipient == email).ToListAsync(Token);
    }
}

using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Tests.Alerts;
using BitmernSolo.Tests.Email;
using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Email;
using BitmernSolo.Web.Mining;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StratumFoundBlock = BitmernSolo.Stratum.Server.FoundBlock;

namespace BitmernSolo.Tests.Postgres;

/// <summary>
/// <see cref="WorkerWriteRaceTests"/>' interleavings on PostgreSQL, whose conditional updates and row writes are the
/// region deployments' (the offline check and each region's share flush on one database).
/// </summary>
public sealed class PostgresWorkerWriteRaceTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private const string PoolId = "ltc";

    private readonly ManualClock _clock = new();
    private readonly InMemoryStorage _hangfire = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _hangfire.Dispose();

    [Fact]
    public async Task AShareFlushedWhileTheOfflineCheckDecidesKeepsTheWorkerOnlineAndQueuesNoOfflineEmail()
    {
        var (connectionString, contexts) = await DatabaseAsync();
        var rig = await WatchedWorkerAsync(contexts);
        var shares = new ShareAggregator();
        using var flusher = Flusher(shares, contexts);
        shares.For(rig).RecordAccepted(1, 1, _clock.GetUtcNow());
        Assert.True(await flusher.FlushAsync(Token));

        _clock.Advance(TimeSpan.FromMinutes(11));
        var interleaved = InterleavingContexts.OnPostgres(connectionString, async () =>
        {
            shares.For(rig).RecordAccepted(1, 1, _clock.GetUtcNow());
            Assert.True(await flusher.FlushAsync(Token));
        });
        await Check(interleaved).RunAsync(Token);
        await Check(contexts).RunAsync(Token);

        Assert.True(interleaved.Interleaved);
        await using var db = await contexts.CreateDbContextAsync(Token);
        var worker = await db.Workers.SingleAsync(Token);
        Assert.Equal((true, null), (worker.Online, worker.OfflineSince));
        Assert.Empty(await db.Notifications.ToListAsync(Token));
    }

    [Fact]
    public async Task AnOfflineMarkWrittenWhileAShareIsBeingFlushedIsKeptAndTheWorkerStaysOnline()
    {
        var (connectionString, contexts) = await DatabaseAsync();
        var rig = await WatchedWorkerAsync(contexts);
        var setupShares = new ShareAggregator();
        using var setup = Flusher(setupShares, contexts);
        setupShares.For(rig).RecordAccepted(1, 1, _clock.GetUtcNow());
        Assert.True(await setup.FlushAsync(Token));
        DateTimeOffset? start;
        await using (var db = await contexts.CreateDbContextAsync(Token))
        {
            start = (await db.Workers.SingleAsync(Token)).LastShareAt;
        }

        _clock.Advance(TimeSpan.FromMinutes(11));
        var interleaved = InterleavingContexts.OnPostgres(connectionString, () => Check(contexts).RunAsync(Token));
        var shares = new ShareAggregator();
        using var flusher = Flusher(shares, interleaved);
        shares.For(rig).RecordAccepted(1, 1, _clock.GetUtcNow());
        Assert.True(await flusher.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        await using (var db = await contexts.CreateDbContextAsync(Token))
        {
            var worker = await db.Workers.SingleAsync(Token);
            Assert.Equal((true, start), (worker.Online, worker.OfflineSince));
            Assert.True(worker.LastShareAt > start);
        }

        await Check(contexts).RunAsync(Token);
        await using (var db = await contexts.CreateDbContextAsync(Token))
        {
            Assert.Null((await db.Workers.SingleAsync(Token)).OfflineSince);
            Assert.Equal(
                [NotificationKinds.WorkerOffline, NotificationKinds.WorkerOnline],
                await db.Notifications.OrderBy(n => n.Id).Select(n => n.Kind).ToListAsync(Token));
        }
    }

    [Fact]
    public async Task TwoRegionsFlushingOneWorkerAtOnceKeepTheHigherBestShareAndTheLaterLastShare()
    {
        var (connectionString, contexts) = await DatabaseAsync();
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var start = WholeSecond(_clock.GetUtcNow());
        var regionB = new ShareAggregator();
        using var flusherB = Flusher(regionB, contexts);
        regionB.For(rig).RecordAccepted(1, 1, start);
        Assert.True(await flusherB.FlushAsync(Token));

        var interleaved = InterleavingContexts.OnPostgres(connectionString, async () =>
        {
            regionB.For(rig).RecordAccepted(1, 50, start.AddSeconds(40));
            Assert.True(await flusherB.FlushAsync(Token));
        });
        var regionA = new ShareAggregator();
        using var flusherA = Flusher(regionA, interleaved);
        regionA.For(rig).RecordAccepted(1, 5, start.AddSeconds(20));
        Assert.True(await flusherA.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        await using var db = await contexts.CreateDbContextAsync(Token);
        var worker = await db.Workers.SingleAsync(Token);
        Assert.Equal((50d, 50d, start.AddSeconds(40), true), (worker.BestShareEver, worker.BestShareSinceBlock, worker.LastShareAt, worker.Online));
    }

    [Fact]
    public async Task ANewWorkerFlushedByTwoRegionsAtOnceKeepsTheHigherBestShareAndTheLaterLastShare()
    {
        var (connectionString, contexts) = await DatabaseAsync();
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var start = WholeSecond(_clock.GetUtcNow());
        var regionB = new ShareAggregator();
        using var flusherB = Flusher(regionB, contexts);
        var interleaved = InterleavingContexts.OnPostgres(connectionString, async () =>
        {
            regionB.For(rig).RecordAccepted(1, 5, start.AddSeconds(40));
            Assert.True(await flusherB.FlushAsync(Token));
        });
        var regionA = new ShareAggregator();
        using var flusherA = Flusher(regionA, interleaved);
        regionA.For(rig).RecordAccepted(1, 50, start.AddSeconds(20));
        Assert.True(await flusherA.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        await using var db = await contexts.CreateDbContextAsync(Token);
        var worker = await db.Workers.SingleAsync(Token);
        Assert.Equal((50d, 50d, start.AddSeconds(40), true), (worker.BestShareEver, worker.BestShareSinceBlock, worker.LastShareAt, worker.Online));
    }

    [Fact]
    public async Task ABlockFoundWhileAShareIsBeingFlushedLeavesOnlyTheBestShareSinceTheBlock()
    {
        var (connectionString, contexts) = await DatabaseAsync();
        var rig = new WorkerKey(PoolId, MailAppFixture.NewAddress(), "rig");
        var setupShares = new ShareAggregator();
        using var setup = Flusher(setupShares, contexts);
        setupShares.For(rig).RecordAccepted(1, 100, _clock.GetUtcNow());
        Assert.True(await setup.FlushAsync(Token));

        // The flush read 100 as the best share since the last block; the block recorded before it writes resets that.
        var interleaved = InterleavingContexts.OnPostgres(connectionString, () => RecordAcceptedBlockAsync(contexts, rig));
        var shares = new ShareAggregator();
        using var flusher = Flusher(shares, interleaved);
        shares.For(rig).RecordAccepted(1, 5, _clock.GetUtcNow());
        Assert.True(await flusher.FlushAsync(Token));

        Assert.True(interleaved.Interleaved);
        await using var db = await contexts.CreateDbContextAsync(Token);
        var worker = await db.Workers.SingleAsync(Token);
        Assert.Equal((100d, 5d), (worker.BestShareEver, worker.BestShareSinceBlock));
    }

    /// <summary>A block of the pool the daemon accepted, written by the recorder the stratum event feeds (not started: stopping writes what it holds).</summary>
    private async Task RecordAcceptedBlockAsync(IDbContextFactory<ApplicationDbContext> contexts, WorkerKey finder)
    {
        using var pools = new PoolRuntimes([]);
        using var recorder = new FoundBlockRecorder(contexts, Options.Create(new PoolOptions()), pools,
            new PoolActivity(NullLogger<PoolActivity>.Instance), _clock, NullLogger<FoundBlockRecorder>.Instance);
        recorder.Enqueue(new StratumFoundBlock(PoolId, 432, Hash256.Compute(Guid.NewGuid().ToByteArray()), finder.Address, finder.Worker, 100,
            _clock.GetUtcNow(), true, null, ["accepted"]));
        await recorder.StopAsync(Token);
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    private Task<(string ConnectionString, IDbContextFactory<ApplicationDbContext> Contexts)> DatabaseAsync() =>
        PostgresAlertParts.DatabaseAsync(postgres);

    /// <summary>A worker on an address whose owner wants to hear after 10 silent minutes.</summary>
    private async Task<WorkerKey> WatchedWorkerAsync(IDbContextFactory<ApplicationDbContext> contexts)
    {
        var address = MailAppFixture.NewAddress();
        await using var db = await contexts.CreateDbContextAsync(Token);
        var user = new ApplicationUser { UserName = address + "@example.test", Email = address + "@example.test" };
        db.Users.Add(user);
        db.Wallets.Add(new Wallet { UserId = user.Id, PoolId = PoolId, Address = address, CreatedAt = _clock.GetUtcNow() });
        db.AlertPreferences.Add(new AlertPreference { UserId = user.Id, WorkerOfflineMinutes = 10 });
        await db.SaveChangesAsync(Token);
        return new WorkerKey(PoolId, address, "rig");
    }

    private WorkerOfflineCheckJob Check(IDbContextFactory<ApplicationDbContext> contexts) =>
        new(contexts, PostgresAlertParts.Outbox(contexts, _hangfire, _clock), PostgresAlertParts.Templates(), _clock);

    private ShareStatsFlusher Flusher(ShareAggregator shares, IDbContextFactory<ApplicationDbContext> contexts) =>
        new(shares, new PersistentWorkerDifficultyStore(contexts, NullLogger<PersistentWorkerDifficultyStore>.Instance), contexts,
            Options.Create(new PoolOptions()), new PoolActivity(NullLogger<PoolActivity>.Instance), _clock,
            NullLogger<ShareStatsFlusher>.Instance);
}

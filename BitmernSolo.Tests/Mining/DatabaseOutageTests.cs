using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Tests.Mining.Support;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Mining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StratumFoundBlock = BitmernSolo.Stratum.Server.FoundBlock;

namespace BitmernSolo.Tests.Mining;

/// <summary>While the database is down nothing is lost: shares wait for the next flush, a block is retried until written.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static readonly WorkerKey Worker = new("ltc", "rltc1qexample", "rig");
    private readonly TempDirectory _data = new();
    private readonly PoolActivity _activity = new(NullLogger<PoolActivity>.Instance);
    private SwitchableDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = new SwitchableDatabase(_data.Path);
        await _database.CreateAsync();
    }

    public ValueTask DisposeAsync()
    {
        _data.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SharesCountedWhileTheDatabaseIsDownAreWrittenByTheNextFlush()
    {
        var shares = new ShareAggregator();
        var difficulties = new PersistentWorkerDifficultyStore(_database, NullLogger<PersistentWorkerDifficultyStore>.Instance);
        using var flusher = new ShareStatsFlusher(shares, difficulties, _database, Options.Create(new PoolOptions()), _activity,
            TimeProvider.System, NullLogger<ShareStatsFlusher>.Instance);
        var minute = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        shares.For(Worker).RecordAccepted(2, 5, minute.AddSeconds(10));
        difficulties.Remember(Worker, 2);
        _database.Down = true;
        var whileDown = await flusher.FlushAsync(TestContext.Current.CancellationToken);
        shares.For(Worker).RecordAccepted(4, 9, minute.AddSeconds(20));
        shares.For(Worker).RecordRejected(BitmernSolo.Stratum.Protocol.StratumError.UnauthorizedWorker, minute.AddSeconds(30));
        _database.Down = false;
        var afterwards = await flusher.FlushAsync(TestContext.Current.CancellationToken);

        Assert.False(whileDown);
        Assert.True(afterwards);
        await using var db = _database.Open();
        var row = Assert.Single(await db.ShareStats.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((2L, 6d, 9d, 1L), (row.Accepted, row.DifficultySum, row.BestShare, row.RejectedOther));
        Assert.Equal(minute, row.BucketStart);
        var worker = await db.Workers.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((2d, 9d, true), (worker.LastDifficulty, worker.BestShareEver, worker.Online));
    }

    [Fact]
    public async Task ABlockFoundWhileTheDatabaseIsDownIsWrittenOnceItIsBack()
    {
        using var recorder = new FoundBlockRecorder(_database, Options.Create(new PoolOptions { Region = "EU" }), new PoolRuntimes([]),
            _activity, TimeProvider.System, NullLogger<FoundBlockRecorder>.Instance);
        var recorded = new TaskCompletionSource<FoundBlock>(TaskCreationOptions.RunContinuationsAsynchronously);
        _activity.BlockRecorded += block => recorded.TrySetResult(block);
        _database.Down = true;
        await recorder.StartAsync(TestContext.Current.CancellationToken);
        var hash = Hash256.Compute([1, 2, 3]);

        recorder.Enqueue(new StratumFoundBlock("ltc", 432, hash, Worker.Address, Worker.Worker, 3, DateTimeOffset.UtcNow, false,
            "127.0.0.1:19443: high-hash", ["127.0.0.1:19443: high-hash"]) { MinerRewardSatoshis = 5_000_000_000 });
        var failedFirst = !recorded.Task.IsCompleted;
        _database.Down = false;
        var block = await recorded.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await recorder.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(failedFirst);
        Assert.Equal((BlockStatus.Rejected, hash.ToDisplayHex(), 432L, "EU"), (block.Status, block.Hash, block.Height, block.Region));
        Assert.Equal("127.0.0.1:19443: high-hash", block.DaemonAnswer);
        await using var db = _database.Open();
        Assert.Equal(5_000_000_000, (await db.Blocks.SingleAsync(TestContext.Current.CancellationToken)).Reward);
    }
}

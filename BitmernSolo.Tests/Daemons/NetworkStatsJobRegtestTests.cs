using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Tests.Mining.Support;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Daemons;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Mining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Daemons;

/// <summary>
/// The network statistics job run whole in the app against a fresh litecoind regtest pair: first at the genesis block,
/// where the daemon reports a network hashrate of 0 and the fallback applies, then after a block found through the pool,
/// where the daemon's own figure is taken and the pool's shares count.
/// </summary>
public sealed class NetworkStatsJobRegtestTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>, IDisposable
{
    /// <summary>Litecoin's 2.5-minute block spacing, the fallback's divisor.</summary>
    private const double LitecoinBlockSeconds = 150;

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task EachRunRecordsTheDaemonsHeightTipTimeDifficultyHashrateTheTemplatesRewardAndThePoolsLiveMiners()
    {
        node.SkipIfUnavailable();
        Assert.Equal(0, await node.HeightAsync()); // this class's own pair: nothing mined yet
        await using var app = new MiningAppFactory(_data.Path, node.Miner.RpcUrl);
        var address = await node.NewAddressAsync("bech32");
        await using var miner = await app.ConnectCpuminerAsync(address + ".rig1");
        var jobs = (PoolJobManager)app.Services.GetRequiredKeyedService<IWorkSource>("ltc");
        var job = app.Services.GetRequiredService<NetworkStatsJob>();

        var atGenesis = await RunAsync(app, job);

        var mining = await node.Miner.CallAsync("getmininginfo");
        Assert.Equal(0, mining.GetProperty("networkhashps").GetDouble()); // what regtest says with no block to average over
        var difficulty = mining.GetProperty("difficulty").GetDouble();
        Assert.Equal(0, atGenesis.Height);
        Assert.Equal(difficulty, atGenesis.NetworkDifficulty);
        Assert.Equal(difficulty * HashrateMath.HashesPerDifficulty / LitecoinBlockSeconds, atGenesis.NetworkHashrate);
        Assert.Equal(await TipTimeAsync(), atGenesis.LastBlockTime);
        Assert.Equal(2011, atGenesis.LastBlockTime!.Value.Year); // regtest's genesis
        Assert.Equal(await TemplateRewardAsync(), atGenesis.BlockReward);
        Assert.Equal(jobs.CurrentTemplate!.CoinbaseValueSatoshis, atGenesis.BlockReward);
        Assert.Equal(50_0000_0000L, atGenesis.BlockReward); // 50 LTC, no fees on an empty chain
        Assert.Equal(0, atGenesis.PoolHashrate);
        Assert.Equal(1, atGenesis.ConnectedMiners);
        Assert.Equal(1, atGenesis.ConnectedWorkers);

        using (var watcher = new BlockWatcher(app.Services))
        {
            Assert.True((await miner.MineShareAsync()).IsTrue()); // at regtest difficulty every share is a block
            await watcher.NextAsync();
        }

        Assert.True(await app.Services.GetRequiredService<ShareStatsFlusher>().FlushAsync(TestContext.Current.CancellationToken));
        await RegtestPool.EventuallyAsync(() => jobs.CurrentTemplate?.Height == 2, "the template on top of the pool's block");

        var afterBlock = await RunAsync(app, job);

        mining = await node.Miner.CallAsync("getmininginfo");
        Assert.Equal(1, afterBlock.Height);
        Assert.Equal(mining.GetProperty("difficulty").GetDouble(), afterBlock.NetworkDifficulty);
        Assert.True(mining.GetProperty("networkhashps").GetDouble() > 0, mining.ToString());
        Assert.Equal(mining.GetProperty("networkhashps").GetDouble(), afterBlock.NetworkHashrate);
        Assert.Equal(await TipTimeAsync(), afterBlock.LastBlockTime);
        Assert.Equal(await TemplateRewardAsync(), afterBlock.BlockReward);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var shares = await db.ShareStats.Where(s => s.PoolId == "ltc").Select(s => s.DifficultySum).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(miner.Difficulty, shares.Sum(), 12);
        Assert.Equal(HashrateMath.FromDifficultySum(miner.Difficulty, NetworkStatsJob.PoolHashrateWindow.TotalSeconds, 65536), afterBlock.PoolHashrate, 1e-9);
        Assert.True(afterBlock.PoolHashrate > 0);
        Assert.Equal(1, afterBlock.ConnectedMiners);
        Assert.Equal(1, afterBlock.ConnectedWorkers);
    }

    /// <summary>Runs the job and returns the row it wrote for the pool (the newest).</summary>
    private static async Task<NetworkStat> RunAsync(MiningAppFactory app, NetworkStatsJob job)
    {
        var databases = app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();
        long before;
        await using (var db = await databases.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            before = await db.NetworkStats.MaxAsync(s => (long?)s.Id, TestContext.Current.CancellationToken) ?? 0;
        }

        await job.RunAsync(TestContext.Current.CancellationToken);

        await using var after = await databases.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await after.NetworkStats.AsNoTracking().Where(s => s.PoolId == "ltc" && s.Id > before).OrderBy(s => s.Id).LastAsync(TestContext.Current.CancellationToken);
    }

    private async Task<DateTimeOffset> TipTimeAsync()
    {
        var tip = await node.Rpc.GetBestBlockHashAsync(TestContext.Current.CancellationToken);
        var header = await node.Miner.CallAsync("getblockheader", JsonValue.Create(tip.ToDisplayHex()));
        return DateTimeOffset.FromUnixTimeSeconds(header.GetProperty("time").GetInt64());
    }

    private async Task<long> TemplateRewardAsync() =>
        (await node.Rpc.GetBlockTemplateAsync(RegtestMiner.LitecoinRules, cancellationToken: TestContext.Current.CancellationToken)).CoinbaseValueSatoshis;
}

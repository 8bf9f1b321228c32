using System.Net;
using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Web.Components.Pages.Pool;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Daemons;
using BitmernSolo.Web.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PoolStatusReader = BitmernSolo.Web.Dashboards.PoolStatusReader;
using BitmernSolo.Bench.Regtest;

namespace BitmernSolo.Tests.Daemons;

/// <summary>The daemon health monitor against a real litecoind regtest pair.</summary>
public sealed class DaemonHealthMonitorRegtestTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>
{
    /// <summary>What a second daemon may say to a block it gets both from us and by relay from the first.</summary>
    private static readonly string[] PeerAnswers = ["accepted", "duplicate", "inconclusive"];

    [Theory]
    [InlineData(NetworkKind.Main, "main")]
    [InlineData(NetworkKind.Test, "test")]
    public async Task APoolConfiguredForAnotherNetworkSeesWrongChainAndHandsOutNoWork(NetworkKind configured, string chainName)
    {
        node.SkipIfUnavailable();
        using var monitor = new DaemonHealthMonitor("ltc", [node.Rpc], CoinRegistry.Get("litecoin", configured), null, TimeProvider.System);
        using var manager = RegtestPool.CreateManager([node.Rpc], await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("bech32")),
            TimeSpan.FromSeconds(1), monitor);

        var published = await manager.RefreshAsync(TestContext.Current.CancellationToken);

        Assert.False(published);
        Assert.Null(manager.CurrentJob);
        Assert.Equal(DaemonState.WrongChain, monitor.Status.State);
        Assert.Contains($"daemon is on 'regtest', pool configured for '{chainName}'", monitor.Status.Reason, StringComparison.Ordinal);
        Assert.Contains($"pool configured for '{chainName}'", manager.NoWorkReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASyncedDaemonReportsHeightPeersVersionAndLatency()
    {
        node.SkipIfUnavailable();
        using var monitor = new DaemonHealthMonitor("ltc", [node.Rpc], RegtestPool.Litecoin, await node.NewAddressAsync("bech32"), TimeProvider.System);

        var status = await monitor.CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DaemonState.Synced, status.State);
        Assert.Null(status.Reason);
        var daemon = Assert.Single(status.Daemons);
        Assert.Equal("regtest", daemon.Chain);
        Assert.Equal(await node.HeightAsync(), daemon.Height);
        Assert.True(daemon.Peers >= 1);
        Assert.True(daemon.Version > 0);
        Assert.Contains("LitecoinCore", daemon.SubVersion, StringComparison.OrdinalIgnoreCase);
        Assert.True(daemon.RpcLatency > TimeSpan.Zero);
    }

    [Fact]
    public async Task AFeeAddressTheDaemonRefusesStopsWork()
    {
        node.SkipIfUnavailable();
        // A mainnet address: well formed, but not on regtest.
        using var monitor = new DaemonHealthMonitor("ltc", [node.Rpc], RegtestPool.Litecoin, "LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9", TimeProvider.System);

        var status = await monitor.CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DaemonState.FeeAddressRefused, status.State);
        Assert.Contains("refuses the pool's fee address", status.Reason, StringComparison.Ordinal);
        Assert.Empty((await monitor.SelectAsync(TestContext.Current.CancellationToken)).Daemons);
    }

    [Fact]
    public async Task ARefusedFeeAddressIsCalledSoOnThePoolPageAndInReadyzNotWrongNetwork()
    {
        node.SkipIfUnavailable();
        // The start-up validator would refuse this address for a regtest pool; the registry is built without it, as if the
        // pool's parser and the daemon disagreed.
        var ltc = new CoinPoolOptions
        {
            Id = "ltc", Enabled = true, Coin = "litecoin", Network = "regtest", FeeAddress = "LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9",
            Daemons = [new DaemonOptions { Url = node.Miner.RpcUrl.ToString(), User = LitecoindNode.RpcUser, Password = LitecoindNode.RpcPassword }],
        };
        var pools = Options.Create(new PoolListOptions { Pools = [ltc] });
        await using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        using var registry = new PoolDaemonRegistry(pools, services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System);
        await registry.Find("ltc")!.Monitor.CheckAsync(TestContext.Current.CancellationToken);
        using var database = await TestDatabase.CreateAsync();

        var source = new DaemonPoolStatusSource(registry, new FanOutLatency(), services);
        var page = await new PoolStatusReader(database, TimeProvider.System, [source]).GetStatusAsync("ltc", TestContext.Current.CancellationToken);
        var ready = await new PoolDaemonsHealthCheck(pools, [source])
            .CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal("fee address refused", PoolOverviewLoader.DaemonText(page.Daemon));
        Assert.Contains("refuses the pool's fee address", page.Detail, StringComparison.Ordinal);
        Assert.Equal("fee address refused", ready.Data["ltc"]);
    }

    [Fact]
    public async Task TemplatesComeFromTheFirstHealthyDaemonWhenTheFirstConfiguredIsDown()
    {
        node.SkipIfUnavailable();
        var dead = node.Miner.ClientWith(new DaemonEndpoint(new Uri($"http://127.0.0.1:{LitecoindNode.FreePort()}/"), "x", "y") { Timeout = TimeSpan.FromSeconds(5) });
        using var monitor = new DaemonHealthMonitor("ltc", [dead, node.Rpc], RegtestPool.Litecoin, null, TimeProvider.System);
        using var manager = RegtestPool.CreateManager([dead, node.Rpc], await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("bech32")),
            TimeSpan.FromSeconds(1), monitor);

        Assert.True(await manager.RefreshAsync(TestContext.Current.CancellationToken));

        Assert.Equal(DaemonState.Synced, monitor.Status.State);
        Assert.Equal(DaemonState.Down, monitor.Status.Daemons[0].State);
        Assert.Equal(DaemonState.Synced, monitor.Status.Daemons[1].State);
        Assert.Same(node.Rpc, Assert.Single((await monitor.SelectAsync(TestContext.Current.CancellationToken)).Daemons));
        Assert.NotNull(manager.CurrentJob);
    }

    [Fact]
    public async Task AFoundBlockIsSubmittedToEveryConfiguredDaemonAndAcceptedWhenOneTakesIt()
    {
        node.SkipIfUnavailable();
        var dead = node.Miner.ClientWith(new DaemonEndpoint(new Uri($"http://127.0.0.1:{LitecoindNode.FreePort()}/"), "x", "y") { Timeout = TimeSpan.FromSeconds(5) });
        IReadOnlyList<DaemonRpcClient> daemons = [dead, node.Rpc, node.Peer.Rpc];
        using var monitor = new DaemonHealthMonitor("ltc", daemons, RegtestPool.Litecoin, null, TimeProvider.System);
        var script = await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("bech32"));
        using var manager = RegtestPool.CreateManager(daemons, script, TimeSpan.FromSeconds(1), monitor);
        Assert.True(await manager.RefreshAsync(TestContext.Current.CancellationToken));
        var job = (MiningJob)manager.GetJobFor(script)!;
        byte[] extranonce1 = [1, 2, 3, 4];
        var extranonce2 = new byte[8];
        var nonce = 0u;
        ShareCheckResult share;
        while (!(share = job.CheckShare(extranonce1, extranonce2, job.NTime, nonce, job.Version)).MeetsNetworkTarget)
        {
            nonce++;
        }

        var result = await manager.SubmitBlockAsync(job, job.BuildBlockHex(extranonce1, extranonce2, job.NTime, nonce, job.Version), TestContext.Current.CancellationToken);

        Assert.True(result.Accepted, string.Join("; ", result.DaemonAnswers));
        Assert.Null(result.RejectReason);
        // One answer per configured daemon, in configuration order, each naming its endpoint: the dead one could not be
        // reached; the peer accepted it too, or already had it by relay ("duplicate").
        Assert.Equal(3, result.DaemonAnswers.Count);
        Assert.StartsWith(dead.Endpoint + ": ", result.DaemonAnswers[0], StringComparison.Ordinal);
        Assert.Contains("unreachable", result.DaemonAnswers[0], StringComparison.Ordinal);
        Assert.Equal(node.Rpc.Endpoint + ": accepted", result.DaemonAnswers[1]);
        Assert.Contains(result.DaemonAnswers[2], PeerAnswers.Select(a => node.Peer.Rpc.Endpoint + ": " + a));
        var hash = share.BlockHash;
        Assert.Equal(hash, await node.Rpc.GetBestBlockHashAsync(TestContext.Current.CancellationToken));
        // An "inconclusive" peer (still a block behind when the block arrived) takes it once it has caught up by relay.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await node.Peer.Rpc.GetBestBlockHashAsync(TestContext.Current.CancellationToken) != hash && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(hash, await node.Peer.Rpc.GetBestBlockHashAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ANetworkSampleHasTheDaemonsHeightTipTimeDifficultyAPositiveHashrateTheBlockRewardAndThePoolsActivity()
    {
        node.SkipIfUnavailable();
        await node.GenerateToHeightAsync(Math.Max(2, await node.HeightAsync()));
        var chain = await node.Rpc.GetBlockchainInfoAsync(TestContext.Current.CancellationToken);
        var tip = await node.Rpc.GetBlockAsync(await node.Rpc.GetBestBlockHashAsync(TestContext.Current.CancellationToken), 1, TestContext.Current.CancellationToken);
        SessionInfo Session(string address, string? worker) => new(
            "00000000", IPAddress.Loopback, null, worker is null ? null : new WorkerKey("ltc", address, worker), 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            LocalPort: 3333, LastShareAt: null, Hashrate: 0);

        var sample = NetworkStatsJob.WithPoolActivity(
            await NetworkStatsJob.SampleAsync("ltc", RegtestPool.Litecoin, node.Rpc, null, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken),
            difficultySum: 600, RegtestPool.Litecoin.ShareMultiplier,
            [Session("ltc1qa", "rig1"), Session("ltc1qa", "rig1"), Session("ltc1qa", "rig2"), Session("ltc1qb", ""), Session("ltc1qc", null)]);

        Assert.Equal("ltc", sample.PoolId);
        Assert.Equal(chain.Blocks, sample.Height);
        Assert.Equal(chain.Difficulty, sample.NetworkDifficulty);
        Assert.True(sample.NetworkHashrate > 0);
        Assert.True(sample.BlockReward >= 50_0000_0000L / 2); // regtest halves every 150 blocks; the tip's coinbase paid at least that
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(tip.GetProperty("time").GetInt64()), sample.LastBlockTime);
        // 600 difficulty over the ten-minute window is one difficulty a second: 2^32 / the share multiplier (scrypt's 65536) H/s.
        Assert.Equal(HashrateMath.HashesPerDifficulty / RegtestPool.Litecoin.ShareMultiplier, sample.PoolHashrate);
        Assert.Equal(3, sample.ConnectedWorkers); // a rig on two connections counts once; an unauthorized connection not at all
        Assert.Equal(2, sample.ConnectedMiners);
    }
}

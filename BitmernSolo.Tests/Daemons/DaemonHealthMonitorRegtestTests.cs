using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Web.Daemons;

namespace BitmernSolo.Tests.Daemons;

/// <summary>The daemon health monitor against a real litecoind regtest pair.</summary>
public sealed class DaemonHealthMonitorRegtestTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>
{
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

        Assert.Equal(DaemonState.WrongChain, status.State);
        Assert.Contains("refuses the pool's fee address", status.Reason, StringComparison.Ordinal);
        Assert.Empty((await monitor.SelectAsync(TestContext.Current.CancellationToken)).Daemons);
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
    public async Task ANetworkSampleHasTheDaemonsHeightDifficultyAPositiveHashrateAndTheBlockReward()
    {
        node.SkipIfUnavailable();
        await node.GenerateToHeightAsync(Math.Max(2, await node.HeightAsync()));
        var chain = await node.Rpc.GetBlockchainInfoAsync(TestContext.Current.CancellationToken);

        var sample = await NetworkStatsJob.SampleAsync("ltc", RegtestPool.Litecoin, node.Rpc, null, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);

        Assert.Equal("ltc", sample.PoolId);
        Assert.Equal(chain.Blocks, sample.Height);
        Assert.Equal(chain.Difficulty, sample.NetworkDifficulty);
        Assert.True(sample.NetworkHashrate > 0);
        Assert.True(sample.BlockReward >= 50_0000_0000L / 2); // regtest halves every 150 blocks; the tip's coinbase paid at least that
    }
}
